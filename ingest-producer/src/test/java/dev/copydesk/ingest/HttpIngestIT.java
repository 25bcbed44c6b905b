package dev.copydesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every status code of POST /articles, on the real broker (and on a broker that is not there, for 503). */
@ExtendWith(KafkaStackExtension.class)
class HttpIngestIT {

    private static final String STORY =
            "WASHINGTON (AP) — The Senate passed a temporary funding bill late Wednesday, officials said.";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(int port, String contentType, byte[] body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/articles"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptsTextHtmlAndJsonAndAnswersEveryFailureWithItsCode(TestStack stack) throws Exception {
        String topic = "http-" + UUID.randomUUID().toString().substring(0, 8);
        ArticlePublisherIT.createTopic(stack, topic);
        IngestConfig config = new IngestConfig(ArticlePublisherIT.settings(stack, topic, 4096));
        try (ArticlePublisher publisher = new ArticlePublisher(config);
                HttpIngest ingest = new HttpIngest(
                        publisher,
                        new InetSocketAddress("127.0.0.1", 0),
                        4096,
                        Optional.of("s3cret"),
                        Duration.ofSeconds(20))) {
            int port = ingest.port();
            HttpResponse<String> text = post(port, "text/plain; charset=utf-8", STORY.getBytes(), "s3cret");
            assertThat(text.statusCode()).as(text.body()).isEqualTo(202);
            String id = new ObjectMapper().readTree(text.body()).path("id").asText();
            assertThat(id).isNotEmpty();
            assertThat(post(port, "text/html", ("<html><body><p>" + STORY + "</p></body></html>").getBytes(), "s3cret")
                            .statusCode())
                    .isEqualTo(202);
            HttpResponse<String> json = post(
                    port,
                    "application/json",
                    ("{\"text\": \"" + STORY
                                    + "\", \"sourceRef\": \"https://wire.example/1\", \"metadata\": {\"feed\": \"ap\"}}")
                            .getBytes(),
                    "s3cret");
            assertThat(json.statusCode()).isEqualTo(202);

            assertThat(post(port, "text/plain", STORY.getBytes(), null).statusCode())
                    .isEqualTo(401);
            assertThat(post(port, "text/plain", STORY.getBytes(), "wrong").statusCode())
                    .isEqualTo(401);
            assertThat(post(port, "text/plain", new byte[0], "s3cret").statusCode())
                    .isEqualTo(400);
            assertThat(post(port, "text/plain", new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0}, "s3cret")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(post(port, "application/json", "{not json".getBytes(), "s3cret")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(post(port, "application/json", "{\"title\": 1}".getBytes(), "s3cret")
                            .statusCode())
                    .isEqualTo(400);
            HttpResponse<String> big = post(port, "text/plain", "x".repeat(5000).getBytes(), "s3cret");
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.body()).contains("limit");
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/articles"))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(405);
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
        List<ConsumerRecord<String, byte[]>> records = ArticlePublisherIT.readAll(stack, topic, 3);
        var deserializer = AvroSerdes.specific(RawArticle.class, stack.clientSettings(), false)
                .deserializer();
        Map<String, RawArticle> bySource = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            RawArticle a = deserializer.deserialize(topic, r.value());
            bySource.put(a.getSourceRef() + "/" + a.getContentType(), a);
        }
        assertThat(bySource).hasSize(3);
        assertThat(bySource.get("https://wire.example/1/TEXT").getMetadata())
                .containsEntry("feed", "ap")
                .containsEntry("via", "http");
        assertThat(bySource.keySet())
                .anyMatch(k -> k.startsWith("http:127.0.0.1") && k.endsWith("/" + ContentType.HTML));
    }

    @Test
    void aBrokerThatDoesNotAnswerGives503(TestStack stack) throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(ArticlePublisherIT.settings(stack, "nowhere", 4096));
        settings.put("bootstrap.servers", "127.0.0.1:" + deadPort);
        settings.put("max.block.ms", "2000");
        settings.put("delivery.timeout.ms", "3000");
        settings.put("request.timeout.ms", "2000");
        settings.put("linger.ms", "0");
        try (ArticlePublisher publisher = new ArticlePublisher(new IngestConfig(settings));
                HttpIngest ingest = new HttpIngest(
                        publisher,
                        new InetSocketAddress("127.0.0.1", 0),
                        4096,
                        Optional.empty(),
                        Duration.ofSeconds(5))) {
            HttpResponse<String> answer = post(ingest.port(), "text/plain", STORY.getBytes(), null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.body()).contains("Kafka did not acknowledge");
        }
    }
}
