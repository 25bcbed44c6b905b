package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.Article;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.store.Database;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestDatabases;
import dev.copydesk.testkit.TestStack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly once into storage, proven the hard way: the sink runs as a separate JVM ({@code copydesk sink}) and is
 * killed with SIGKILL at random points while it writes, ten times, then runs to the end. The table must hold
 * exactly the unique articles, and the offsets stored with them must reach the end of every partition.
 */
@ExtendWith(KafkaStackExtension.class)
class SinkCrashIT {

    static final int ARTICLES = 4000;
    static final int CRASHES = 10;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void killNineTenTimesWhileWritingLosesAndDoublesNothing(String kind, TestStack stack) throws Exception {
        String run = kind + "-" + UUID.randomUUID().toString().substring(0, 6);
        String enriched = "crash-enriched-" + run;
        String duplicates = "crash-duplicates-" + run;
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(
                    admin,
                    List.of(
                            new NewTopic(enriched, 3, (short) 1),
                            new NewTopic(duplicates, 1, (short) 1),
                            new NewTopic("crash-dlq-" + run, 1, (short) 1)));
        }
        // every article twice (a re-delivery), so upserts are exercised too
        Set<String> expected = new HashSet<>();
        var serializer = AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                .serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            for (int copy = 0; copy < 2; copy++) {
                for (int i = 0; i < ARTICLES; i++) {
                    String id = String.format("crash-%05d", i);
                    expected.add(id);
                    Article a = Article.newBuilder()
                            .setId(id)
                            .setStoryId(id)
                            .setVersion(1)
                            .setSourceRef("crash/" + i)
                            .setReceivedAt(Instant.ofEpochMilli(i))
                            .setProcessedAt(Instant.now())
                            .setTitle("Story " + i)
                            .setBody("Body of story " + i + " with a few words to index.")
                            .setLanguage("en")
                            .setContentHash("h" + i)
                            .setWordCount(9)
                            .setRemovedLines(0)
                            .build();
                    producer.send(new ProducerRecord<>(enriched, id, serializer.serialize(enriched, a)));
                }
            }
        }
        String db = kind.equals("sqlite") ? dir.resolve("crash.db").toString() : TestDatabases.postgres();
        Random random = new Random(run.hashCode());
        List<Integer> rowsAfterCrash = new ArrayList<>();
        for (int crash = 1; crash <= CRASHES; crash++) {
            int before = safeCount(db);
            Process sink = startSink(stack, db, enriched, duplicates, run, crash);
            long deadline = System.currentTimeMillis() + 60_000;
            // once every article is stored there is nothing left to interrupt: kill at once rather than wait out the
            // deadline
            while (before < ARTICLES
                    && safeCount(db) == before
                    && sink.isAlive()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20); // wait until it is writing...
            }
            Thread.sleep(random.nextInt(150)); // ...then kill it at a random point of its work
            sink.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no goodbye
            sink.waitFor(30, TimeUnit.SECONDS);
            rowsAfterCrash.add(safeCount(db));
        }
        System.out.printf("sink crash test (%s): rows after each kill -9: %s%n", kind, rowsAfterCrash);
        // the kills must have landed while the sink was writing, or this test would prove nothing
        assertThat(rowsAfterCrash.stream().filter(n -> n > 0 && n < ARTICLES).count())
                .isGreaterThanOrEqualTo(3);
        Map<TopicPartition, Long> ends = endOffsets(stack, List.of(enriched, duplicates));
        Process last = startSink(stack, db, enriched, duplicates, run, CRASHES + 1);
        try {
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline && !caughtUp(db, ends)) {
                Thread.sleep(500);
            }
        } finally {
            last.destroy();
            last.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(caughtUp(db, ends))
                .as("stored offsets reach the end of every partition")
                .isTrue();
        assertThat(ids(db)).hasSize(ARTICLES).containsExactlyInAnyOrderElementsOf(expected);
    }

    private Process startSink(TestStack stack, String db, String enriched, String duplicates, String run, int n)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                CopydeskCommand.class.getName(),
                "sink",
                "--db",
                db,
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--schema-registry",
                stack.schemaRegistryUrl(),
                "-D",
                "copydesk.topic.enriched=" + enriched,
                "-D",
                "copydesk.topic.duplicates=" + duplicates,
                "-D",
                "copydesk.topic.dlq=crash-dlq-" + run,
                "-D",
                "group.id=crash-sink-" + run,
                "-D",
                "group.instance.id=crash-sink-" + run, // static member: a restart takes its partitions back at once
                "-D",
                "copydesk.sink.batch.size=20"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sink-" + n + ".log").toFile())
                .start();
    }

    private static Map<TopicPartition, Long> endOffsets(TestStack stack, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(stack.clientSettings())) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get()
                    .forEach((name, d) -> d.partitions()
                            .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get()
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        }
    }

    private static boolean caughtUp(String db, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection c = Database.connect(Database.jdbcUrl(db));
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT topic, partition_id, next_offset FROM consumer_offsets")) {
                while (rs.next()) {
                    stored.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        } catch (SQLException notYetCreated) {
            return false;
        }
        return ends.entrySet().stream()
                .allMatch(e -> e.getValue() == 0 || stored.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private static int safeCount(String db) {
        try {
            return ids(db).size();
        } catch (Exception tableNotThereYet) {
            return 0;
        }
    }

    private static List<String> ids(String db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = Database.connect(Database.jdbcUrl(db));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM articles")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
