package dev.copydesk.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.registry.SchemaRegistryClients;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.serde.AvroSerializer;
import dev.copydesk.store.ArticleStore;
import dev.copydesk.store.ArticleStoreTest;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestDatabases;
import dev.copydesk.testkit.TestStack;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sink on a real broker and real databases: rows land once, restarts add nothing, bad records are dead-lettered. */
@ExtendWith(KafkaStackExtension.class)
class SinkRunnerIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void storesEachArticleAndNoticeOnceAcrossRestartsAndDeadLettersGarbage(String kind, TestStack stack)
            throws Exception {
        String suffix = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = sinkSettings(stack, suffix, 3, TestDatabases.of(kind, dir));
        String enriched = settings.get(SinkConfig.TOPIC_ENRICHED);
        String duplicates = settings.get(SinkConfig.TOPIC_DUPLICATES);
        String dlq = settings.get(SinkConfig.TOPIC_DLQ);
        settings.put(SinkConfig.BATCH_SIZE, "7");
        SinkConfig config = SinkConfig.load(Optional.empty(), Map.of(), settings);

        int articles = 40;
        var articleSerializer = AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                .serializer();
        var noticeSerializer = AvroSerdes.specific(DuplicateNotice.class, stack.clientSettings(), false)
                .serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < articles; i++) {
                Article a = ArticleStoreTest.article("a" + i, "Title " + i);
                producer.send(new ProducerRecord<>(enriched, a.getId(), articleSerializer.serialize(enriched, a)));
            }
            producer.send(new ProducerRecord<>(enriched, "garbage", new byte[] {9, 9, 9}));
            // more poison on both topics the sink reads: an unknown schema id, truncated Avro, a null value,
            // and noise after a valid header on the duplicates topic
            byte[] whole = articleSerializer.serialize(enriched, ArticleStoreTest.article("whole", "Whole"));
            producer.send(new ProducerRecord<>(enriched, "unknown-id", new byte[] {0, 0, 0, 0x7f, 0x7f, 2, 4}));
            producer.send(new ProducerRecord<>(enriched, "truncated", Arrays.copyOf(whole, whole.length / 2)));
            producer.send(new ProducerRecord<>(enriched, "null-value", null));
            DuplicateNotice n = ArticleStoreTest.notice("d1", "a1");
            byte[] notice = noticeSerializer.serialize(duplicates, n);
            byte[] noise = new byte[24];
            new Random(3).nextBytes(noise);
            System.arraycopy(notice, 0, noise, 0, 5);
            producer.send(new ProducerRecord<>(duplicates, "noise", noise));
            producer.send(new ProducerRecord<>(duplicates, n.getId(), notice));
            // an article written by an older enrich-streams (Article v1, as released): read, not dead-lettered
            producer.send(new ProducerRecord<>(enriched, "older-writer", olderArticle(stack, enriched)));
            producer.flush();
        }

        runUntil(config, store -> store.count("articles") == articles + 1 && store.count("duplicates") == 1);

        // a restart resumes from the stored offsets: nothing is written twice, and a new record still lands
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            Article again = ArticleStoreTest.article("a0", "Title 0, re-sent");
            Article fresh = ArticleStoreTest.article("fresh", "Fresh");
            producer.send(new ProducerRecord<>(enriched, again.getId(), articleSerializer.serialize(enriched, again)));
            producer.send(new ProducerRecord<>(enriched, fresh.getId(), articleSerializer.serialize(enriched, fresh)));
        }
        runUntil(config, store -> store.count("articles") == articles + 2);

        List<DeadLetter> letters = readDeadLetters(stack, dlq);
        assertThat(letters)
                .extracting(l -> new String(l.getOriginalKey().array(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("garbage", "unknown-id", "truncated", "null-value", "noise");
        assertThat(letters).allSatisfy(l -> {
            assertThat(l.getStage()).isEqualTo("sink");
            assertThat(l.getReason()).isNotBlank();
            assertThat(l.getErrorMessage()).isNotBlank();
        });
        DeadLetter garbage = letters.stream()
                .filter(l -> l.getOriginalValue() != null
                        && l.getOriginalValue().equals(ByteBuffer.wrap(new byte[] {9, 9, 9})))
                .findFirst()
                .orElseThrow();
        assertThat(garbage.getTopic()).isEqualTo(enriched);
        assertThat(letters).filteredOn(l -> l.getTopic().equals(duplicates)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void twoSinksInOneGroupShareThePartitionsAndOneTakesOverWhenTheOtherStops(String kind, TestStack stack)
            throws Exception {
        String suffix = "scale-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = sinkSettings(stack, suffix, 4, TestDatabases.of(kind, dir));
        String enriched = settings.get(SinkConfig.TOPIC_ENRICHED);
        settings.put(SinkConfig.BATCH_SIZE, "10");
        SinkConfig config = SinkConfig.load(Optional.empty(), Map.of(), settings);
        var serializer = AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                .serializer();

        SinkRunner first = new SinkRunner(config);
        SinkRunner second = new SinkRunner(config);
        Thread firstThread = new Thread(first, "sink-1");
        Thread secondThread = new Thread(second, "sink-2");
        firstThread.start();
        secondThread.start();
        try (ArticleStore reader = new ArticleStore(config.jdbcUrl(), config.groupId());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            // both members hold partitions of the articles topic before anything is sent
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> owned(first, enriched) > 0
                            && owned(second, enriched) > 0
                            && owned(first, enriched) + owned(second, enriched) == 4);
            for (int i = 0; i < 200; i++) {
                Article a = ArticleStoreTest.article("s" + i, "Title " + i);
                producer.send(new ProducerRecord<>(enriched, i % 4, a.getId(), serializer.serialize(enriched, a)));
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            first.failure() != null || second.failure() != null || reader.count("articles") == 200);
            assertThat(first.failure()).isNull();
            assertThat(second.failure()).isNull();
            assertThat(first.batchesWritten()).isPositive();
            assertThat(second.batchesWritten()).isPositive();
            // neither had to wait out the other as if the database were down (SQLite: "database is locked")
            assertThat(first.outagesSurvived() + second.outagesSurvived()).isZero();

            // one stops: the other takes its partitions over from the offsets stored with the rows
            second.close();
            secondThread.join(30_000);
            await().atMost(Duration.ofSeconds(60)).until(() -> owned(first, enriched) == 4);
            for (int i = 200; i < 300; i++) {
                Article a = ArticleStoreTest.article("s" + i, "Title " + i);
                producer.send(new ProducerRecord<>(enriched, i % 4, a.getId(), serializer.serialize(enriched, a)));
            }
            producer.flush();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> first.failure() != null || reader.count("articles") == 300);
            Thread.sleep(1500); // let any duplicate write show itself
            assertThat(first.failure()).isNull();
            assertThat(reader.count("articles")).isEqualTo(300);
            assertThat(reader.storedOffsets())
                    .containsAllEntriesOf(Map.of(
                            new TopicPartition(enriched, 0),
                            75L,
                            new TopicPartition(enriched, 1),
                            75L,
                            new TopicPartition(enriched, 2),
                            75L,
                            new TopicPartition(enriched, 3),
                            75L));
        } finally {
            first.close();
            if (secondThread.isAlive()) {
                second.close();
            }
            firstThread.join(30_000);
            secondThread.join(30_000);
            first.release();
            second.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aLingerWritesTheRecordsOfSeveralPollsInOneTransaction(String kind, TestStack stack) throws Exception {
        String suffix = "linger-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = sinkSettings(stack, suffix, 1, TestDatabases.of(kind, dir));
        String enriched = settings.get(SinkConfig.TOPIC_ENRICHED);
        settings.put(SinkConfig.BATCH_SIZE, "50");
        // far longer than the bursts take (five take 1.5-2 s), so a slow machine cannot split them across two lingers
        settings.put(SinkConfig.LINGER_MS, "10000");
        SinkConfig config = SinkConfig.load(Optional.empty(), Map.of(), settings);
        var serializer = AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                .serializer();
        try (RunningSink running = RunningSink.start(config, "sink-lingering");
                ArticleStore reader = new ArticleStore(config.jdbcUrl(), config.groupId());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            SinkRunner sink = running.sink();
            await().atMost(Duration.ofSeconds(60)).until(() -> owned(sink, enriched) == 1);
            Thread.sleep(1000); // the positions of the empty topics are written once, before any record
            long before = sink.batchesWritten();
            // three bursts, each its own poll, well inside one linger: the batch is not full, the linger ends it
            sendBursts(producer, serializer, enriched, 0, 3);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> sink.failure() != null || reader.count("articles") == 30);
            assertThat(sink.failure()).isNull();
            assertThat(sink.batchesWritten() - before).isEqualTo(1);
            // five more bursts: the batch fills to its 50 records before the linger is over
            sendBursts(producer, serializer, enriched, 30, 5);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> sink.failure() != null || reader.count("articles") == 80);
            Thread.sleep(1500); // let any late or duplicate write show itself
            assertThat(sink.failure()).isNull();
            assertThat(reader.count("articles")).isEqualTo(80);
            assertThat(sink.batchesWritten() - before).isEqualTo(2);
            assertThat(reader.storedOffsets()).containsEntry(new TopicPartition(enriched, 0), 80L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aSecondSinkJoiningWhileTheFirstLingersLosesAndDoublesNothing(String kind, TestStack stack) throws Exception {
        String suffix =
                "linger-join-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = sinkSettings(stack, suffix, 4, TestDatabases.of(kind, dir));
        String enriched = settings.get(SinkConfig.TOPIC_ENRICHED);
        settings.put(SinkConfig.BATCH_SIZE, "1000");
        settings.put(SinkConfig.LINGER_MS, "4000");
        SinkConfig config = SinkConfig.load(Optional.empty(), Map.of(), settings);
        var serializer = AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                .serializer();
        try (RunningSink first = RunningSink.start(config, "sink-1");
                ArticleStore reader = new ArticleStore(config.jdbcUrl(), config.groupId());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> owned(first.sink(), enriched) == 4);
            sendBursts(producer, serializer, enriched, 0, 10);
            // the first holds these in a batch it has not written yet when the group rebalances
            try (RunningSink second = RunningSink.start(config, "sink-2")) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> first.sink().failure() != null
                                || second.sink().failure() != null
                                || reader.count("articles") == 100);
                Thread.sleep(6000); // longer than a linger: the first has written its gathered batch by now, doubling
                // nothing
                assertThat(first.sink().failure()).isNull();
                assertThat(second.sink().failure()).isNull();
            }
            assertThat(reader.count("articles")).isEqualTo(100);
            assertThat(reader.storedOffsets())
                    .containsAllEntriesOf(Map.of(
                            new TopicPartition(enriched, 0),
                            25L,
                            new TopicPartition(enriched, 1),
                            25L,
                            new TopicPartition(enriched, 2),
                            25L,
                            new TopicPartition(enriched, 3),
                            25L));
        }
    }

    /** A sink on a thread of its own; {@link #close()} stops it, waits for its loop and releases it. */
    private record RunningSink(SinkRunner sink, Thread thread) implements AutoCloseable {
        static RunningSink start(SinkConfig config, String name) throws SQLException {
            SinkRunner sink = new SinkRunner(config);
            Thread thread = new Thread(sink, name);
            thread.start();
            return new RunningSink(sink, thread);
        }

        @Override
        public void close() throws Exception {
            sink.close();
            thread.join(30_000);
            sink.release();
        }
    }

    /** {@code bursts} bursts of ten articles (ids from {@code from}), 300 ms apart, round the topic's partitions. */
    private static void sendBursts(
            KafkaProducer<String, byte[]> producer, Serializer<Article> serializer, String topic, int from, int bursts)
            throws InterruptedException {
        int partitions = producer.partitionsFor(topic).size();
        for (int b = 0; b < bursts; b++) {
            for (int i = from + b * 10; i < from + (b + 1) * 10; i++) {
                Article a = ArticleStoreTest.article("l" + i, "Lingered " + i);
                producer.send(new ProducerRecord<>(topic, i % partitions, a.getId(), serializer.serialize(topic, a)));
            }
            producer.flush();
            Thread.sleep(300);
        }
    }

    /**
     * Fresh topics for one test (sink-it-enriched-SUFFIX with the given partitions, sink-it-duplicates-SUFFIX and
     * sink-it-dlq-SUFFIX) and the settings of a sink in group sink-it-SUFFIX that reads them into the database at url.
     */
    private static Map<String, String> sinkSettings(TestStack stack, String suffix, int partitions, String url)
            throws Exception {
        Map<String, String> settings = new HashMap<>(stack.clientStrings());
        settings.put(SinkConfig.DB, url);
        settings.put(SinkConfig.TOPIC_ENRICHED, "sink-it-enriched-" + suffix);
        settings.put(SinkConfig.TOPIC_DUPLICATES, "sink-it-duplicates-" + suffix);
        settings.put(SinkConfig.TOPIC_DLQ, "sink-it-dlq-" + suffix);
        settings.put("group.id", "sink-it-" + suffix);
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(
                    admin,
                    List.of(
                            new NewTopic(settings.get(SinkConfig.TOPIC_ENRICHED), partitions, (short) 1),
                            new NewTopic(settings.get(SinkConfig.TOPIC_DUPLICATES), 1, (short) 1),
                            new NewTopic(settings.get(SinkConfig.TOPIC_DLQ), 1, (short) 1)));
        }
        return settings;
    }

    private static long owned(SinkRunner sink, String topic) {
        return sink.assignment().stream().filter(tp -> tp.topic().equals(topic)).count();
    }

    /** An Article in the released v1 schema, registered and framed as an older enrich-streams would have sent it. */
    private static byte[] olderArticle(TestStack stack, String topic) throws Exception {
        Schema v1 = new Schema.Parser()
                .parse(Path.of("..", "schemas", "released", "Article", "v1.avsc")
                        .toFile());
        GenericRecord r = new GenericData.Record(v1);
        r.put("id", "older-writer");
        r.put("storyId", "older-writer");
        r.put("version", 1);
        r.put("sourceRef", "old/enrich.txt");
        r.put("receivedAt", 1_700_000_000_000L);
        r.put("processedAt", 1_700_000_001_000L);
        r.put("title", "Written by an older version");
        r.put("body", "The body of an article an older enrich-streams wrote.");
        r.put("language", "en");
        r.put("contentHash", "old-hash");
        r.put("wordCount", 9);
        r.put("removedLines", 0);
        // our serializer registers v1 under the topic's subject and frames the record with v1's id
        return new AvroSerializer<GenericRecord>(
                        SchemaRegistryClients.create(stack.clientSettings()), stack.clientSettings(), false)
                .serialize(topic, r);
    }

    interface Condition {
        boolean holds(ArticleStore store) throws Exception;
    }

    private static void runUntil(SinkConfig config, Condition condition) throws Exception {
        SinkRunner sink = new SinkRunner(config);
        Thread thread = new Thread(sink, "sink-under-test");
        thread.start();
        try (ArticleStore reader = new ArticleStore(config.jdbcUrl(), config.groupId())) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> sink.failure() != null || !thread.isAlive() || condition.holds(reader));
            assertThat(sink.failure()).as("the sink failed").isNull();
            Thread.sleep(1500); // let any duplicate write show itself
            assertThat(condition.holds(reader)).isTrue();
        } finally {
            sink.close();
            thread.join(30_000);
            sink.release();
        }
        assertThat(sink.failure()).isNull();
    }

    private static List<DeadLetter> readDeadLetters(TestStack stack, String topic) {
        Map<String, Object> c = new HashMap<>(stack.clientSettings());
        c.put("group.id", "dlq-reader-" + topic);
        c.put("auto.offset.reset", "earliest");
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(
                c,
                new StringDeserializer(),
                AvroSerdes.specific(DeadLetter.class, stack.clientSettings(), false)
                        .deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (out.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> out.add(r.value()));
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void anUnreachableRegistryStopsTheSinkWithoutDeadLetteringOrSkippingAnything(TestStack stack) throws Exception {
        String suffix = "noreg-" + UUID.randomUUID().toString().substring(0, 8);
        String url = TestDatabases.of("sqlite", dir);
        Map<String, String> settings = sinkSettings(stack, suffix, 1, url);
        String enriched = settings.get(SinkConfig.TOPIC_ENRICHED);
        String dlq = settings.get(SinkConfig.TOPIC_DLQ);
        var serializer = AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                .serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            Article a = ArticleStoreTest.article("r1", "Registry gone");
            producer.send(new ProducerRecord<>(enriched, a.getId(), serializer.serialize(enriched, a)))
                    .get();
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        settings.put("schema.registry.url", "http://127.0.0.1:" + closedPort);
        settings.put("schema.registry.retry.max.attempts", "2");
        settings.put("schema.registry.retry.backoff.ms", "10");
        SinkRunner sink = new SinkRunner(SinkConfig.load(Optional.empty(), Map.of(), settings));
        Thread thread = new Thread(sink, "sink-no-registry");
        thread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> sink.failure() != null);
        thread.join(30_000);
        sink.release();
        assertThat(sink.failure())
                .hasMessageContaining("Schema Registry unreachable")
                .hasMessageContaining("nothing dead-lettered");
        try (ArticleStore store = new ArticleStore(url, "sink-it-" + suffix)) {
            assertThat(store.count("articles")).isZero();
            assertThat(store.storedOffsets()).isEmpty(); // the record will be read again once the registry answers
        }
        assertThat(readDeadLetters(stack, dlq)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void waitsOutADatabaseThatGoesAwayAndResumesWithoutLosingARow(TestStack stack) throws Exception {
        String suffix = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String application = "copydesk_sink_" + suffix.replace("-", "_");
        String url = TestDatabases.postgres() + "&ApplicationName=" + application;
        Map<String, String> settings = sinkSettings(stack, suffix, 2, url);
        String enriched = settings.get(SinkConfig.TOPIC_ENRICHED);
        settings.put(SinkConfig.BATCH_SIZE, "10");
        SinkConfig config = SinkConfig.load(Optional.empty(), Map.of(), settings);
        int articles = 1500;
        var serializer = AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                .serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < articles; i++) {
                Article a = ArticleStoreTest.article("o" + i, "Outage " + i);
                producer.send(new ProducerRecord<>(enriched, a.getId(), serializer.serialize(enriched, a)));
            }
        }
        SinkRunner sink = new SinkRunner(config);
        Thread thread = new Thread(sink, "sink-outage");
        thread.start();
        try (ArticleStore reader =
                        new ArticleStore(url.replace(application, application + "_reader"), config.groupId());
                Connection admin = DriverManager.getConnection(TestDatabases.POSTGRES_URL)) {
            for (int outage = 1; outage <= 3; outage++) {
                long seen = reader.count("articles");
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> sink.failure() != null || reader.count("articles") > seen);
                // the server drops the sink's connection, as on a restart or failover
                try (PreparedStatement kill = admin.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
                    kill.setString(1, application);
                    kill.executeQuery().close();
                }
            }
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> sink.failure() != null || reader.count("articles") == articles);
            assertThat(sink.failure()).as("the sink stopped instead of waiting").isNull();
            assertThat(reader.count("articles")).isEqualTo(articles);
            assertThat(sink.outagesSurvived()).isBetween(1L, 3L);
        } finally {
            sink.close();
            thread.join(30_000);
            sink.release();
        }
    }
}
