package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.avro.Alert;
import dev.copydesk.avro.AlertKind;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.sample.SyntheticWire;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.stack.FreePorts;
import dev.copydesk.store.Database;
import dev.copydesk.testkit.TestDatabases;
import dev.copydesk.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole pipeline as a desk runs it, broken on purpose: the broker and registry ({@code copydesk stack}),
 * enrich-streams, the sink and the producer each run as their own JVM. While wire copy with exact and near
 * duplicates flows (each half of the copy as four producer runs in a row), enrich-streams and the sink are killed
 * with SIGKILL at random points of that feed (twice each), and the
 * broker itself is killed and restarted on the same data once, with the producer already sending into the outage. Whatever exits on its own is restarted, as a
 * supervisor would. At the end storage must hold exactly the expected unique stories: every copy is either one
 * stored article or one exact-duplicate report, no story version is doubled or skipped, and an exact copy sent
 * after all the crashes is still recognised (the dedup state survived).
 *
 * <p>The expected counts come from the same cleaning and fingerprinting the topology runs, applied here in plain
 * Java to each copy. Size: {@code -Dcopydesk.crash.articles=N} (default 400); {@code bench/crash-loop.sh} runs
 * it ten times over thousands of articles.
 */
class PipelineCrashIT {

    static final int ARTICLES = Integer.getInteger("copydesk.crash.articles", 400);
    static final long SEED = Long.getLong("copydesk.crash.seed", System.nanoTime());
    static final int CHUNKS = 4;

    @TempDir
    Path dir;

    // the feed's thread starts processes too
    private final List<Process> running = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> starts = new ConcurrentHashMap<>();
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        List.copyOf(running).forEach(Process::destroyForcibly);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void killsOfEveryServiceAndABrokerRestartLoseAndDoubleNothing(String kind) throws Exception {
        Random random = new Random(SEED);
        int kafkaPort = FreePorts.pick();
        int registryPort = FreePorts.pick();
        String bootstrap = "127.0.0.1:" + kafkaPort;
        String registry = "http://127.0.0.1:" + registryPort;
        String db = kind.equals("sqlite") ? dir.resolve("crash.db").toString() : TestDatabases.postgres();

        // the copy: stories of 1-8 KB with exact and near ("UPDATE") copies; one exact copy is held back
        List<SyntheticWire.Copy> copies = new SyntheticWire().generate(ARTICLES, 0.3, 0, SEED);
        int heldBack = -1;
        for (int i = 0; i < copies.size() && heldBack < 0; i++) {
            if (copies.get(i).exact() && copies.get(i).original() < copies.size() / 3) {
                heldBack = i;
            }
        }
        assertThat(heldBack)
                .as("the corpus has an exact copy to send after the crashes")
                .isNotNegative();
        // each half goes out as CHUNKS producer runs, one after the other: the feed lasts long enough for the kills,
        // which follow the feed's progress, to land while there is still copy to process
        List<Path> first = new ArrayList<>();
        List<Path> second = new ArrayList<>();
        for (int c = 0; c < CHUNKS; c++) {
            first.add(dir.resolve("in-1-" + c));
            second.add(dir.resolve("in-2-" + c));
        }
        Path last = dir.resolve("in-3");
        int half = copies.size() / 2;
        for (int i = 0; i < copies.size(); i++) {
            Path folder = i == heldBack
                    ? last
                    : i < half
                            ? first.get(i * CHUNKS / half)
                            : second.get((i - half) * CHUNKS / (copies.size() - half));
            Files.createDirectories(folder);
            Files.writeString(
                    folder.resolve(String.format("wire-%05d.txt", i)),
                    copies.get(i).text());
        }
        Expected expected = Expected.of(copies, heldBack);

        Process stack = startStack(kafkaPort, registryPort);
        // a watchlist every story matches: each stored article must raise exactly one alert, crashes or not
        DemoCommandIT.Run watch = DemoCommandIT.copydesk(
                "watch",
                "add",
                "everything",
                "--query",
                "NOT lang:zz",
                "--bootstrap-server",
                bootstrap,
                "--schema-registry",
                registry);
        assertThat(watch.exit()).as(watch.err()).isZero();
        Process enrich = start(
                "enrich",
                bootstrap,
                registry,
                List.of(
                        "-D",
                        "group.instance.id=crash-enrich",
                        "-D",
                        "state.dir=" + dir.resolve("streams-state"),
                        "-D",
                        "session.timeout.ms=20000"));
        Process sink = start(
                "sink",
                bootstrap,
                registry,
                List.of("--db", db, "-D", "group.instance.id=crash-sink", "-D", "copydesk.sink.batch.size=50"));
        Services services = new Services(bootstrap, registry, db, enrich, sink);

        Feed feed = new Feed(bootstrap, registry, db, first);
        services.killWhileFeeding("enrich", feed, random, expected.firstHalfArticles());
        services.killWhileFeeding("sink", feed, random, expected.firstHalfArticles());
        feed.await();

        // the broker (and the registry in the same JVM) dies hard and comes back on the same data
        stack.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        running.remove(stack);
        events.add("broker killed at " + storedArticles(db) + " stored");
        // the feed starts while the broker is down: its producer buffers (max.block.ms, 60 s by default) and
        // publishes once the broker is back
        feed = new Feed(bootstrap, registry, db, second);
        Thread.sleep(2_000 + random.nextInt(3_000));
        startStack(kafkaPort, registryPort);
        events.add("broker restarted");

        services.killWhileFeeding("sink", feed, random, expected.articles());
        services.killWhileFeeding("enrich", feed, random, expected.articles());
        feed.await();

        services.superviseUntil(
                () -> storedArticles(db) >= expected.articles() && exactDuplicates(db) >= expected.exactDuplicates(),
                300);
        // after all that, one more exact copy of an early story: the dedup state must still know it
        awaitProducer(startProducer(bootstrap, registry, last), last);
        services.superviseUntil(() -> exactDuplicates(db) >= expected.exactDuplicates() + 1, 120);
        Thread.sleep(2_000); // anything doubled would arrive now

        System.out.printf(
                "pipeline crash test (%s, %d copies, seed %d): %s; starts %s; %d articles, %d exact duplicates%n",
                kind, ARTICLES, SEED, events, starts, storedArticles(db), exactDuplicates(db));
        Stored stored = Stored.read(db);
        assertThat(events)
                .filteredOn(e -> e.startsWith("killed"))
                .hasSize(4)
                .as("at least one kill landed while the pipeline was storing")
                .anyMatch(e -> !e.endsWith("(idle)"));
        assertThat(stored.articleIds()).as("0 lost, 0 doubled").hasSize(expected.articles());
        assertThat(stored.exactDuplicateIds()).hasSize(expected.exactDuplicates() + 1);
        Set<String> both = new HashSet<>(stored.articleIds());
        both.retainAll(stored.exactDuplicateIds());
        assertThat(both)
                .as("nothing is both stored and reported an exact duplicate")
                .isEmpty();
        assertThat(stored.articleIds().size() + stored.exactDuplicateIds().size())
                .isEqualTo(copies.size());
        assertThat(stored.duplicateOf().values())
                .as("every duplicate points at a stored article")
                .allMatch(stored.articleIds()::contains);
        stored.versionsByStory()
                .forEach((story, versions) -> assertThat(versions)
                        .as("versions of " + story + ": none doubled, none skipped")
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size())
                                .boxed()
                                .toList()));
        assertThat(stored.sourceRefOfExactDuplicates())
                .as("the copy sent after the crashes is recognised")
                .anyMatch(ref -> ref.endsWith(String.format("wire-%05d.txt", expected.heldBack())));

        // alerts are in the articles' transactions: one per stored article, none doubled, none lost; NEW for a
        // story's first version, UPDATE for the later ones (the alerted-stories store survived the kills)
        List<Alert> alerts = committedAlerts(bootstrap, registry);
        assertThat(alerts).extracting(Alert::getId).doesNotHaveDuplicates();
        assertThat(alerts)
                .extracting(Alert::getArticleId)
                .as("one alert per stored article")
                .containsExactlyInAnyOrderElementsOf(stored.articleIds());
        assertThat(alerts)
                .allMatch(
                        a -> a.getKind() == (a.getVersion() == 1 ? AlertKind.NEW : AlertKind.UPDATE),
                        "kind by version");
    }

    private static List<Alert> committedAlerts(String bootstrap, String registry) {
        Map<String, Object> settings = Map.of(
                "bootstrap.servers", bootstrap, "schema.registry.url", registry, "isolation.level", "read_committed");
        var decoder = AvroSerdes.specific(Alert.class, settings, false).deserializer();
        List<Alert> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(Topics.ALERTS, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> out.add(decoder.deserialize(r.topic(), r.value())));
            }
        }
        return out;
    }

    /** What a run without any crash stores, from the topology's own cleaning and fingerprints. */
    record Expected(int articles, int exactDuplicates, int heldBack, int firstHalfArticles) {
        static Expected of(List<SyntheticWire.Copy> copies, int heldBack) {
            ArticleBuilder builder = new ArticleBuilder();
            Set<String> distinct = new HashSet<>();
            int firstHalf = 0;
            int built = 0;
            for (int i = 0; i < copies.size(); i++) {
                if (i == heldBack) {
                    continue;
                }
                RawArticle raw = RawArticle.newBuilder()
                        .setId("x" + i)
                        .setSourceRef("x")
                        .setReceivedAt(Instant.EPOCH)
                        .setContentType(ContentType.TEXT)
                        .setText(copies.get(i).text())
                        .build();
                Optional<Article> article = builder.build(raw, Instant.EPOCH);
                assertThat(article).as("copy %d cleans to a story", i).isPresent();
                built++;
                distinct.add(article.get().getLanguage() + "/" + article.get().getContentHash());
                if (i < copies.size() / 2) {
                    firstHalf = distinct.size();
                }
            }
            return new Expected(distinct.size(), built - distinct.size(), heldBack, firstHalf);
        }
    }

    record Stored(
            List<String> articleIds,
            List<String> exactDuplicateIds,
            Map<String, String> duplicateOf,
            Map<String, List<Integer>> versionsByStory,
            List<String> sourceRefOfExactDuplicates) {
        static Stored read(String db) throws Exception {
            List<String> articles = new ArrayList<>();
            Map<String, List<Integer>> versions = new TreeMap<>();
            List<String> exact = new ArrayList<>();
            List<String> exactRefs = new ArrayList<>();
            Map<String, String> duplicateOf = new HashMap<>();
            try (Connection c = Database.connect(Database.jdbcUrl(db));
                    Statement s = c.createStatement()) {
                try (ResultSet rs =
                        s.executeQuery("SELECT id, story_id, version FROM articles ORDER BY story_id, version")) {
                    while (rs.next()) {
                        articles.add(rs.getString(1));
                        versions.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                                .add(rs.getInt(3));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT id, duplicate_of, kind, source_ref FROM duplicates")) {
                    while (rs.next()) {
                        duplicateOf.put(rs.getString(1), rs.getString(2));
                        if (rs.getString(3).equals("exact")) {
                            exact.add(rs.getString(1));
                            exactRefs.add(rs.getString(4));
                        }
                    }
                }
            }
            return new Stored(articles, exact, duplicateOf, versions, exactRefs);
        }
    }

    /** The two long-running services, restarted whenever they are gone: by our kill or on their own. */
    private final class Services {
        private final String bootstrap;
        private final String registry;
        private final String db;
        private final Map<String, Process> byName = new HashMap<>();

        Services(String bootstrap, String registry, String db, Process enrich, Process sink) {
            this.bootstrap = bootstrap;
            this.registry = registry;
            this.db = db;
            byName.put("enrich", enrich);
            byName.put("sink", sink);
        }

        /**
         * Once a random number (2 to CHUNKS - 1) of the feed's runs have published, and so with storage growing and
         * copy still to send, SIGKILLs the service after a random pause and restarts it. Whether the kill landed
         * mid-work (fewer stored than the run's total) goes into the events.
         */
        void killWhileFeeding(String name, Feed feed, Random random, int total) throws Exception {
            int after = 2 + random.nextInt(CHUNKS - 2);
            superviseUntil(() -> feed.published() >= after, 300);
            Thread.sleep(random.nextInt(400));
            Process victim = byName.get(name);
            victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            running.remove(victim);
            int stored = storedArticles(db);
            events.add("killed " + name + " after " + after + "/" + CHUNKS + " runs at " + stored + " stored"
                    + (stored < total ? "" : " (idle)"));
            byName.put(name, start(name, bootstrap, registry, lastArgs.get(name)));
        }

        void superviseUntil(BooleanSupplier done, int seconds) throws Exception {
            long deadline = System.currentTimeMillis() + seconds * 1000L;
            while (!done.getAsBoolean()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("not done after " + seconds + " s: " + storedArticles(db) + " stored, "
                            + exactDuplicates(db) + " exact duplicates; events " + events + "; logs in " + dir);
                }
                for (var e : byName.entrySet()) {
                    if (!e.getValue().isAlive()) {
                        events.add(e.getKey() + " exited by itself ("
                                + e.getValue().exitValue() + ": " + lastError(e.getKey()) + ")");
                        running.remove(e.getValue());
                        e.setValue(start(e.getKey(), bootstrap, registry, lastArgs.get(e.getKey())));
                    }
                }
                Thread.sleep(250);
            }
        }
    }

    /** The arguments each command was last started with: a restart uses them again. */
    private final Map<String, List<String>> lastArgs = new ConcurrentHashMap<>();

    private Process startStack(int kafkaPort, int registryPort) throws Exception {
        Process stack = start(
                "stack",
                null,
                null,
                List.of(
                        "--data-dir",
                        dir.resolve("stack").toString(),
                        "--port",
                        String.valueOf(kafkaPort),
                        "--registry-port",
                        String.valueOf(registryPort),
                        "--partitions",
                        "3"));
        Path log = dir.resolve("stack-" + starts.get("stack") + ".log");
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("schema.registry.url=")) {
            assertThat(stack.isAlive())
                    .as("the stack is starting (see %s)", log)
                    .isTrue();
            assertThat(System.currentTimeMillis())
                    .as("the stack started in time")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        return stack;
    }

    /**
     * Producer runs over a list of folders, one after the other, on a thread of their own. After the first run the
     * feed waits until storage grows (enrich-streams takes several seconds to start), so that from the second run on
     * the pipeline is storing while there is still copy to send.
     */
    private final class Feed {
        private final AtomicInteger published = new AtomicInteger();
        private final CompletableFuture<Void> done;

        Feed(String bootstrap, String registry, String db, List<Path> folders) {
            int before = storedArticles(db);
            done = CompletableFuture.runAsync(() -> {
                try {
                    for (Path folder : folders) {
                        awaitProducer(startProducer(bootstrap, registry, folder), folder);
                        long deadline = System.currentTimeMillis() + 180_000;
                        while (storedArticles(db) <= before) {
                            assertThat(System.currentTimeMillis())
                                    .as("storage grew within 180 s")
                                    .isLessThan(deadline);
                            Thread.sleep(100);
                        }
                        published.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        int published() {
            if (done.isCompletedExceptionally()) {
                done.join(); // the failure of a producer run, as the test's failure
            }
            return published.get();
        }

        void await() throws Exception {
            done.get(10, TimeUnit.MINUTES);
        }
    }

    private Process startProducer(String bootstrap, String registry, Path folder) throws IOException {
        return start("produce", bootstrap, registry, List.of(folder.toString()));
    }

    private void awaitProducer(Process producer, Path folder) throws Exception {
        assertThat(producer.waitFor(180, TimeUnit.SECONDS))
                .as("the producer finished")
                .isTrue();
        running.remove(producer);
        assertThat(producer.exitValue())
                .as("the producer published %s (log %s)", folder, dir)
                .isZero();
    }

    private synchronized Process start(String command, String bootstrap, String registry, List<String> args)
            throws IOException {
        lastArgs.put(command, args);
        int n = starts.merge(command, 1, Integer::sum);
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                CopydeskCommand.class.getName(),
                command));
        if (bootstrap != null) {
            line.addAll(
                    List.of("--bootstrap-server", bootstrap, "--schema-registry", registry, "--metrics-port", "-1"));
        }
        line.addAll(args);
        Process p = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(command + "-" + n + ".log").toFile())
                .start();
        running.add(p);
        return p;
    }

    /** The last error line in the log of the latest start of {@code command}: why it exited, in the test's output. */
    private String lastError(String command) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(command + "-" + starts.get(command) + ".log"));
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (line.contains("ERROR") || line.contains("Exception") || line.startsWith("copydesk:")) {
                    return line.length() > 300 ? line.substring(0, 300) : line;
                }
            }
            return "no error in its log";
        } catch (IOException e) {
            return "log unreadable: " + e.getMessage();
        }
    }

    private static int storedArticles(String db) {
        return count(db, "SELECT COUNT(*) FROM articles");
    }

    private static int exactDuplicates(String db) {
        return count(db, "SELECT COUNT(*) FROM duplicates WHERE kind = 'exact'");
    }

    private static int count(String db, String sql) {
        try (Connection c = Database.connect(Database.jdbcUrl(db));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception notThereYet) {
            return 0;
        }
    }
}
