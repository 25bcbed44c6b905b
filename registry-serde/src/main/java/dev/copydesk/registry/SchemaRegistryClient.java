package dev.copydesk.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The subset of Confluent's Schema Registry REST API that copydesk uses. Implementations cache ids both ways,
 * so a serde asks the registry once per schema, not once per record.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id; throws {@link RegistryException} 40403 when no such id exists. */
    Schema getById(int id);

    /** The latest version of the subject; 40401 when the subject does not exist. */
    RegisteredSchema latest(String subject);

    /** The version of the subject holding this schema, if it is registered there (no registration). */
    Optional<RegisteredSchema> lookup(String subject, Schema schema);

    /** Whether the schema could be registered under the subject, by the subject's compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    /** The compatibility level of the subject, or the global one when subject is null or has none of its own. */
    CompatibilityLevel compatibility(String subject);

    /** Sets the compatibility level of the subject, or the global level when subject is null. */
    void setCompatibility(String subject, CompatibilityLevel level);

    List<String> subjects();

    List<Integer> versions(String subject);

    @Override
    default void close() {}
}
