package dev.copydesk.serde;

import dev.copydesk.registry.SchemaRegistryClient;
import dev.copydesk.registry.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serialises Avro records (specific or generic) in Confluent's wire format, registering the schema under the
 * configured subject (or, with {@code use.latest.version}, using the subject's latest schema). Registry errors
 * propagate: the producer's send fails loudly instead of losing the record.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<String, Integer> latestIds = new ConcurrentHashMap<>();

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
        int id = schemaId(subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
            WireFormat.writeHeader(header, id);
            out.write(header.array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, s -> writerFor(data, s)).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Could not serialise a " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        if (config.useLatestVersion()) {
            return latestIds.computeIfAbsent(subject, s -> registry.latest(s).id());
        }
        if (config.autoRegister()) {
            return registry.register(subject, schema);
        }
        return registry.lookup(subject, schema)
                .orElseThrow(() -> new SerializationException("Schema " + schema.getFullName()
                        + " is not registered under subject " + subject + " and auto.register.schemas=false"))
                .id();
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Object datum, Schema schema) {
        if (datum instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
        }
        return new GenericDatumWriter<>(schema, GenericData.get());
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
