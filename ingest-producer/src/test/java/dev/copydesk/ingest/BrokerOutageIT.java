package dev.copydesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.registry.InMemorySchemaRegistryClient;
import dev.copydesk.stack.EmbeddedKafka;
import dev.copydesk.stack.FreePorts;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker away for a minute, on a broker of the test's own (stopped and started again on the same data and port):
 * a producer told to wait ({@code max.block.ms}, {@code delivery.timeout.ms}) buffers through the outage and
 * publishes once, when the broker is back; one told not to wait fails loudly, naming the input, and exits
 * non-zero. Nothing is published twice and nothing is reported published that Kafka did not acknowledge.
 */
class BrokerOutageIT {

    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("copydesk.outage.seconds", 60));

    @TempDir
    Path dir;

    private final String registryScope = "outage-" + UUID.randomUUID();

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistryClient.dropScope(registryScope);
    }

    @Test
    void aMinuteWithoutTheBrokerIsBufferedWhenTheUserSaysWaitAndFailsLoudlyWhenNot() throws Exception {
        int port = FreePorts.pick();
        Path data = dir.resolve("kafka");
        String topic = "outage-raw";
        EmbeddedKafka kafka = new EmbeddedKafka(data, port, Map.of()).start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicAdmin.create(admin, List.of(new NewTopic(topic, 1, (short) 1)));
        }
        Path story = Files.writeString(
                dir.resolve("story.txt"),
                "SEOUL, Nov. 28 (Yonhap) -- The harbour ferry strike ended on Friday "
                        + "after unions and operators signed a wage deal, the transport ministry said.");
        kafka.close();
        long down = System.nanoTime();

        // told to wait: longer than the outage
        CompletableFuture<IngestReport> patient;
        try (ArticlePublisher waiting = new ArticlePublisher(config(port, topic, OUTAGE.multipliedBy(3)))) {
            List<InputSource> once = inputs(story);
            patient = CompletableFuture.supplyAsync(() -> waiting.publish(once, line -> {}));

            // told not to wait: fails within seconds, loudly, with the input named
            try (ArticlePublisher impatient = new ArticlePublisher(config(port, topic, Duration.ofSeconds(3)))) {
                IngestReport refused = impatient.publish(inputs(story), line -> {});
                assertThat(refused.published()).isZero();
                assertThat(refused.exitStatus()).isNotZero();
                assertThat(refused.summary()).contains("story.txt").containsIgnoringCase("not published");
            }
            assertThat(patient).as("still buffering while the broker is away").isNotDone();

            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
            assertThat(patient).as("still buffering after %s", OUTAGE).isNotDone();
            kafka = new EmbeddedKafka(data, port, Map.of()).start();
            IngestReport published = patient.get(2, TimeUnit.MINUTES);
            assertThat(published.published()).isEqualTo(1);
            assertThat(published.exitStatus()).isZero();
        }
        try {
            assertThat(recordsOn(kafka.bootstrapServers(), topic))
                    .as("exactly one copy on the topic")
                    .isEqualTo(1);
        } finally {
            kafka.close();
        }
    }

    private IngestConfig config(int port, String topic, Duration patience) {
        Map<String, String> s = new HashMap<>(IngestConfig.DEFAULTS);
        s.put("bootstrap.servers", "127.0.0.1:" + port);
        s.put("schema.registry.url", "mock://" + registryScope);
        s.put(IngestConfig.TOPIC, topic);
        s.put("max.block.ms", String.valueOf(patience.toMillis()));
        s.put("delivery.timeout.ms", String.valueOf(patience.toMillis() + 30_000));
        s.put("request.timeout.ms", "10000");
        s.put("reconnect.backoff.max.ms", "2000");
        return IngestConfig.load(Optional.empty(), Map.of(), s);
    }

    private static List<InputSource> inputs(Path file) throws Exception {
        return InputSource.of(List.of(file.toString()), new ByteArrayInputStream(new byte[0]));
    }

    private static int recordsOn(String bootstrap, String topic) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-check");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Object> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                if (!seen.isEmpty() && System.currentTimeMillis() > deadline - 15_000) {
                    break; // a second copy would have come with the first
                }
            }
        }
        return seen.size();
    }
}
