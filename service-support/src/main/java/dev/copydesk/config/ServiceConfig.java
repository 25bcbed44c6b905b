package dev.copydesk.config;

import dev.copydesk.topics.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings of one copydesk service: a properties file, then environment overrides, then explicit overrides
 * (command-line flags), later winning.
 *
 * <ul>
 *   <li>Keys starting with {@code copydesk.} are copydesk's own (topics, database, limits).</li>
 *   <li>Every other key is a Kafka client or serde setting and is passed through untouched to every client the
 *       service makes: {@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*}, {@code ssl.*},
 *       {@code schema.registry.url}, {@code basic.auth.*}...</li>
 *   <li>Environment: {@code COPYDESK_KAFKA_SASL_MECHANISM} sets {@code sasl.mechanism};
 *       {@code COPYDESK_DB_URL} sets {@code copydesk.db.url} (underscores become dots, names lower-case).</li>
 * </ul>
 */
public class ServiceConfig {

    public static final String OWN_PREFIX = "copydesk.";
    public static final String TOPIC_RAW = "copydesk.topic.raw";
    public static final String TOPIC_ENRICHED = "copydesk.topic.enriched";
    public static final String TOPIC_DUPLICATES = "copydesk.topic.duplicates";
    public static final String TOPIC_DLQ = "copydesk.topic.dlq";
    public static final String TOPIC_ALERTS = "copydesk.topic.alerts";
    public static final String TOPIC_WATCHLISTS = "copydesk.topic.watchlists";
    public static final String ENV_PREFIX = "COPYDESK_";
    public static final String ENV_KAFKA_PREFIX = "COPYDESK_KAFKA_";

    private final Map<String, String> values;

    protected ServiceConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Merges defaults, the file (if given), the environment and the overrides, in that order. */
    public static Map<String, String> load(
            Map<String, String> defaults, Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(defaults);
        file.ifPresent(f -> merged.putAll(readProperties(f)));
        merged.putAll(fromEnvironment(env));
        overrides.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return merged;
    }

    public static Map<String, String> readProperties(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new HashMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k).trim()));
        return out;
    }

    /** The settings named by COPYDESK_* environment variables. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> out = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_KAFKA_PREFIX)) {
                out.put(dotted(name.substring(ENV_KAFKA_PREFIX.length())), value);
            } else if (name.startsWith(ENV_PREFIX)) {
                out.put(OWN_PREFIX + dotted(name.substring(ENV_PREFIX.length())), value);
            }
        });
        return out;
    }

    /** The environment variable that sets a key; the inverse of {@link #fromEnvironment}. */
    public static String environmentName(String key) {
        String upper = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return key.startsWith(OWN_PREFIX) ? upper : ENV_KAFKA_PREFIX + upper;
    }

    private static String dotted(String envSuffix) {
        return envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Kafka client and serde settings: everything that is not copydesk's own. */
    public Map<String, Object> clientSettings() {
        Map<String, Object> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (!k.startsWith(OWN_PREFIX)) {
                out.put(k, v);
            }
        });
        return out;
    }

    public String rawTopic() {
        return get(TOPIC_RAW, Topics.RAW);
    }

    public String enrichedTopic() {
        return get(TOPIC_ENRICHED, Topics.ENRICHED);
    }

    public String duplicatesTopic() {
        return get(TOPIC_DUPLICATES, Topics.DUPLICATES);
    }

    public String dlqTopic() {
        return get(TOPIC_DLQ, Topics.DLQ);
    }

    public String alertsTopic() {
        return get(TOPIC_ALERTS, Topics.ALERTS);
    }

    public String watchlistsTopic() {
        return get(TOPIC_WATCHLISTS, Topics.WATCHLISTS);
    }

    public Map<String, String> all() {
        return values;
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(
                    "Missing setting " + key + " (environment: " + environmentName(key) + ")");
        }
        return v;
    }

    public String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    public int getInt(String key, int fallback) {
        String v = values.get(key);
        try {
            return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " must be a whole number, got '" + v + "'");
        }
    }

    public long getLong(String key, long fallback) {
        String v = values.get(key);
        try {
            return v == null || v.isBlank() ? fallback : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " must be a whole number, got '" + v + "'");
        }
    }

    public double getDouble(String key, double fallback) {
        String v = values.get(key);
        try {
            return v == null || v.isBlank() ? fallback : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " must be a number, got '" + v + "'");
        }
    }

    public Duration getDuration(String key, Duration fallback) {
        return Duration.ofMillis(getLong(key, fallback.toMillis()));
    }
}
