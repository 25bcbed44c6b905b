package dev.copydesk.cli;

import static dev.copydesk.cli.DemoCommandIT.copydesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.sink.SinkConfig;
import dev.copydesk.sink.SinkRunner;
import dev.copydesk.streams.EnrichApp;
import dev.copydesk.streams.EnrichConfig;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watchlists end to end on the real broker: the CLI publishes them, enrich-streams (running) picks up adds,
 * changes and deletes without a restart, alerts land on the alerts topic exactly as the topology decides, the
 * alerts command prints them, and the backtest over the sink's database agrees with live matching.
 */
@ExtendWith(KafkaStackExtension.class)
class WatchlistIT {

    @TempDir
    Path dir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> topicFlags = new ArrayList<>();

    @Test
    @Timeout(300)
    void watchlistsAlertOnceAsNewThenUpdateFollowChangesAndAgreeWithTheBacktest(TestStack stack) throws Exception {
        Map<String, String> topics = Map.of(
                "copydesk.topic.raw", "w-raw-" + run,
                "copydesk.topic.enriched", "w-enriched-" + run,
                "copydesk.topic.duplicates", "w-dup-" + run,
                "copydesk.topic.dlq", "w-dlq-" + run,
                "copydesk.topic.alerts", "w-alerts-" + run,
                "copydesk.topic.watchlists", "w-watchlists-" + run);
        try (Admin admin = Admin.create(stack.clientSettings())) {
            List<NewTopic> create = new ArrayList<>();
            for (String key : List.of("raw", "enriched", "duplicates", "dlq")) {
                create.add(new NewTopic(topics.get("copydesk.topic." + key), 2, (short) 1));
            }
            TopicAdmin.create(admin, create); // alerts and watchlists: enrich-streams creates them
        }
        topics.forEach((k, v) -> {
            topicFlags.add("-D");
            topicFlags.add(k + "=" + v);
        });
        Map<String, String> settings = new HashMap<>(stack.clientStrings());
        settings.putAll(topics);
        Map<String, String> enrich = new HashMap<>(settings);
        enrich.put("application.id", "w-enrich-" + run);
        enrich.put("state.dir", dir.resolve("state").toString());
        enrich.put("replication.factor", "1");
        String db = "jdbc:sqlite:" + dir.resolve("w.db");
        Map<String, String> sink = new HashMap<>(settings);
        sink.put(SinkConfig.DB, db);
        sink.put("group.id", "w-sink-" + run);

        try (EnrichApp app = new EnrichApp(EnrichConfig.load(Optional.empty(), Map.of(), enrich)).start()) {
            SinkRunner sinkRunner = new SinkRunner(SinkConfig.load(Optional.empty(), Map.of(), sink));
            Thread sinkLoop = new Thread(sinkRunner, "w-sink");
            sinkLoop.start();
            try {
                // a query that does not parse is refused with its position, and nothing is published
                DemoCommandIT.Run bad = cli(stack, "watch", "add", "boe", "--query", "\"Bank of England\" AND");
                assertThat(bad.exit()).isNotZero();
                assertThat(bad.err()).contains("at position 19").contains("AND needs a term after it");
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() ->
                                assertThat(cli(stack, "watch", "list").err()).contains("0 watchlists"));

                assertThat(cli(
                                        stack,
                                        "watch",
                                        "add",
                                        "boe",
                                        "--query",
                                        "\"Bank of England\" OR entity:\"Andrew Bailey\"")
                                .exit())
                        .isZero();
                assertThat(cli(stack, "watch", "add", "ferries", "--query", "ferry OR ferries")
                                .exit())
                        .isZero();
                assertThat(cli(stack, "watch", "list").out())
                        .contains("boe", "\"Bank of England\" OR entity:\"Andrew Bailey\"", "ferries");
                Thread.sleep(3000); // the global thread reads the watchlists: seconds at most, no signal to wait on

                publish(stack, topics, "orig", "reuters-london-rates.txt");
                publish(stack, topics, "copy", "reuters-london-rates-copy.txt");
                publish(stack, topics, "budget", "ap-washington-budget.txt");
                publish(stack, topics, "update", "reuters-london-rates-update.txt");
                List<JsonNode> first = alerts(stack, 2);
                assertThat(first)
                        .extracting(
                                a -> a.get("id").asText() + " " + a.get("kind").asText())
                        .containsExactly("boe/orig NEW", "boe/update UPDATE");
                assertThat(first.get(0).get("matchedTerms").toString()).contains("Bank of England");

                // changed while running: the next story is matched against the new query
                assertThat(cli(stack, "watch", "add", "boe", "--query", "pensions OR pension")
                                .exit())
                        .isZero();
                Thread.sleep(3000);
                publish(stack, topics, "strike", "afp-paris-strike.txt");
                assertThat(alerts(stack, 3).get(2).get("id").asText()).isEqualTo("boe/strike");

                // deleted while running: no alert for a story it would have matched
                assertThat(cli(stack, "watch", "rm", "boe").exit()).isZero();
                assertThat(cli(stack, "watch", "rm", "boe").err()).contains("no watchlist boe");
                Thread.sleep(3000);
                publishText(
                        stack,
                        topics,
                        "dutch",
                        "Dutch pension funds move savers to new contracts\n"
                                + "AMSTERDAM, Dec 6 (Reuters) - The largest Dutch pension funds began moving millions of"
                                + " savers to defined-contribution contracts on Saturday, the biggest change to the"
                                + " country's retirement system in decades.\n"
                                + "Funds managing about 1.5 trillion euros must complete the switch by 2028 under a law"
                                + " passed last year, the pension regulator said in a statement.\n"
                                + "Unions said members would be told their new balances by letter before the summer.\n");
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> DemoCommandIT.column(db, "SELECT id FROM articles")
                                .contains("dutch"));
                assertThat(alerts(stack, 100)).hasSize(3);

                // the alerts command, as a desk reads it
                DemoCommandIT.Run lines = cli(stack, "alerts", "--from-beginning", "--watchlist", "boe");
                assertThat(lines.out().lines().toList())
                        .hasSize(3)
                        .allMatch(l -> l.contains(" boe  "))
                        .anyMatch(l -> l.contains("new") && l.contains("orig v1") && l.contains("Bank of England"));

                // the backtest over what the sink stored agrees with what live matching raised
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> DemoCommandIT.column(db, "SELECT id FROM articles")
                                        .size()
                                == 5);
                DemoCommandIT.Run backtest = cli(
                        stack,
                        "watch",
                        "test",
                        "--query",
                        "\"Bank of England\" OR entity:\"Andrew Bailey\"",
                        "--db",
                        db,
                        "--since",
                        "1d");
                assertThat(backtest.exit()).as(backtest.err()).isZero();
                assertThat(backtest.out()
                                .lines()
                                .filter(l -> !l.startsWith("    "))
                                .toList())
                        .hasSize(2)
                        .satisfies(l -> assertThat(l.get(0)).contains("NEW", "orig v1"))
                        .satisfies(l -> assertThat(l.get(1)).contains("UPDATE", "update v2"));
                assertThat(backtest.err()).contains("2 alerts (1 new stories, 1 updates)");
            } finally {
                sinkRunner.close();
                sinkLoop.join(30_000);
                sinkRunner.release();
            }
        }
    }

    private DemoCommandIT.Run cli(TestStack stack, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--bootstrap-server", stack.bootstrapServers(), "--schema-registry", stack.schemaRegistryUrl()));
        if (!args[0].equals("watch") || !args[1].equals("test")) {
            all.addAll(topicFlags);
        }
        return copydesk(all.toArray(String[]::new));
    }

    /** The alerts on the topic so far (read committed), once at least {@code atLeast} are there or 60 s passed. */
    private List<JsonNode> alerts(TestStack stack, int atLeast) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> got = new ArrayList<>();
        long deadline =
                System.nanoTime() + Duration.ofSeconds(atLeast >= 100 ? 5 : 60).toNanos();
        while (System.nanoTime() < deadline) {
            got.clear();
            for (String line : cli(stack, "alerts", "--from-beginning", "--json")
                    .out()
                    .lines()
                    .toList()) {
                got.add(json.readTree(line));
            }
            if (got.size() >= atLeast) {
                break;
            }
            Thread.sleep(500);
        }
        return got;
    }

    private static void publish(TestStack stack, Map<String, String> topics, String id, String sample)
            throws Exception {
        publishText(stack, topics, id, Files.readString(Path.of("..", "samples", "wire", sample)));
    }

    private static void publishText(TestStack stack, Map<String, String> topics, String id, String text)
            throws Exception {
        String sample = id + ".txt";
        RawArticle a = RawArticle.newBuilder()
                .setId(id)
                .setSourceRef(sample)
                .setReceivedAt(Instant.now())
                .setContentType(ContentType.TEXT)
                .setText(text)
                .build();
        String raw = topics.get("copydesk.topic.raw");
        var serializer = AvroSerdes.specific(RawArticle.class, stack.clientSettings(), false)
                .serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(raw, id, serializer.serialize(raw, a)))
                    .get();
        }
        Thread.sleep(300); // in order: a story's update after its first version, as on a wire
    }
}
