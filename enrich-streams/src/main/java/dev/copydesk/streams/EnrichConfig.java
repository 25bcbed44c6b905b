package dev.copydesk.streams;

import dev.copydesk.config.ServiceConfig;
import dev.copydesk.dedup.DedupSettings;
import dev.copydesk.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Settings of enrich-streams: topics, and Kafka Streams settings passed through untouched. */
public final class EnrichConfig extends ServiceConfig {

    /** Raw records larger than this are dead-lettered as too-large instead of cleaned (default 4 MiB). */
    public static final String MAX_RECORD_BYTES = "copydesk.enrich.max.record.bytes";
    /** A topic to mirror each enriched article to as plain JSON, for consumers without Avro; empty: none. */
    public static final String JSON_TOPIC = "copydesk.enrich.json.topic";

    public static final String DEDUP_SCOPE = "copydesk.dedup.scope";
    public static final String DEDUP_POLICY = "copydesk.dedup.policy";
    public static final String DEDUP_JACCARD = "copydesk.dedup.jaccard.threshold";
    public static final String DEDUP_CONTAINMENT = "copydesk.dedup.containment.threshold";
    public static final String DEDUP_RETENTION_MS = "copydesk.dedup.retention.ms";
    public static final String DEDUP_EXPIRY_INTERVAL_MS = "copydesk.dedup.expiry.interval.ms";
    public static final String DEDUP_HASHES = "copydesk.dedup.hashes";
    public static final String DEDUP_BANDS = "copydesk.dedup.bands";
    public static final String DEDUP_SHINGLE_SIZE = "copydesk.dedup.shingle.size";

    /** How articles are grouped so that copies meet: by language, or all in one group. */
    public enum DedupScope {
        LANGUAGE,
        GLOBAL
    }

    public static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(MAX_RECORD_BYTES, String.valueOf(4 * 1024 * 1024)),
            Map.entry(JSON_TOPIC, ""),
            Map.entry(DEDUP_SCOPE, "language"),
            Map.entry(DEDUP_POLICY, "version"),
            Map.entry(DEDUP_JACCARD, String.valueOf(DedupSettings.defaults().jaccardThreshold())),
            Map.entry(DEDUP_CONTAINMENT, String.valueOf(DedupSettings.defaults().containmentThreshold())),
            Map.entry(
                    DEDUP_RETENTION_MS,
                    String.valueOf(DedupSettings.defaults().retention().toMillis())),
            Map.entry(DEDUP_EXPIRY_INTERVAL_MS, "60000"),
            Map.entry(DEDUP_HASHES, String.valueOf(DedupSettings.defaults().hashes())),
            Map.entry(DEDUP_BANDS, String.valueOf(DedupSettings.defaults().bands())),
            Map.entry(
                    DEDUP_SHINGLE_SIZE, String.valueOf(DedupSettings.defaults().shingleSize())),
            Map.entry(TOPIC_RAW, Topics.RAW),
            Map.entry(TOPIC_ENRICHED, Topics.ENRICHED),
            Map.entry(TOPIC_DUPLICATES, Topics.DUPLICATES),
            Map.entry(TOPIC_DLQ, Topics.DLQ),
            Map.entry("bootstrap.servers", "127.0.0.1:9092"),
            Map.entry("schema.registry.url", "http://127.0.0.1:8081"),
            Map.entry(StreamsConfig.APPLICATION_ID_CONFIG, "copydesk-enrich"),
            Map.entry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2),
            Map.entry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(defaultStreamThreads())),
            // under exactly-once a record is visible downstream only when its transaction commits, once per hop: the
            // dedup repartition makes two hops, so the commit interval is most of the latency. 50 ms instead of
            // Kafka's 100: bench p50 at 500/s 187-204 -> 107-118 ms, p99 383-456 -> 304-372 ms, throughput the same
            Map.entry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50"));

    /**
     * One stream thread per core, up to 8. Cleaning and enrichment are CPU-bound: Kafka's default of one thread left
     * all cores but one idle (bench, 2 cores: 561 articles/s with 1 thread, 753/s with 2). Threads beyond the tasks
     * (the partitions of the raw topic; 6 in the compose file) idle, each with its own consumer and producer, so a big
     * host does not get one per core; set {@code num.stream.threads} to go past 8 with more partitions.
     */
    static int defaultStreamThreads() {
        return Math.min(8, Runtime.getRuntime().availableProcessors());
    }

    public EnrichConfig(Map<String, String> values) {
        super(values);
    }

    public static EnrichConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        return new EnrichConfig(ServiceConfig.load(DEFAULTS, file, env, overrides));
    }

    public DedupSettings dedupSettings() {
        DedupSettings d = DedupSettings.defaults();
        String policy = get(DEDUP_POLICY, "version").trim().toUpperCase(Locale.ROOT);
        DedupSettings.NearDuplicatePolicy parsed;
        try {
            parsed = DedupSettings.NearDuplicatePolicy.valueOf(policy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(DEDUP_POLICY + " must be version or drop, not " + get(DEDUP_POLICY));
        }
        return new DedupSettings(
                getInt(DEDUP_HASHES, d.hashes()),
                getInt(DEDUP_BANDS, d.bands()),
                getInt(DEDUP_SHINGLE_SIZE, d.shingleSize()),
                getDouble(DEDUP_JACCARD, d.jaccardThreshold()),
                getDouble(DEDUP_CONTAINMENT, d.containmentThreshold()),
                d.minShinglesForContainment(),
                d.bucketCapacity(),
                getDuration(DEDUP_RETENTION_MS, d.retention()),
                parsed);
    }

    public DedupScope dedupScope() {
        try {
            return DedupScope.valueOf(get(DEDUP_SCOPE, "language").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(DEDUP_SCOPE + " must be language or global, not " + get(DEDUP_SCOPE));
        }
    }

    /** The JSON mirror's topic ({@link #JSON_TOPIC}), when one is set. */
    public Optional<String> jsonTopic() {
        String topic = get(JSON_TOPIC, "");
        return topic.isBlank() ? Optional.empty() : Optional.of(topic.strip());
    }

    public int maxRecordBytes() {
        return getInt(MAX_RECORD_BYTES, 4 * 1024 * 1024);
    }

    public Duration expiryInterval() {
        return getDuration(DEDUP_EXPIRY_INTERVAL_MS, Duration.ofMinutes(1));
    }

    /** Settings for KafkaStreams: every client setting as given, on top of copydesk's defaults. */
    public Map<String, Object> streamsSettings() {
        Map<String, Object> s = new HashMap<>();
        s.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        // a dead letter carries the original record (up to the topics' 8 MiB) plus its coordinates: the 1 MiB
        // default would make the letter for a large record fail to send, and stop the app on it
        s.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 16 * 1024 * 1024);
        s.putAll(clientSettings());
        return s;
    }
}
