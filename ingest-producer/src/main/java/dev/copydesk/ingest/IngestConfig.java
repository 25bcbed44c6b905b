package dev.copydesk.ingest;

import dev.copydesk.config.ServiceConfig;
import dev.copydesk.topics.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Settings of ingest-producer: see {@link ServiceConfig} for the file/environment/override rules. */
public final class IngestConfig extends ServiceConfig {

    public static final String TOPIC = TOPIC_RAW;
    public static final String MAX_BYTES = "copydesk.ingest.max.bytes";

    public static final Map<String, String> DEFAULTS = Map.of(
            TOPIC,
            Topics.RAW,
            MAX_BYTES,
            String.valueOf(2 * 1024 * 1024),
            "bootstrap.servers",
            "127.0.0.1:9092",
            "schema.registry.url",
            "http://127.0.0.1:8081");

    public IngestConfig(Map<String, String> values) {
        super(values);
    }

    public static IngestConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        return new IngestConfig(ServiceConfig.load(DEFAULTS, file, env, overrides));
    }

    public String topic() {
        return rawTopic();
    }

    public int maxBytes() {
        return getInt(MAX_BYTES, 2 * 1024 * 1024);
    }
}
