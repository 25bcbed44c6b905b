package dev.copydesk.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A registry held in this JVM, for {@code schema.registry.url=mock://scope} (the convention of Confluent's
 * serdes): every client of the same scope shares one {@link RegistryState}. Meant for TopologyTestDriver tests,
 * which have no broker to keep a real registry on.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private static final Map<String, RegistryState> SCOPES = new ConcurrentHashMap<>();

    private final RegistryState state;

    public InMemorySchemaRegistryClient(RegistryState state) {
        this.state = state;
    }

    public static InMemorySchemaRegistryClient forScope(String scope) {
        return new InMemorySchemaRegistryClient(SCOPES.computeIfAbsent(scope, s -> new RegistryState()));
    }

    /** Forgets a scope, so the next test using it starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public int register(String subject, Schema schema) {
        return state.register(subject, schema.toString(), r -> {}).id();
    }

    @Override
    public Schema getById(int id) {
        return state.getById(id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return state.version(subject, "latest");
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        return state.lookup(subject, schema);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return state.isCompatible(subject, schema);
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        return state.compatibility(subject);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        state.setCompatibility(subject, level, r -> {});
    }

    @Override
    public List<String> subjects() {
        return state.subjects();
    }

    @Override
    public List<Integer> versions(String subject) {
        return state.versions(subject);
    }
}
