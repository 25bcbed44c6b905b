package dev.copydesk.serde;

import dev.copydesk.registry.SchemaRegistryClient;
import dev.copydesk.registry.SchemaRegistryClients;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka {@link Serde}s for copydesk's specific Avro records, sharing one registry client. */
public final class AvroSerdes {
    private AvroSerdes() {}

    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type, Map<String, ?> configs, boolean isKey) {
        return specific(type, SchemaRegistryClients.create(configs), configs, isKey);
    }

    public static <T extends SpecificRecord> Serde<T> specific(
            Class<T> type, SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withReader = new HashMap<>(configs);
        withReader.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
        AvroSerializer<T> serializer = new AvroSerializer<>(registry, withReader, isKey);
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(registry, withReader, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
