package dev.copydesk.serde;

import dev.copydesk.registry.SchemaRegistryClient;
import dev.copydesk.registry.SchemaRegistryClients;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro: checks the magic byte, resolves the writer schema by id through the registry and
 * decodes into a specific record (with {@code specific.avro.reader=true} or a target class) or a GenericRecord.
 * Any framing, id or decoding problem is a {@link SerializationException} naming the cause, for the caller's
 * dead-letter path.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private Class<T> targetType;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    public AvroDeserializer() {}

    /** A deserializer that always decodes into the given specific record class. */
    public AvroDeserializer(Class<T> targetType) {
        this.targetType = targetType;
    }

    public AvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs, Class<T> targetType) {
        this.registry = registry;
        this.config = AvroSerdeConfig.from(configs);
        this.targetType = targetType;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            this.registry = SchemaRegistryClients.create(configs);
        }
        this.config = AvroSerdeConfig.from(configs);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(data);
        DatumReader<T> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (RuntimeException e) {
            throw new SerializationException(
                    "Unknown or unreadable schema id " + id + " on topic " + topic + ": " + e.getMessage(), e);
        }
        try {
            return reader.read(
                    null,
                    DecoderFactory.get()
                            .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Corrupt Avro record on topic " + topic + " (schema id " + id + ", " + data.length + " bytes): "
                            + e,
                    e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        Schema writer = registry.getById(id);
        if (targetType != null) {
            Schema reader = SpecificData.get().getSchema(targetType);
            return new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(targetType));
        }
        if (config.specificReader()) {
            SpecificData data = SpecificData.getForSchema(writer);
            Class<?> generated = data.getClass(writer);
            if (generated != null && generated != Object.class) {
                return new SpecificDatumReader<>(writer, data.getSchema(generated), data);
            }
            return new SpecificDatumReader<>(writer, writer, data);
        }
        return new GenericDatumReader<>(writer, writer, GenericData.get());
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
