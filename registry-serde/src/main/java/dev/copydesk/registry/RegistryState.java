package dev.copydesk.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaParseException;

/**
 * The registry's state machine: subjects, versions, global ids and compatibility levels, with Confluent's rules
 * (the same schema always gets the same id; a new version must pass the subject's compatibility level, BACKWARD by
 * default). Schemas are the same when Avro writes them alike ({@link #identity}): whitespace and the order of a
 * JSON object's keys do not count, a {@code doc}, a default or an alias does, as in Confluent, so a schema that
 * only documents a field better is a new version.
 *
 * <p>Every change is first handed to a {@code journal} (the embedded server writes it to the {@code _schemas}
 * topic and waits for the acknowledgement) and only then applied, so what is in memory is always in the log.
 * Replaying the log through {@link #apply} rebuilds the same state, ids included. Thread-safe.
 */
public final class RegistryState {

    private record Version(int version, int id, boolean deleted) {}

    private final Map<String, TreeMap<Integer, Version>> subjects = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int maxId = 0;

    public static Schema parse(String schemaText) {
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | NullPointerException e) {
            throw RegistryException.invalidSchema(String.valueOf(e.getMessage()));
        }
    }

    /**
     * What makes two schemas the same one: Avro's own JSON of the parsed schema, with docs, defaults, aliases and
     * properties. Avro's parsing canonical form would fold away the docs and defaults, which a registry must keep.
     */
    static String identity(Schema schema) {
        return schema.toString();
    }

    /** Applies a log entry; used both for replay and after a journaled change. Later entries win. */
    public synchronized void apply(SchemaRecord record) {
        if (record instanceof SchemaRecord.SchemaVersion v) {
            Schema schema = parse(v.schema());
            schemasById.putIfAbsent(v.id(), schema);
            idsBySchema.putIfAbsent(identity(schema), v.id());
            subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>())
                    .put(v.version(), new Version(v.version(), v.id(), v.deleted()));
            maxId = Math.max(maxId, v.id());
        } else if (record instanceof SchemaRecord.Config c) {
            if (c.subject() == null) {
                globalLevel = c.level();
            } else if (c.level() == null) {
                subjectLevels.remove(c.subject());
            } else {
                subjectLevels.put(c.subject(), c.level());
            }
        }
    }

    /** Registers (or finds) the schema under the subject; returns the registered version. */
    public synchronized RegisteredSchema register(String subject, String schemaText, Consumer<SchemaRecord> journal) {
        Schema schema = parse(schemaText);
        Optional<RegisteredSchema> existing = lookup(subject, schema);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!isCompatible(subject, schema)) {
            throw new RegistryException(
                    409,
                    RegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\" (compatibility level " + compatibility(subject) + ")");
        }
        int id = idsBySchema.getOrDefault(identity(schema), maxId + 1);
        TreeMap<Integer, Version> versions = subjects.get(subject);
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        SchemaRecord.SchemaVersion record =
                new SchemaRecord.SchemaVersion(subject, version, id, schema.toString(), false);
        journal.accept(record);
        apply(record);
        return new RegisteredSchema(subject, id, version, schemasById.get(id));
    }

    public synchronized Schema getById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw RegistryException.schemaNotFound("id " + id);
        }
        return schema;
    }

    public synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        Integer id = idsBySchema.get(identity(schema));
        if (id == null) {
            return Optional.empty();
        }
        return liveVersions(subject).stream()
                .filter(v -> v.id() == id)
                .findFirst()
                .map(v -> new RegisteredSchema(subject, v.id(), v.version(), schemasById.get(v.id())));
    }

    public synchronized boolean subjectExists(String subject) {
        return !liveVersions(subject).isEmpty();
    }

    public synchronized RegisteredSchema version(String subject, String versionText) {
        List<Version> live = liveVersions(subject);
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        Version chosen;
        if ("latest".equals(versionText) || "-1".equals(versionText)) {
            chosen = live.get(live.size() - 1);
        } else {
            int wanted;
            try {
                wanted = Integer.parseInt(versionText);
            } catch (NumberFormatException e) {
                throw new RegistryException(
                        422,
                        RegistryException.INVALID_VERSION,
                        "The specified version '" + versionText + "' is not a valid version id.");
            }
            if (wanted <= 0) {
                throw new RegistryException(
                        422,
                        RegistryException.INVALID_VERSION,
                        "The specified version '" + versionText + "' is not a valid version id.");
            }
            chosen = live.stream()
                    .filter(v -> v.version() == wanted)
                    .findFirst()
                    .orElseThrow(() -> RegistryException.versionNotFound(subject, wanted));
        }
        return new RegisteredSchema(subject, chosen.id(), chosen.version(), schemasById.get(chosen.id()));
    }

    public synchronized List<String> subjects() {
        return subjects.keySet().stream().filter(this::subjectExists).sorted().toList();
    }

    public synchronized List<Integer> versions(String subject) {
        List<Version> live = liveVersions(subject);
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return live.stream().map(Version::version).toList();
    }

    /** Soft-deletes every version of the subject (ids stay resolvable, as in Confluent's registry). */
    public synchronized List<Integer> deleteSubject(String subject, Consumer<SchemaRecord> journal) {
        List<Version> live = liveVersions(subject);
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        for (Version v : live) {
            SchemaRecord.SchemaVersion record = new SchemaRecord.SchemaVersion(
                    subject, v.version(), v.id(), schemasById.get(v.id()).toString(), true);
            journal.accept(record);
            apply(record);
        }
        return live.stream().map(Version::version).toList();
    }

    public synchronized boolean isCompatible(String subject, Schema candidate) {
        List<Version> live = liveVersions(subject);
        if (live.isEmpty()) {
            return true;
        }
        CompatibilityLevel level = compatibility(subject);
        if (level == CompatibilityLevel.NONE) {
            return true;
        }
        List<Version> against = level.transitive() ? live : List.of(live.get(live.size() - 1));
        for (Version v : against) {
            Schema existing = schemasById.get(v.id());
            if (level.checksBackward() && !canRead(candidate, existing)) {
                return false;
            }
            if (level.checksForward() && !canRead(existing, candidate)) {
                return false;
            }
        }
        return true;
    }

    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                        .getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    public synchronized CompatibilityLevel compatibility(String subject) {
        return subject == null ? globalLevel : subjectLevels.getOrDefault(subject, globalLevel);
    }

    /** The subject's own level, empty when it follows the global one. */
    public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized void setCompatibility(
            String subject, CompatibilityLevel level, Consumer<SchemaRecord> journal) {
        SchemaRecord.Config record = new SchemaRecord.Config(subject, level);
        journal.accept(record);
        apply(record);
    }

    private List<Version> liveVersions(String subject) {
        TreeMap<Integer, Version> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        List<Version> live = new ArrayList<>();
        for (Version v : versions.values()) {
            if (!v.deleted()) {
                live.add(v);
            }
        }
        return live;
    }
}
