package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.Alert;
import dev.copydesk.avro.AlertKind;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.Entity;
import dev.copydesk.avro.EntityType;
import dev.copydesk.config.ServiceConfig;
import dev.copydesk.serde.AvroSerializer;
import dev.copydesk.store.ArticleStore;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The subscriber API on the real broker: SSE resume across a restart, filters, slow clients, tokens, JSON reads. */
@ExtendWith(KafkaStackExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ArticleStreamIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One parsed SSE event. */
    record Event(String id, String name, JsonNode data) {}

    private static Article article(String id, String lang, int version, String body) {
        return Article.newBuilder()
                .setId(id)
                .setStoryId(version > 1 ? id.replaceAll("-v\\d+$", "") : id)
                .setVersion(version)
                .setSourceRef(id + ".txt")
                .setReceivedAt(Instant.now())
                .setProcessedAt(Instant.now())
                .setTitle("Title of " + id)
                .setBody(body)
                .setLanguage(lang)
                .setContentHash("h-" + id)
                .setWordCount(3)
                .setAgency("Yonhap")
                .setCountries(List.of("KR"))
                .setEntities(List.of(Entity.newBuilder()
                        .setType(EntityType.PERSON)
                        .setName("Lloyd Austin")
                        .setMentions(2)
                        .build()))
                .build();
    }

    private static void publish(TestStack stack, String topic, List<Article> articles) throws Exception {
        AvroSerializer<Article> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(topic, a.getId(), serializer.serialize(topic, a)));
            }
            producer.flush();
        }
    }

    private ServiceConfig config(TestStack stack, String topic, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(stack.clientStrings());
        settings.put("copydesk.topic.enriched", topic);
        settings.putAll(more);
        return new ServiceConfig(settings) {};
    }

    private static String createTopic(TestStack stack, int partitions) throws Exception {
        String topic = "sse-enriched-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(admin, List.of(new NewTopic(topic, partitions, (short) 1)));
        }
        return topic;
    }

    /** Reads events until {@code count} arrived or the time is up, then hangs up. */
    private static List<Event> read(String url, String lastEventId, int count, Duration within) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<Event> events = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null, name = null, data = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data = line.substring(6);
                    } else if (line.isEmpty() && data != null) {
                        events.add(new Event(id, name, JSON.readTree(data)));
                        id = name = data = null;
                        if (events.size() >= count) {
                            return;
                        }
                    }
                }
            } catch (Exception e) {
                System.err.println("sse read ended: " + e); // hung up, or the server did
            }
        });
        reader.start();
        reader.join(within.toMillis());
        response.body().close();
        return new ArrayList<>(events);
    }

    @Test
    void theAlertStreamFiltersByWatchlistAndResumesAfterTheLastEvent(TestStack stack) throws Exception {
        String alerts = createTopic(stack, 2);
        publishAlerts(stack, alerts, List.of("boe/a1", "ferries/a1", "boe/a2", "other/a3", "ferries/a4"));
        Map<String, String> topics = Map.of("copydesk.topic.alerts", alerts);
        String db = "jdbc:sqlite:" + dir.resolve("alerts.db");
        List<Event> first;
        try (DashboardServer server =
                new DashboardServer(config(stack, "unused", topics), db, "127.0.0.1", 0, "e", "s")) {
            String url = "http://127.0.0.1:" + server.port() + "/v1/alerts/stream?watchlist=boe,ferries&from=beginning";
            first = read(url, null, 4, Duration.ofSeconds(30));
        }
        assertThat(first).extracting(Event::name).containsOnly("alert");
        assertThat(first)
                .extracting(e -> e.data().get("id").asText())
                .containsExactlyInAnyOrder("boe/a1", "ferries/a1", "boe/a2", "ferries/a4");

        publishAlerts(stack, alerts, List.of("other/a5", "boe/a6"));
        try (DashboardServer restarted =
                new DashboardServer(config(stack, "unused", topics), db, "127.0.0.1", 0, "e", "s")) {
            String url = "http://127.0.0.1:" + restarted.port() + "/v1/alerts/stream?watchlist=boe,ferries";
            List<Event> after = read(url, first.get(first.size() - 1).id(), 2, Duration.ofSeconds(8));
            assertThat(after).extracting(e -> e.data().get("id").asText()).containsExactly("boe/a6");
        }
    }

    /** Alerts by id "watchlist/article", keyed by watchlist as enrich-streams keys them. */
    private static void publishAlerts(TestStack stack, String topic, List<String> ids) throws Exception {
        AvroSerializer<Alert> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            for (String id : ids) {
                String watchlist = id.substring(0, id.indexOf('/'));
                String article = id.substring(id.indexOf('/') + 1);
                Alert alert = Alert.newBuilder()
                        .setId(id)
                        .setWatchlist(watchlist)
                        .setKind(AlertKind.NEW)
                        .setArticleId(article)
                        .setStoryId(article)
                        .setVersion(1)
                        .setTitle("Story " + article)
                        .setLanguage("en")
                        .setScore(1.0)
                        .setMatchedAt(java.time.Instant.now())
                        .build();
                producer.send(new ProducerRecord<>(topic, watchlist, serializer.serialize(topic, alert)));
            }
            producer.flush();
        }
    }

    @Test
    void aSubscriberResumesAfterItsLastEventAcrossAServerRestartWithNothingLostOrRepeated(TestStack stack)
            throws Exception {
        String topic = createTopic(stack, 3);
        List<Article> first = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            first.add(
                    i % 3 == 2
                            ? article("fr-" + i, "fr", 1, "Grève " + i)
                            : article("en-" + i, "en", 1, "Talks in Seoul " + i));
        }
        first.add(article("en-0-v2", "en", 2, "Talks in Seoul, updated"));
        publish(stack, topic, first);
        String db = "jdbc:sqlite:" + dir.resolve("empty.db");
        Set<String> englishIds = new HashSet<>();
        first.stream().filter(a -> a.getLanguage().equals("en")).forEach(a -> englishIds.add(a.getId()));

        List<Event> before;
        try (DashboardServer server =
                new DashboardServer(config(stack, topic, Map.of()), db, "127.0.0.1", 0, "e", "s")) {
            String url = "http://127.0.0.1:" + server.port() + "/v1/articles/stream?lang=en&from=beginning";
            before = read(url, null, 12, Duration.ofSeconds(30));
        }
        assertThat(before).hasSize(12);
        assertThat(before).allMatch(e -> e.data().get("language").asText().equals("en"));

        List<Article> second = new ArrayList<>();
        for (int i = 30; i < 40; i++) {
            second.add(
                    i % 2 == 0
                            ? article("en-" + i, "en", 1, "More talks " + i)
                            : article("fr-" + i, "fr", 1, "Plus " + i));
        }
        publish(stack, topic, second);
        second.stream().filter(a -> a.getLanguage().equals("en")).forEach(a -> englishIds.add(a.getId()));

        int remaining = englishIds.size() - before.size();
        List<Event> after;
        try (DashboardServer restarted =
                new DashboardServer(config(stack, topic, Map.of()), db, "127.0.0.1", 0, "e", "s")) {
            String url = "http://127.0.0.1:" + restarted.port() + "/v1/articles/stream?lang=en";
            after = read(url, before.get(before.size() - 1).id(), remaining + 1, Duration.ofSeconds(10));
        }
        List<String> seen = new ArrayList<>();
        before.forEach(e -> seen.add(e.data().get("id").asText()));
        after.forEach(e -> seen.add(e.data().get("id").asText()));
        assertThat(after).as("exactly the English articles not yet seen").hasSize(remaining);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(englishIds);
        Event update = Stream.concat(before.stream(), after.stream())
                .filter(e -> e.data().get("id").asText().equals("en-0-v2"))
                .findFirst()
                .orElseThrow();
        assertThat(update.name()).isEqualTo("update");
        assertThat(update.data().get("version").asInt()).isEqualTo(2);
        assertThat(before.get(0).name()).isEqualTo("article");
        assertThat(before.get(0).data().get("receivedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(before.get(0).data().get("entities").get(0).get("name").asText())
                .isEqualTo("Lloyd Austin");
    }

    @Test
    void filtersApplyOnTheServerAndTheJsonFormMatchesItsSchema(TestStack stack) throws Exception {
        String topic = createTopic(stack, 1);
        publish(
                stack,
                topic,
                List.of(
                        article("a", "en", 1, "Talks in Seoul on deterrence"),
                        article("b", "en", 1, "Rates held"),
                        article("c", "fr", 1, "Talks à Paris")));
        try (DashboardServer server = new DashboardServer(
                config(stack, topic, Map.of()), "jdbc:sqlite:" + dir.resolve("f.db"), "127.0.0.1", 0, "e", "s")) {
            String base = "http://127.0.0.1:" + server.port();
            assertThat(read(
                            base + "/v1/articles/stream?from=beginning&q=talks%20seoul",
                            null,
                            3,
                            Duration.ofSeconds(8)))
                    .extracting(e -> e.data().get("id").asText())
                    .containsExactly("a");
            assertThat(read(
                            base
                                    + "/v1/articles/stream?from=beginning&country=kr&entity=lloyd%20austin&agency=yonhap&lang=fr",
                            null,
                            3,
                            Duration.ofSeconds(8)))
                    .extracting(e -> e.data().get("id").asText())
                    .containsExactly("c");
            JsonNode schema =
                    JSON.readTree(get(base + "/v1/schema/article.json", null).body());
            Event one = read(base + "/v1/articles/stream?from=beginning", null, 1, Duration.ofSeconds(8))
                    .get(0);
            Set<String> fields = new HashSet<>();
            one.data().fieldNames().forEachRemaining(fields::add);
            Set<String> required = new HashSet<>();
            schema.get("required").forEach(n -> required.add(n.asText()));
            assertThat(fields).isEqualTo(required);
            assertThat(schema.at("/properties/receivedAt/format").asText()).isEqualTo("date-time");
            HttpResponse<String> bad = get(base + "/v1/articles/stream?from=yesterday", null);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("ISO-8601");
            HttpRequest foreign = HttpRequest.newBuilder(URI.create(base + "/v1/articles/stream"))
                    .header("Last-Event-ID", "abc")
                    .build();
            assertThat(HttpClient.newHttpClient()
                            .send(foreign, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void aSlowClientIsDroppedWithAClearEventWhileOthersAndConsumerGroupsKeepUp(TestStack stack) throws Exception {
        String topic = createTopic(stack, 2);
        // ~60 MB in all: far more than the kernel's socket buffers between server and client can hold, so a client
        // that reads nothing makes the server wait on it
        String body = "Seoul talks. ".repeat(3000); // ~40 KB a story
        List<Article> many = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            many.add(article("s-" + i, "en", 1, body));
        }
        publish(stack, topic, many);
        try (DashboardServer server = new DashboardServer(
                config(
                        stack,
                        topic,
                        Map.of("copydesk.serve.stream.buffer", "50", "copydesk.serve.stream.stall.ms", "5000")),
                "jdbc:sqlite:" + dir.resolve("s.db"),
                "127.0.0.1",
                0,
                "e",
                "s")) {
            // a client that asks for everything and then reads slowly, through a small receive window
            Socket slow = new Socket();
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", server.port()));
            OutputStream request = slow.getOutputStream();
            request.write(("GET /v1/articles/stream?from=beginning HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            // meanwhile a fast subscriber gets all 1500, and a consumer group (the pipeline's kind) reads the topic to
            // its end: the stalled client holds up neither
            int[] fast = {0};
            Thread subscriber = new Thread(() -> {
                try {
                    fast[0] = countEvents(
                            "http://127.0.0.1:" + server.port() + "/v1/articles/stream?from=beginning",
                            1500,
                            Duration.ofSeconds(90));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            subscriber.start();
            int[] grouped = {0};
            Thread pipeline = new Thread(() -> {
                Map<String, Object> group = new HashMap<>(stack.clientSettings());
                group.put(ConsumerConfig.GROUP_ID_CONFIG, "sse-pipeline-" + topic);
                group.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                try (KafkaConsumer<byte[], byte[]> consumer =
                        new KafkaConsumer<>(group, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of(topic));
                    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (grouped[0] < 1500 && System.nanoTime() < end) {
                        grouped[0] += consumer.poll(Duration.ofMillis(200)).count();
                    }
                }
            });
            pipeline.start();
            // the stalled client reads nothing past the stall time (5 s), then reads what it was sent
            Thread.sleep(8_000);
            // the slow one, read now at a trickle, ends on the drop notice
            StringBuilder seen = new StringBuilder();
            byte[] chunk = new byte[8192];
            InputStream in = slow.getInputStream();
            slow.setSoTimeout(5_000);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            try {
                for (int n = in.read(chunk); n > 0 && System.nanoTime() < deadline; n = in.read(chunk)) {
                    seen.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                    if (seen.length() > 200_000) {
                        seen.delete(0, seen.length() - 100_000); // the notice comes last: keep the tail
                    }
                    if (seen.indexOf("event: dropped") >= 0) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // nothing more came: the assertion below says what was missing
            }
            slow.close();
            subscriber.join(90_000);
            pipeline.join(60_000);
            assertThat(fast[0]).isEqualTo(1500);
            assertThat(grouped[0]).isEqualTo(1500);
            assertThat(seen).contains("event: dropped").contains("took nothing for 5000 ms with 50 events waiting");
        }
    }

    @Test
    void withATokenTheApiAnswersOnlyThoseWhoHoldIt(TestStack stack) throws Exception {
        String topic = createTopic(stack, 1);
        try (DashboardServer server = new DashboardServer(
                config(stack, topic, Map.of()),
                "jdbc:sqlite:" + dir.resolve("t.db"),
                "127.0.0.1",
                0,
                "e",
                "s",
                Optional.of("t0ken"))) {
            String base = "http://127.0.0.1:" + server.port();
            for (String path :
                    List.of("/v1/articles/stream", "/v1/search?q=x", "/v1/articles/a", "/v1/schema/article.json")) {
                assertThat(get(base + path, null).statusCode()).as(path).isEqualTo(401);
            }
            assertThat(get(base + "/v1/schema/article.json", "t0ken").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void articlesStoriesAndSearchAnswerFromTheDatabase(TestStack stack) throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("store.db");
        try (ArticleStore store = new ArticleStore(db, "g")) {
            store.write(
                    List.of(
                            article("a1", "en", 1, "Ferry crews strike over rosters"),
                            article("a1-v2", "en", 2, "Ferry crews strike, updated")),
                    List.of(),
                    Map.of());
        }
        String topic = createTopic(stack, 1);
        try (DashboardServer server =
                new DashboardServer(config(stack, topic, Map.of()), db, "127.0.0.1", 0, "e", "s")) {
            String base = "http://127.0.0.1:" + server.port();
            JsonNode one = JSON.readTree(get(base + "/v1/articles/a1", null).body());
            assertThat(one.get("id").asText()).isEqualTo("a1");
            assertThat(one.get("storyId").asText()).isEqualTo("a1");
            assertThat(one.get("entities").get(0).get("name").asText()).isEqualTo("Lloyd Austin");
            JsonNode story = JSON.readTree(get(base + "/v1/stories/a1", null).body());
            assertThat(story.get("versions")).hasSize(2);
            assertThat(story.get("versions").get(1).get("version").asInt()).isEqualTo(2);
            JsonNode hits =
                    JSON.readTree(get(base + "/v1/search?q=ferry&lang=en", null).body());
            assertThat(hits).hasSize(2);
            assertThat(hits.get(0).get("snippet").asText()).contains("<mark>");
            // the same --since as copydesk search takes
            assertThat(JSON.readTree(
                            get(base + "/v1/search?q=ferry&since=1w", null).body()))
                    .hasSize(2);
            HttpResponse<String> badSince = get(base + "/v1/search?q=ferry&since=soon", null);
            assertThat(badSince.statusCode()).isEqualTo(400);
            assertThat(badSince.body()).contains("an age like 30m, 12h, 2d, 1w or a date");
            assertThat(get(base + "/v1/articles/nope", null).statusCode()).isEqualTo(404);
            assertThat(get(base + "/v1/search", null).statusCode()).isEqualTo(400);
        }
    }

    /** How many events arrive, up to {@code count}, without keeping them (a backlog of large stories). */
    private static int countEvents(String url, int count, Duration within) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        int[] events = {0};
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null && events[0] < count; line = in.readLine()) {
                    if (line.startsWith("event: article")) {
                        events[0]++;
                    }
                }
            } catch (Exception e) {
                // hung up
            }
        });
        reader.start();
        reader.join(within.toMillis());
        response.body().close();
        return events[0];
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
