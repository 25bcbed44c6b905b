package dev.copydesk.serde;

import dev.copydesk.registry.RegisteredSchema;
import dev.copydesk.registry.SchemaRegistryClient;
import dev.copydesk.registry.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serialises Avro records (specific or generic) in Confluent's wire format, choosing the schema as Confluent's
 * serializer does:
 *
 * <ol>
 *   <li>{@code auto.register.schemas=true} (the default): the record's own schema, registered under the subject;
 *   <li>else {@code use.latest.version=true}: the subject's latest schema. The record is written <em>with</em> it,
 *       converted by Avro's schema resolution (an added field takes its default, a removed field is left out), so
 *       the bytes always match the id they are framed with. With {@code latest.compatibility.strict} (the default)
 *       a record whose schema the latest one cannot read is refused up front; either way a record that cannot be
 *       converted is refused with the reason;
 *   <li>else the record's own schema, which must be registered already.
 * </ol>
 *
 * Registry errors propagate: the producer's send fails loudly instead of losing the record.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;
    /** By schema and by kind of record (specific or generic): the two write logical types differently. */
    private final Map<List<Object>, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    /** Per (record schema, latest schema): the reader that converts one into the other, or why it cannot. */
    private final Map<List<Schema>, DatumReader<Object>> converters = new ConcurrentHashMap<>();

    /** The latest schema of a subject as fetched, and when. */
    private record Latest(RegisteredSchema schema, long fetchedNanos) {}

    public AvroSerializer() {}

    /** For callers that share one registry client between serdes. */
    public AvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        this.registry = registry;
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            this.registry = SchemaRegistryClients.create(configs);
        }
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Schema schema = data.getSchema();
        String subject = config.strategy(isKey).subject(topic, isKey, schema);
        if (!config.autoRegister() && config.useLatestVersion()) {
            RegisteredSchema target = latestOf(subject);
            Object datum = schema.equals(target.schema()) ? data : convert(data, target, subject);
            return frame(topic, target.id(), target.schema(), datum);
        }
        return frame(topic, schemaId(subject, schema), schema, data);
    }

    private byte[] frame(String topic, int id, Schema schema, Object datum) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
            WireFormat.writeHeader(header, id);
            out.write(header.array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(datum, schema).write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Could not serialise a " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        if (config.autoRegister()) {
            return registry.register(subject, schema);
        }
        return registry.lookup(subject, schema)
                .orElseThrow(() -> new SerializationException("Schema " + schema.getFullName()
                        + " is not registered under subject " + subject + " and auto.register.schemas=false"))
                .id();
    }

    /** The subject's latest schema, fetched again after {@code latest.cache.ttl.sec} when that is set. */
    private RegisteredSchema latestOf(String subject) {
        long ttl = config.latestCacheTtlSeconds();
        return latest.compute(
                        subject,
                        (s, cached) -> cached != null
                                        && (ttl < 0 || System.nanoTime() - cached.fetchedNanos() < ttl * 1_000_000_000L)
                                ? cached
                                : new Latest(registry.latest(s), System.nanoTime()))
                .schema();
    }

    /**
     * The record as a record of the latest schema: written with its own schema and read back with the latest one as
     * the reader, which is what a consumer of the latest schema would get from the record's own bytes.
     */
    private Object convert(T data, RegisteredSchema target, String subject) {
        Schema own = data.getSchema();
        DatumReader<Object> reader = converters.computeIfAbsent(List.of(own, target.schema()), k -> {
            if (config.latestCompatibilityStrict()) {
                SchemaCompatibility.SchemaPairCompatibility pair =
                        SchemaCompatibility.checkReaderWriterCompatibility(target.schema(), own);
                if (pair.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    throw new SerializationException(refusal(
                            own,
                            target,
                            subject,
                            "the latest schema cannot read it: " + describe(pair)
                                    + " (latest.compatibility.strict=true; false tries each record)"));
                }
            }
            return new GenericDatumReader<>(own, target.schema(), GenericData.get());
        });
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
            writerFor(data, own).write(data, encoder);
            encoder.flush();
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    refusal(own, target, subject, "it cannot be converted: " + e.getMessage()), e);
        }
    }

    private static String refusal(Schema own, RegisteredSchema target, String subject, String why) {
        return "Cannot write a " + own.getFullName() + " with the latest schema of subject " + subject + " (version "
                + target.version() + ", id " + target.id() + ", use.latest.version=true): " + why;
    }

    private static String describe(SchemaCompatibility.SchemaPairCompatibility pair) {
        return pair.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation()
                        + (i.getMessage() == null ? "" : " (" + i.getMessage() + ")"))
                .collect(Collectors.joining("; "));
    }

    private DatumWriter<Object> writerFor(Object datum, Schema schema) {
        boolean specific = datum instanceof SpecificRecord;
        return writers.computeIfAbsent(
                List.of(schema, specific),
                k -> specific
                        ? new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema))
                        : new GenericDatumWriter<>(schema, GenericData.get()));
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
