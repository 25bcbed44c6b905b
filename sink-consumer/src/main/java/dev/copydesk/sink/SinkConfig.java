package dev.copydesk.sink;

import dev.copydesk.config.ServiceConfig;
import dev.copydesk.store.Database;
import dev.copydesk.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Settings of sink-consumer: the database, batching, topics; Kafka settings pass through untouched. */
public final class SinkConfig extends ServiceConfig {

    public static final String DB = "copydesk.db.url";
    public static final String BATCH_SIZE = "copydesk.sink.batch.size";
    public static final String POLL_MS = "copydesk.sink.poll.ms";
    public static final String LINGER_MS = "copydesk.sink.linger.ms";

    public static final Map<String, String> DEFAULTS = Map.of(
            DB,
            "copydesk.db",
            BATCH_SIZE,
            "2000",
            POLL_MS,
            "200",
            LINGER_MS,
            "0",
            TOPIC_ENRICHED,
            Topics.ENRICHED,
            TOPIC_DUPLICATES,
            Topics.DUPLICATES,
            TOPIC_DLQ,
            Topics.DLQ,
            "bootstrap.servers",
            "127.0.0.1:9092",
            "schema.registry.url",
            "http://127.0.0.1:8081",
            ConsumerConfig.GROUP_ID_CONFIG,
            "copydesk-sink");

    public SinkConfig(Map<String, String> values) {
        super(values);
    }

    public static SinkConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        return new SinkConfig(ServiceConfig.load(DEFAULTS, file, env, overrides));
    }

    /** JDBC URL of the database; a plain path in the setting means a SQLite file. */
    public String jdbcUrl() {
        return Database.jdbcUrl(get(DB));
    }

    public String groupId() {
        return get(ConsumerConfig.GROUP_ID_CONFIG);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE, 2000);
    }

    public Duration pollTimeout() {
        return getDuration(POLL_MS, Duration.ofMillis(200));
    }

    /**
     * How long a batch may wait for more records after its first before it is written: 0 writes each poll's records
     * at once; more writes fewer, larger transactions (a full-text index pays per commit) at the cost of that much
     * latency. A batch stops growing once it holds {@link #batchSize()} records.
     */
    public Duration linger() {
        return getDuration(LINGER_MS, Duration.ZERO);
    }

    /** Consumer settings: read only committed records, no auto-commit (offsets live in the database). */
    public Map<String, Object> consumerSettings() {
        Map<String, Object> s = new HashMap<>();
        s.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        s.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize());
        s.put(ConsumerConfig.CLIENT_ID_CONFIG, "copydesk-sink");
        // a crashed sink's partitions wait this long for a new owner (unless group.instance.id is set: a restarted
        // static member takes them back at once)
        s.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        s.putAll(clientSettings());
        s.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        s.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return s;
    }
}
