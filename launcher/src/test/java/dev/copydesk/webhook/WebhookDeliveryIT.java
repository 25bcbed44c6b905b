package dev.copydesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.Alert;
import dev.copydesk.avro.AlertKind;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.Watchlist;
import dev.copydesk.config.ServiceConfig;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Webhook delivery against a real broker and a real HTTP receiver that misbehaves as receivers do. */
@ExtendWith(KafkaStackExtension.class)
class WebhookDeliveryIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String alerts = "wh-alerts-" + run;
    private final String watchlists = "wh-watchlists-" + run;
    private final String dlq = "wh-dlq-" + run;

    /** What the receiver got: one entry per request. */
    record Received(int status, String idempotencyKey, String signature, String watchlist, byte[] body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private HttpServer receiver;

    private String receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        // /flaky fails twice with 503, then accepts; /down always answers 500; /gone refuses with 410
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = switch (path) {
                case "/flaky" -> flakyCalls.incrementAndGet() <= 2 ? 503 : 200;
                case "/down" -> 500;
                case "/gone" -> 410;
                default -> 404;
            };
            received.add(new Received(
                    status,
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-Copydesk-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Copydesk-Watchlist"),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aFlakyReceiverGetsOneDeliveryAfterRetriesAndADeadOneADeadLetter(TestStack stack) throws Exception {
        String base = receiver();
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(
                    admin,
                    List.of(
                            new NewTopic(alerts, 2, (short) 1),
                            new NewTopic(watchlists, 1, (short) 1),
                            new NewTopic(dlq, 1, (short) 1)));
        }
        Map<String, Object> serde = stack.clientSettings();
        var watchlistSerializer =
                AvroSerdes.specific(Watchlist.class, serde, false).serializer();
        var alertSerializer = AvroSerdes.specific(Alert.class, serde, false).serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(serde, new StringSerializer(), new ByteArraySerializer())) {
            for (Watchlist w : List.of(
                    watchlist("flaky", base + "/flaky", "s3cret"),
                    watchlist("down", base + "/down", null),
                    watchlist("gone", base + "/gone", null),
                    watchlist("quiet", null, null))) {
                producer.send(new ProducerRecord<>(
                                watchlists, w.getName(), watchlistSerializer.serialize(watchlists, w)))
                        .get();
            }
            for (String w : List.of("flaky", "down", "gone", "quiet")) {
                producer.send(new ProducerRecord<>(alerts, w, alertSerializer.serialize(alerts, alert(w, "a1"))))
                        .get();
            }
        }
        Map<String, String> settings = new HashMap<>(stack.clientStrings());
        settings.put("copydesk.topic.alerts", alerts);
        settings.put("copydesk.topic.watchlists", watchlists);
        settings.put("copydesk.topic.dlq", dlq);
        settings.put(WebhookDelivery.GROUP, "wh-" + run);
        settings.put(WebhookDelivery.MAX_ATTEMPTS, "3");
        settings.put(WebhookDelivery.BACKOFF_MS, "100");
        settings.put(WebhookDelivery.TIMEOUT_MS, "5000");
        WebhookDelivery delivery = new WebhookDelivery(new ServiceConfig(settings) {});
        Thread loop = new Thread(delivery, "wh-test");
        loop.start();
        try {
            List<DeadLetter> letters = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(delivery.failure()).isNull();
                letters.clear();
                letters.addAll(deadLetters(stack));
                assertThat(letters).hasSize(2);
                assertThat(received.stream().filter(r -> r.status() == 200)).hasSize(1);
            });

            // the flaky receiver: three requests, one idempotency key, the accepted one signed over its body
            List<Received> flaky =
                    received.stream().filter(r -> "flaky".equals(r.watchlist())).toList();
            assertThat(flaky).extracting(Received::status).containsExactly(503, 503, 200);
            assertThat(flaky).extracting(Received::idempotencyKey).containsOnly("flaky/a1");
            Received accepted = flaky.get(2);
            assertThat(accepted.signature()).isEqualTo("sha256=" + hmac("s3cret", accepted.body()));
            JsonNode body = new ObjectMapper().readTree(accepted.body());
            assertThat(body.get("watchlist").asText()).isEqualTo("flaky");
            assertThat(body.get("articleId").asText()).isEqualTo("a1");
            assertThat(body.get("kind").asText()).isEqualTo("NEW");

            // the dead receiver: retried to the limit, then a dead letter with the reason and the alert's bytes;
            // the one that refuses (410) is not retried
            assertThat(received.stream().filter(r -> "down".equals(r.watchlist())))
                    .hasSize(3);
            assertThat(received.stream().filter(r -> "gone".equals(r.watchlist())))
                    .hasSize(1);
            assertThat(received.stream().filter(r -> r.signature() != null))
                    .allMatch(r -> "flaky".equals(r.watchlist()));
            assertThat(letters)
                    .extracting(DeadLetter::getErrorMessage)
                    .anyMatch(m -> m.endsWith("/down gave HTTP 500 after 3 attempts"))
                    .anyMatch(m -> m.endsWith("/gone gave HTTP 410 after 1 attempt"));
            assertThat(letters)
                    .allMatch(
                            l -> l.getStage().equals("webhook") && l.getReason().equals("webhook-failed"));
            assertThat(letters.get(0).getOriginalValue().remaining()).isPositive();
            // the watchlist without a webhook gets nothing
            assertThat(received).noneMatch(r -> "quiet".equals(r.watchlist()));
        } finally {
            delivery.close();
            loop.join(30_000);
        }
        assertThat(delivery.failure()).isNull();
    }

    private List<DeadLetter> deadLetters(TestStack stack) {
        Map<String, Object> c = new HashMap<>(stack.clientSettings());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var decoder = AvroSerdes.specific(DeadLetter.class, stack.clientSettings(), false)
                .deserializer();
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition p = new TopicPartition(dlq, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            while (consumer.position(p) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(decoder.deserialize(dlq, r.value())));
            }
        }
        return out;
    }

    private static Watchlist watchlist(String name, String webhook, String secret) {
        return Watchlist.newBuilder()
                .setName(name)
                .setQuery("anything")
                .setWebhookUrl(webhook)
                .setSecret(secret)
                .setUpdatedAt(Instant.now())
                .build();
    }

    private static Alert alert(String watchlist, String articleId) {
        return Alert.newBuilder()
                .setId(watchlist + "/" + articleId)
                .setWatchlist(watchlist)
                .setKind(AlertKind.NEW)
                .setArticleId(articleId)
                .setStoryId(articleId)
                .setVersion(1)
                .setTitle("Title of " + articleId)
                .setLanguage("en")
                .setScore(0.5)
                .setMatchedAt(Instant.now())
                .build();
    }

    /** HMAC-SHA256 written out here, not taken from the code under test. */
    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
