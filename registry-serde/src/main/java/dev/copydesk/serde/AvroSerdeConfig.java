package dev.copydesk.serde;

import java.util.Map;

/**
 * Serde settings under Confluent's names: {@code auto.register.schemas} (default true),
 * {@code use.latest.version} (default false: write records with the subject's latest schema; applies only with
 * {@code auto.register.schemas=false}, as in Confluent), {@code latest.compatibility.strict} (default true: refuse a
 * record whose schema the latest one cannot read), {@code latest.cache.ttl.sec} (default -1: fetch the latest
 * schema once),
 * {@code specific.avro.reader} (default false: GenericRecord), {@code key.subject.name.strategy} /
 * {@code value.subject.name.strategy} (TopicNameStrategy). Registry connection settings: see
 * {@link dev.copydesk.registry.RegistryClientConfig}.
 */
public record AvroSerdeConfig(
        boolean autoRegister,
        boolean useLatestVersion,
        boolean latestCompatibilityStrict,
        long latestCacheTtlSeconds,
        boolean specificReader,
        SubjectNameStrategy keyStrategy,
        SubjectNameStrategy valueStrategy) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        return new AvroSerdeConfig(
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, LATEST_COMPATIBILITY_STRICT, true),
                number(configs, LATEST_CACHE_TTL_SEC, -1),
                bool(configs, SPECIFIC_AVRO_READER, false),
                SubjectNameStrategy.parse(configs.get(KEY_SUBJECT_NAME_STRATEGY)),
                SubjectNameStrategy.parse(configs.get(VALUE_SUBJECT_NAME_STRATEGY)));
    }

    public SubjectNameStrategy strategy(boolean isKey) {
        return isKey ? keyStrategy : valueStrategy;
    }

    private static long number(Map<String, ?> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of seconds, not '" + value + "'");
        }
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value.toString().trim());
    }
}
