package dev.copydesk.streams;

import dev.copydesk.config.ServiceConfig;
import dev.copydesk.topics.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;

/** Settings of enrich-streams: topics, and Kafka Streams settings passed through untouched. */
public final class EnrichConfig extends ServiceConfig {

    public static final String TOPIC_RAW = "copydesk.topic.raw";
    public static final String TOPIC_ENRICHED = "copydesk.topic.enriched";
    public static final String TOPIC_DUPLICATES = "copydesk.topic.duplicates";
    public static final String TOPIC_DLQ = "copydesk.topic.dlq";

    public static final Map<String, String> DEFAULTS = Map.of(
            TOPIC_RAW, Topics.RAW,
            TOPIC_ENRICHED, Topics.ENRICHED,
            TOPIC_DUPLICATES, Topics.DUPLICATES,
            TOPIC_DLQ, Topics.DLQ,
            "bootstrap.servers", "127.0.0.1:9092",
            "schema.registry.url", "http://127.0.0.1:8081",
            StreamsConfig.APPLICATION_ID_CONFIG, "copydesk-enrich",
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);

    public EnrichConfig(Map<String, String> values) {
        super(values);
    }

    public static EnrichConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        return new EnrichConfig(ServiceConfig.load(DEFAULTS, file, env, overrides));
    }

    public String rawTopic() {
        return get(TOPIC_RAW);
    }

    public String enrichedTopic() {
        return get(TOPIC_ENRICHED);
    }

    public String duplicatesTopic() {
        return get(TOPIC_DUPLICATES);
    }

    public String dlqTopic() {
        return get(TOPIC_DLQ);
    }

    /** Settings for KafkaStreams: every client setting as given, on top of copydesk's defaults. */
    public Map<String, Object> streamsSettings() {
        Map<String, Object> s = new HashMap<>();
        s.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        s.putAll(clientSettings());
        return s;
    }
}
