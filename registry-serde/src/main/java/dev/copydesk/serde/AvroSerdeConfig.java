package dev.copydesk.serde;

import java.util.Map;

/**
 * Serde settings under Confluent's names: {@code auto.register.schemas} (default true),
 * {@code use.latest.version} (default false: serialise with the subject's latest schema instead of registering),
 * {@code specific.avro.reader} (default false: GenericRecord), {@code key.subject.name.strategy} /
 * {@code value.subject.name.strategy} (TopicNameStrategy). Registry connection settings: see
 * {@link dev.copydesk.registry.RegistryClientConfig}.
 */
public record AvroSerdeConfig(
        boolean autoRegister,
        boolean useLatestVersion,
        boolean specificReader,
        SubjectNameStrategy keyStrategy,
        SubjectNameStrategy valueStrategy) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        return new AvroSerdeConfig(
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, SPECIFIC_AVRO_READER, false),
                SubjectNameStrategy.parse(configs.get(KEY_SUBJECT_NAME_STRATEGY)),
                SubjectNameStrategy.parse(configs.get(VALUE_SUBJECT_NAME_STRATEGY)));
    }

    public SubjectNameStrategy strategy(boolean isKey) {
        return isKey ? keyStrategy : valueStrategy;
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value.toString().trim());
    }
}
