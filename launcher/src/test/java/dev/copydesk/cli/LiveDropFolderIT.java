package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.config.ServiceConfig;
import dev.copydesk.ingest.ArticlePublisher;
import dev.copydesk.ingest.DropFolder;
import dev.copydesk.ingest.IngestConfig;
import dev.copydesk.sink.SinkConfig;
import dev.copydesk.sink.SinkRunner;
import dev.copydesk.store.Database;
import dev.copydesk.streams.EnrichApp;
import dev.copydesk.streams.EnrichConfig;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7's "done when": a file dropped into the watched folder shows up in tail, in storage and on the dashboard within seconds. */
@ExtendWith(KafkaStackExtension.class)
class LiveDropFolderIT {

    @TempDir
    Path dir;

    @Test
    void aDroppedFileReachesTailStorageAndTheDashboardWithinSeconds(TestStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> topics = Map.of(
                "copydesk.topic.raw",
                "live-raw-" + run,
                "copydesk.topic.enriched",
                "live-enriched-" + run,
                "copydesk.topic.duplicates",
                "live-dup-" + run,
                "copydesk.topic.dlq",
                "live-dlq-" + run);
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(
                    admin,
                    topics.values().stream()
                            .map(t -> new NewTopic(t, 1, (short) 1))
                            .toList());
        }
        String db = "jdbc:sqlite:" + dir.resolve("live.db");
        Map<String, String> common = new HashMap<>(stack.clientStrings());
        common.putAll(topics);

        Map<String, String> enrich = new HashMap<>(common);
        enrich.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-enrich-" + run);
        enrich.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        enrich.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        enrich.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        Map<String, String> sink = new HashMap<>(common);
        sink.put(SinkConfig.DB, db);
        sink.put("group.id", "live-sink-" + run);
        Map<String, String> ingest = new HashMap<>(IngestConfig.DEFAULTS);
        ingest.putAll(common);
        ingest.put(IngestConfig.TOPIC, topics.get("copydesk.topic.raw"));

        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        SinkRunner sinkRunner = new SinkRunner(SinkConfig.load(Optional.empty(), Map.of(), sink));
        Thread sinkLoop = new Thread(sinkRunner, "live-sink");
        try (EnrichApp app = new EnrichApp(EnrichConfig.load(Optional.empty(), Map.of(), enrich)).start();
                ArticlePublisher publisher = new ArticlePublisher(new IngestConfig(
                        IngestConfig.load(Optional.empty(), Map.of(), ingest).all()));
                DashboardServer dashboard = new DashboardServer(
                        new ServiceConfig(common) {}, db, "127.0.0.1", 0, "live-enrich-" + run, "live-sink-" + run)) {
            sinkLoop.start();
            DropFolder drop = new DropFolder(inbox, dir.resolve("sent.state"), publisher, new DropFolder.Keep());
            Thread watcher = new Thread(
                    () -> {
                        try {
                            drop.run(Duration.ofMillis(300), line -> {});
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "live-drop");
            watcher.start();
            try {
                Files.copy(Path.of("..", "samples", "wire", "afp-paris-strike.txt"), inbox.resolve("afp.tmp"));
                Files.move(inbox.resolve("afp.tmp"), inbox.resolve("afp.txt")); // written elsewhere, then renamed in
                long dropped = System.currentTimeMillis();

                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> stored(db) == 1);
                long seconds = (System.currentTimeMillis() - dropped) / 1000;
                System.out.println("live drop folder: dropped file stored after " + seconds + " s");
                assertThat(seconds).isLessThan(30);

                DemoCommandIT.Run tail = DemoCommandIT.copydesk(
                        "tail",
                        "enriched",
                        "--from-beginning",
                        "--bootstrap-server",
                        stack.bootstrapServers(),
                        "--schema-registry",
                        stack.schemaRegistryUrl(),
                        "-D",
                        "copydesk.topic.enriched=" + topics.get("copydesk.topic.enriched"));
                assertThat(tail.out())
                        .contains("French rail workers strike over pensions")
                        .contains("AFP");

                HttpResponse<String> stories = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + dashboard.port() + "/api/stories"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(stories.body())
                        .contains("French rail workers strike over pensions")
                        .contains("inbox/afp.txt");
            } finally {
                watcher.interrupt();
                watcher.join(5000);
            }
        } finally {
            sinkRunner.close();
            sinkLoop.join(30_000);
            sinkRunner.release();
        }
    }

    private static int stored(String db) throws Exception {
        try (Connection c = Database.connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM articles")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            return 0; // the sink has not created its tables yet
        }
    }
}
