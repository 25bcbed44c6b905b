package dev.copydesk.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.avro.DuplicateKind;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.registry.InMemorySchemaRegistryClient;
import dev.copydesk.registry.RegistryState;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Confluent's wire format, byte for byte, and the serde's errors on bytes that are not in it. */
class WireFormatGoldenBytesTest {

    private static final Schema PING = new Schema.Parser()
            .parse(
                    "{\"type\":\"record\",\"name\":\"Ping\",\"fields\":[{\"name\":\"who\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"int\"}]}");

    @Test
    void genericRecordIsFramedAsMagicZeroBigEndianIdThenAvroBinary() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(new RegistryState());
        // make the id of Ping 258 (0x00000102) so the big-endian order of the id bytes shows
        for (int i = 1; i <= 257; i++) {
            registry.register(
                    "filler-" + i,
                    new Schema.Parser().parse("{\"type\":\"fixed\",\"name\":\"F" + i + "\",\"size\":1}"));
        }
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry, Map.of(), false);
        GenericRecord ping = new GenericData.Record(PING);
        ping.put("who", "ab");
        ping.put("n", 3);
        byte[] bytes = serializer.serialize("pings", ping);
        // 00 | 00 00 01 02 | string "ab" = zigzag len 2 -> 04, 61 62 | int 3 -> zigzag 06
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00" + "00000102" + "046162" + "06");
        assertThat(registry.latest("pings-value").id()).isEqualTo(258);
    }

    @Test
    void specificRecordRoundTripsAndKeepsItsIdInTheHeader() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(new RegistryState());
        DuplicateNotice notice = DuplicateNotice.newBuilder()
                .setId("b")
                .setSourceRef("b.txt")
                .setDuplicateOf("a")
                .setKind(DuplicateKind.EXACT)
                .setSimilarity(1.0)
                .setStoryId("a")
                .setDetectedAt(Instant.ofEpochMilli(5))
                .build();
        var serde = AvroSerdes.specific(DuplicateNotice.class, registry, Map.of(), false);
        byte[] bytes = serde.serializer().serialize("articles.duplicates", notice);
        assertThat(WireFormat.schemaId(bytes))
                .isEqualTo(registry.latest("articles.duplicates-value").id());
        assertThat(serde.deserializer().deserialize("articles.duplicates", bytes))
                .isEqualTo(notice);
    }

    @Test
    void wrongMagicByteUnknownIdAndTruncatedBytesFailWithClearErrors() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(new RegistryState());
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(registry, Map.of(), null);
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x01");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("at least 5");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0x30, 0x39, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 12345");
        int id = registry.register("t-value", PING);
        byte[] truncated = {0, 0, 0, 0, (byte) id, 0x7f};
        assertThatThrownBy(() -> deserializer.deserialize("t", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Corrupt Avro record");
    }

    @Test
    void autoRegisterOffRequiresAPreRegisteredSchemaAndUseLatestVersionTakesTheLatestId() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(new RegistryState());
        GenericRecord ping = new GenericData.Record(PING);
        ping.put("who", "x");
        ping.put("n", 1);
        AvroSerializer<GenericRecord> strict =
                new AvroSerializer<>(registry, Map.of("auto.register.schemas", "false"), false);
        assertThatThrownBy(() -> strict.serialize("pings", ping))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("auto.register.schemas=false");
        int id = registry.register("pings-value", PING);
        assertThat(WireFormat.schemaId(strict.serialize("pings", ping))).isEqualTo(id);
        AvroSerializer<GenericRecord> latest =
                new AvroSerializer<>(registry, Map.of("use.latest.version", "true"), false);
        assertThat(WireFormat.schemaId(latest.serialize("pings", ping))).isEqualTo(id);
    }

    @Test
    void subjectNameStrategiesAcceptConfluentClassNames() {
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.TopicNameStrategy")
                        .subject("t", false, PING))
                .isEqualTo("t-value");
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.RecordNameStrategy")
                        .subject("t", false, PING))
                .isEqualTo("Ping");
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy")
                        .subject("t", true, PING))
                .isEqualTo("t-Ping");
        assertThat(SubjectNameStrategy.parse(null).subject("t", true, PING)).isEqualTo("t-key");
        assertThatThrownBy(() -> SubjectNameStrategy.parse("com.example.Mine"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
