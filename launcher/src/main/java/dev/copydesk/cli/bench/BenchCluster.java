package dev.copydesk.cli.bench;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The cluster, scratch folder and databases a bench run works in: topics named for the run, loading and timed
 * consuming of records, and a fresh database per stage.
 */
final class BenchCluster {

    private final Map<String, Object> clients;
    private final Path workDir;
    private final int partitions;
    /** PostgreSQL to sink into (a fresh schema per stage), or null for a SQLite file per stage. */
    private final String db;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    BenchCluster(Map<String, Object> clients, Path workDir, int partitions, String db) {
        this.clients = clients;
        this.workDir = workDir;
        this.partitions = partitions;
        this.db = db;
    }

    Map<String, Object> clients() {
        return clients;
    }

    Path workDir() {
        return workDir;
    }

    /** The run's id, in topic, group and application names, so runs against one cluster never share them. */
    String run() {
        return run;
    }

    String topic(String name) {
        return "bench-" + name + "-" + run;
    }

    void create(String... names) throws Exception {
        try (Admin admin = Admin.create(clients)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String n : names) {
                topics.add(new NewTopic(n, partitions, (short) 1));
            }
            TopicAdmin.create(admin, topics);
        }
    }

    Map<String, Object> producerSettings(int lingerMs) {
        Map<String, Object> p = new HashMap<>(clients);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        return p;
    }

    void load(String topic, List<byte[]> records) throws Exception {
        Map<String, Object> p = producerSettings(10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                sent.add(producer.send(
                        new ProducerRecord<>(topic, ("k" + i).getBytes(StandardCharsets.UTF_8), records.get(i))));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    /** Loads keyed records (a watchlist by its name, say). */
    void load(String topic, Map<String, byte[]> keyed) throws Exception {
        Map<String, Object> p = producerSettings(10);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            keyed.forEach((k, v) ->
                    sent.add(producer.send(new ProducerRecord<>(topic, k.getBytes(StandardCharsets.UTF_8), v))));
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    /** Counts records on a topic as a read_committed consumer sees them, until {@code expected} or the deadline. */
    long consumeCount(String topic, long expected, Duration timeout) {
        return consumeTimed(topic, expected, timeout).count();
    }

    Delivery consumeTimed(String topic, long expected, Duration timeout) {
        Map<String, Object> c = new HashMap<>(clients);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        long count = 0;
        long first = 0;
        long last = 0;
        long withFirst = 0;
        long start = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> tps = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            start = System.nanoTime();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < expected && System.nanoTime() < deadline) {
                int n = consumer.poll(Duration.ofMillis(50)).count();
                if (n > 0) {
                    last = System.nanoTime();
                    if (first == 0) {
                        first = last;
                        withFirst = n;
                    }
                    count += n;
                }
            }
        }
        return new Delivery(count, first, last, withFirst, start);
    }

    /** A fresh database per stage: a SQLite file, or a new schema on the PostgreSQL server given with --db. */
    String database(String name) throws Exception {
        if (db == null) {
            return "jdbc:sqlite:" + workDir.resolve(name + ".db");
        }
        String schema = "bench_" + name + "_" + run;
        try (Connection c = Database.connect(db);
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return db + (db.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A count from a stage's database; 0 while the sink has not created its tables yet. */
    static long count(String jdbc, String sql) {
        try (Connection c = Database.connect(jdbc);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    static void check(long got, long expected, String stage) {
        if (got < expected) {
            throw new IllegalStateException(stage + ": only " + got + " of " + expected + " records arrived in time");
        }
    }
}
