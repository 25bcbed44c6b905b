package dev.copydesk.registry;

/**
 * An entry of the registry's log, as Confluent's server keeps it in the compacted {@code _schemas} topic:
 * either a schema version ({@code keytype SCHEMA}) or a compatibility setting ({@code keytype CONFIG}).
 */
public sealed interface SchemaRecord {

    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) implements SchemaRecord {}

    /** subject null means the global level. */
    record Config(String subject, CompatibilityLevel level) implements SchemaRecord {}
}
