package dev.copydesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.serde.WireFormat;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The producer against a real broker and registry: good files published, bad ones rejected with reasons. */
@ExtendWith(KafkaStackExtension.class)
class ArticlePublisherIT {

    @TempDir
    Path dir;

    @Test
    void publishesEveryGoodFileOfAFolderAndReportsEachBadOneWithoutStopping(TestStack stack) throws Exception {
        String topic = "ingest-it-folder";
        createTopic(stack, topic);
        Path in = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(in.resolve("a.txt"), "First story\nBody of the first story.");
        Files.createDirectories(in.resolve("sub"));
        Files.writeString(in.resolve("sub/b.html"), "<html><body><p>Second story</p></body></html>");
        Files.writeString(in.resolve("c.txt"), "Third story, after the bad ones.");
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.write(in.resolve("binary.txt"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0});
        Files.write(in.resolve("latin1.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(in.resolve("huge.txt"), "x".repeat(5000).getBytes(StandardCharsets.UTF_8));
        Files.writeString(in.resolve("notes.md"), "not an article type: skipped when walking a folder");

        IngestConfig config = new IngestConfig(settings(stack, topic, 4096));
        IngestReport report;
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            report = publisher.publish(
                    InputSource.of(
                            List.of(in.toString(), dir.resolve("missing.txt").toString()),
                            new ByteArrayInputStream(new byte[0])),
                    s -> {});
        }

        assertThat(report.published()).isEqualTo(3);
        assertThat(report.exitStatus()).isEqualTo(2);
        assertThat(report.rejected())
                .extracting(Rejection::sourceRef)
                .containsExactlyInAnyOrder(
                        "inbox/empty.txt",
                        "inbox/binary.txt",
                        "inbox/latin1.txt",
                        "inbox/huge.txt",
                        dir.resolve("missing.txt").toString());
        assertThat(report.rejected())
                .extracting(Rejection::reason)
                .anyMatch(r -> r.startsWith("empty"))
                .anyMatch(r -> r.startsWith("binary"))
                .anyMatch(r -> r.startsWith("undecodable"))
                .anyMatch(r -> r.startsWith("too large"))
                .anyMatch(r -> r.contains("no such file"));

        List<ConsumerRecord<String, byte[]>> records = readAll(stack, topic, 3);
        var deserializer = AvroSerdes.specific(RawArticle.class, stack.clientSettings(), false)
                .deserializer();
        List<String> refs = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            RawArticle article = deserializer.deserialize(topic, r.value());
            assertThat(r.key()).isEqualTo(article.getId());
            refs.add(article.getSourceRef());
            // Confluent framing, and the id resolves at the registry's REST API
            assertThat(r.value()[0]).isEqualTo(WireFormat.MAGIC_BYTE);
            HttpResponse<String> schema = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/schemas/ids/"
                                            + WireFormat.schemaId(r.value())))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(schema.statusCode()).isEqualTo(200);
            assertThat(schema.body()).contains("RawArticle");
        }
        assertThat(refs).containsExactlyInAnyOrder("inbox/a.txt", "inbox/sub/b.html", "inbox/c.txt");
    }

    @Test
    void publishesStandardInput(TestStack stack) throws Exception {
        String topic = "ingest-it-stdin";
        createTopic(stack, topic);
        IngestReport report;
        try (ArticlePublisher publisher = new ArticlePublisher(new IngestConfig(settings(stack, topic, 4096)))) {
            report = publisher.publish(
                    InputSource.of(
                            List.of("-"),
                            new ByteArrayInputStream(
                                    "LONDON, Dec 1 (Reuters) - Piped in.".getBytes(StandardCharsets.UTF_8))),
                    s -> {});
        }
        assertThat(report.published()).isEqualTo(1);
        assertThat(report.exitStatus()).isZero();
        assertThat(readAll(stack, topic, 1)).hasSize(1);
    }

    static Map<String, String> settings(TestStack stack, String topic, int maxBytes) {
        Map<String, String> s = new HashMap<>(IngestConfig.DEFAULTS);
        s.putAll(stack.clientStrings());
        s.put(IngestConfig.TOPIC, topic);
        s.put(IngestConfig.MAX_BYTES, String.valueOf(maxBytes));
        return IngestConfig.load(Optional.empty(), Map.of(), s).all();
    }

    static void createTopic(TestStack stack, String topic) throws Exception {
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(admin, List.of(new NewTopic(topic, 2, (short) 1)));
        }
    }

    static List<ConsumerRecord<String, byte[]>> readAll(TestStack stack, String topic, int expected) {
        Map<String, Object> c = new HashMap<>(stack.clientSettings());
        c.put("group.id", "reader-" + topic);
        c.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // anything beyond the expected count would be a double publish
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
