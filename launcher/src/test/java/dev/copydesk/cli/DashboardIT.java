package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.Alert;
import dev.copydesk.avro.AlertKind;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.DuplicateKind;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.avro.Entity;
import dev.copydesk.avro.EntityType;
import dev.copydesk.config.ServiceConfig;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.store.ArticleStore;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: headless Chromium (Debian's {@code chromium}, installed by .ci/run) loads the
 * page while records flow, and the rendered DOM and a screenshot show charts drawn with data.
 */
@ExtendWith(KafkaStackExtension.class)
class DashboardIT {

    @TempDir
    Path dir;

    static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new AssertionError(
                "headless Chromium is needed for the dashboard test: apt-get install chromium (.ci/run does)");
    }

    @Test
    void chartsStoriesAndEntitiesRenderWithDataInABrowser(TestStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String raw = "dash-raw-" + run;
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(
                    admin,
                    List.of(
                            new NewTopic(raw, 1, (short) 1),
                            new NewTopic("dash-enriched-" + run, 1, (short) 1),
                            new NewTopic("dash-dup-" + run, 1, (short) 1),
                            new NewTopic("dash-dlq-" + run, 1, (short) 1)));
        }
        String db = "jdbc:sqlite:" + dir.resolve("dash.db");
        try (ArticleStore store = new ArticleStore(db, "g")) {
            store.write(
                    List.of(
                            article("a1", "Ferry crews strike over rosters", "en", "Mere Tahana"),
                            article("a2", "Rates held as inflation cools", "en", "Andrew Bailey"),
                            article("a3", "Grève des cheminots", "fr", "Clement Beaune")),
                    List.of(DuplicateNotice.newBuilder()
                            .setId("a4")
                            .setSourceRef("copy.txt")
                            .setDuplicateOf("a1")
                            .setKind(DuplicateKind.EXACT)
                            .setSimilarity(1.0)
                            .setStoryId("a1")
                            .setDetectedAt(Instant.now())
                            .build()),
                    Map.of());
        }
        Map<String, String> settings = new HashMap<>(stack.clientStrings());
        settings.put("copydesk.topic.raw", raw);
        settings.put("copydesk.topic.enriched", "dash-enriched-" + run);
        settings.put("copydesk.topic.duplicates", "dash-dup-" + run);
        settings.put("copydesk.topic.dlq", "dash-dlq-" + run);
        ServiceConfig config = new ServiceConfig(settings) {};
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread feeder = new Thread(() -> {
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new StringSerializer())) {
                while (flowing.get()) {
                    for (int i = 0; i < 20; i++) {
                        producer.send(new ProducerRecord<>(raw, "k", "v"));
                    }
                    producer.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        feeder.start();
        try (DashboardServer server =
                new DashboardServer(config, db, "127.0.0.1", 0, "dash-enrich-" + run, "dash-sink-" + run)) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            HttpResponse<String> story = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "api/story?id=a1"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(story.body()).contains("Body of a1").contains("copy.txt").contains("\"kind\":\"exact\"");

            String dom = browser("--dump-dom", url);
            Matcher throughput = Pattern.compile("data-series=\"ingest \\(raw\\)\" data-points=\"(\\d+)\"")
                    .matcher(dom);
            assertThat(throughput.find()).as(dom).isTrue();
            assertThat(Integer.parseInt(throughput.group(1))).isGreaterThanOrEqualTo(2);
            assertThat(dom).contains("data-series=\"enrich-streams\"", "data-series=\"dead letters\"");
            assertThat(Pattern.compile("<rect [^>]*data-value=\"2\"")
                            .matcher(dom)
                            .find())
                    .as("languages bars")
                    .isTrue();
            assertThat(dom).contains("Ferry crews strike over rosters", "Grève des cheminots", "Andrew Bailey");

            Path png = dir.resolve("dashboard.png");
            browser("--screenshot=" + png, "--window-size=1280,900", url);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).isNotNull();
            // the throughput chart's area (upper left) holds lines: many colours, and the ingest series' blue
            Set<Integer> colours = new HashSet<>();
            int blue = 0;
            for (int x = 20; x < image.getWidth() / 2 - 20; x++) {
                for (int y = 80; y < 300 && y < image.getHeight(); y++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                    if (b > 180 && r < 120 && g > 80 && g < 160) {
                        blue++;
                    }
                }
            }
            assertThat(colours.size()).isGreaterThan(10);
            assertThat(blue).as("pixels of the ingest line").isGreaterThan(20);
        } finally {
            flowing.set(false);
            feeder.join(5000);
        }
        // with a token configured, the page and its data answer only those who hold it
        try (DashboardServer guarded =
                new DashboardServer(config, db, "127.0.0.1", 0, "g", "g", Optional.of("t0ken"))) {
            String api = "http://127.0.0.1:" + guarded.port() + "/api/languages";
            HttpClient client = HttpClient.newHttpClient();
            assertThat(client.send(
                                    HttpRequest.newBuilder(URI.create(api)).build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
            assertThat(client.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + guarded.port() + "/"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
            HttpResponse<String> ok = client.send(
                    HttpRequest.newBuilder(URI.create(api))
                            .header("Authorization", "Bearer t0ken")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"en\":2");
        }
    }

    @Test
    void withKafkaDownTheDatabasePanelsStillShowAndThePageSaysKafkaIsUnreachable() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("down.db");
        try (ArticleStore store = new ArticleStore(db, "g")) {
            store.write(
                    List.of(
                            article("a1", "Ferry crews strike over rosters", "en", "Mere Tahana"),
                            article("a2", "Grève des cheminots", "fr", "Clement Beaune")),
                    List.of(),
                    Map.of());
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nothing listens there once the socket is closed
        }
        ServiceConfig config = new ServiceConfig(Map.of(
                "bootstrap.servers",
                "127.0.0.1:" + closedPort,
                "schema.registry.url",
                "http://127.0.0.1:" + closedPort)) {};
        try (DashboardServer server = new DashboardServer(config, db, "127.0.0.1", 0, "e", "s")) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(client.send(
                                            HttpRequest.newBuilder(URI.create(url + "api/flow"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body())
                            .contains("\"kafka\":\"unreachable\"")
                            .contains("\"stored\":2"));
            // every endpoint answers at once, the broker's included: none waits on the broker
            for (String api :
                    List.of("api/flow", "api/stories", "api/languages", "api/entities?hours=1", "api/alerts")) {
                long start = System.nanoTime();
                HttpResponse<String> answer = client.send(
                        HttpRequest.newBuilder(URI.create(url + api))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(api).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(api).isLessThan(Duration.ofSeconds(1));
            }
            String dom = browser("--dump-dom", url);
            assertThat(dom)
                    .contains(
                            "data-state=\"unreachable\"",
                            "Kafka unreachable",
                            "Ferry crews strike over rosters",
                            "Grève des cheminots",
                            "Mere Tahana");
            assertThat(dom).doesNotContain(">Kafka: connecting…</span>");
        }
    }

    @Test
    void theAlertsPanelShowsAnAlertRaisedWhileThePageIsOpenLinkedToItsStory(TestStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String alerts = "dash-alerts-" + run;
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(admin, List.of(new NewTopic(alerts, 2, (short) 1)));
        }
        String db = "jdbc:sqlite:" + dir.resolve("alerts.db");
        try (ArticleStore store = new ArticleStore(db, "g")) {
            store.write(
                    List.of(article("a9", "Rates held as inflation cools", "en", "Andrew Bailey")),
                    List.of(),
                    Map.of());
        }
        Map<String, String> settings = new HashMap<>(stack.clientStrings());
        settings.put("copydesk.topic.alerts", alerts);
        ServiceConfig config = new ServiceConfig(settings) {};
        try (DashboardServer server = new DashboardServer(config, db, "127.0.0.1", 0, "e-" + run, "s-" + run)) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            assertThat(alertsPanel(browser("--dump-dom", url))).contains("no alerts yet");

            var serializer = AvroSerdes.specific(Alert.class, stack.clientSettings(), false)
                    .serializer();
            Alert alert = Alert.newBuilder()
                    .setId("boe/a9")
                    .setWatchlist("boe")
                    .setKind(AlertKind.NEW)
                    .setArticleId("a9")
                    .setStoryId("a9")
                    .setVersion(1)
                    .setTitle("Rates held as inflation cools")
                    .setLanguage("en")
                    .setMatchedTerms(List.of("inflation"))
                    .setMatchedEntities(List.of("Andrew Bailey"))
                    .setScore(0.4)
                    .setMatchedAt(Instant.now())
                    .build();
            try (KafkaProducer<String, byte[]> producer =
                    new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(alerts, "boe", serializer.serialize(alerts, alert)))
                        .get();
            }
            HttpClient client = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(client.send(
                                            HttpRequest.newBuilder(URI.create(url + "api/alerts"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body())
                            .contains("boe/a9"));
            String dom = browser("--dump-dom", url);
            Matcher row = Pattern.compile("<tr class=\"alert\" data-id=\"a9\" data-watchlist=\"boe\">(.*?)</tr>")
                    .matcher(dom);
            assertThat(row.find()).as(dom).isTrue();
            assertThat(row.group(1))
                    .contains("boe", "new", "Rates held as inflation cools", "inflation, Andrew Bailey");
            assertThat(alertsPanel(dom)).doesNotContain("no alerts yet");
        }
    }

    /** The rendered rows of the Alerts panel (the page's script holds the same words, so the DOM as a whole won't do). */
    private static String alertsPanel(String dom) {
        Matcher panel = Pattern.compile("id=\"alerts\"><tbody>(.*?)</tbody>").matcher(dom);
        assertThat(panel.find()).as(dom).isTrue();
        return panel.group(1);
    }

    private String browser(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                chromium().toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--virtual-time-budget=8000",
                "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(dir.resolve("chromium.err").toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static Article article(String id, String title, String language, String person) {
        return Article.newBuilder()
                .setId(id)
                .setStoryId(id)
                .setVersion(1)
                .setSourceRef(id + ".txt")
                .setReceivedAt(Instant.now())
                .setProcessedAt(Instant.now())
                .setTitle(title)
                .setBody("Body of " + id)
                .setLanguage(language)
                .setContentHash("h-" + id)
                .setWordCount(3)
                .setEntities(List.of(Entity.newBuilder()
                        .setType(EntityType.PERSON)
                        .setName(person)
                        .setMentions(2)
                        .build()))
                .build();
    }
}
