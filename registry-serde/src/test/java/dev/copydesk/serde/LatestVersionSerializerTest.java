package dev.copydesk.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.registry.CompatibilityLevel;
import dev.copydesk.registry.InMemorySchemaRegistryClient;
import dev.copydesk.registry.RegistryState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code auto.register.schemas}, {@code use.latest.version} and {@code latest.compatibility.strict} as Confluent's
 * serializer reads them, with a record schema and a latest schema that differ. Every payload is checked against
 * the schema its id names: the bytes must be what that schema reads.
 */
class LatestVersionSerializerTest {

    private static final Schema V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Story","namespace":"t","fields":[
              {"name":"id","type":"string"},
              {"name":"note","type":["null","string"],"default":null}]}""");
    /** V1 plus a field with a default, less the optional note: what a newer producer registered. */
    private static final Schema LATEST = new Schema.Parser().parse("""
            {"type":"record","name":"Story","namespace":"t","fields":[
              {"name":"id","type":"string"},
              {"name":"lang","type":"string","default":"und"}]}""");

    private InMemorySchemaRegistryClient registry;
    private int latestId;

    @BeforeEach
    void registerTheLatest() {
        registry = new InMemorySchemaRegistryClient(new RegistryState());
        registry.setCompatibility("stories-value", CompatibilityLevel.NONE);
        registry.register("stories-value", V1);
        latestId = registry.register("stories-value", LATEST);
    }

    private static GenericRecord story(String id, String note) {
        GenericRecord r = new GenericData.Record(V1);
        r.put("id", id);
        r.put("note", note);
        return r;
    }

    /** The payload read with the schema its id names, as any consumer would. */
    private GenericRecord read(byte[] framed) throws Exception {
        int id = ByteBuffer.wrap(framed, 1, 4).getInt();
        Schema writer = registry.getById(id);
        byte[] payload = Arrays.copyOfRange(framed, WireFormat.HEADER_SIZE, framed.length);
        var decoder = DecoderFactory.get().binaryDecoder(payload, null);
        GenericRecord record = new GenericDatumReader<GenericRecord>(writer).read(null, decoder);
        assertThat(decoder.isEnd())
                .as("every byte read by the schema the id names")
                .isTrue();
        return record;
    }

    @Test
    void withBothSetAutoRegisterWinsAndTheRecordKeepsItsOwnSchema() throws Exception {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(
                registry, Map.of("use.latest.version", "true", "auto.register.schemas", "true"), false);
        byte[] framed = serializer.serialize("stories", story("a", "kept"));
        assertThat(WireFormat.schemaId(framed))
                .isEqualTo(registry.lookup("stories-value", V1).orElseThrow().id());
        assertThat(read(framed).get("note").toString()).isEqualTo("kept");
    }

    @Test
    void theLatestSchemaWritesTheRecordAddedFieldsTakeTheirDefaultRemovedOnesGo() throws Exception {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(
                registry, Map.of("use.latest.version", "true", "auto.register.schemas", "false"), false);
        byte[] framed = serializer.serialize("stories", story("a", "dropped"));
        assertThat(WireFormat.schemaId(framed)).isEqualTo(latestId);
        GenericRecord read = read(framed);
        assertThat(read.getSchema()).isEqualTo(LATEST);
        assertThat(read.get("id").toString()).isEqualTo("a");
        assertThat(read.get("lang").toString()).isEqualTo("und");
        // and copydesk's own deserializer, reading by the id, agrees
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry, Map.of(), null);
        assertThat(deserializer.deserialize("stories", framed).get("lang").toString())
                .isEqualTo("und");
    }

    @Test
    void aRecordTheLatestSchemaCannotReadIsRefusedWithTheReasonUnderStrictAndTriedPerRecordOtherwise() {
        Schema enumV1 = new Schema.Parser().parse("""
                {"type":"record","name":"Flag","fields":[{"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B"]}}]}""");
        Schema enumLatest = new Schema.Parser().parse("""
                {"type":"record","name":"Flag","fields":[{"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A"]}}]}""");
        registry.setCompatibility("flags-value", CompatibilityLevel.NONE);
        registry.register("flags-value", enumV1);
        int latest = registry.register("flags-value", enumLatest);
        GenericRecord a = new GenericData.Record(enumV1);
        a.put("kind", new GenericData.EnumSymbol(enumV1.getField("kind").schema(), "A"));
        GenericRecord b = new GenericData.Record(enumV1);
        b.put("kind", new GenericData.EnumSymbol(enumV1.getField("kind").schema(), "B"));

        AvroSerializer<GenericRecord> strict = new AvroSerializer<>(
                registry, Map.of("use.latest.version", "true", "auto.register.schemas", "false"), false);
        assertThatThrownBy(() -> strict.serialize("flags", a))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(
                        "Cannot write a Flag with the latest schema of subject flags-value (version 2, id " + latest)
                .hasMessageContaining("MISSING_ENUM_SYMBOLS")
                .hasMessageContaining("latest.compatibility.strict=true");

        AvroSerializer<GenericRecord> lenient = new AvroSerializer<>(
                registry,
                Map.of(
                        "use.latest.version",
                        "true",
                        "auto.register.schemas",
                        "false",
                        "latest.compatibility.strict",
                        "false"),
                false);
        assertThat(WireFormat.schemaId(lenient.serialize("flags", a))).isEqualTo(latest); // A exists in both
        assertThatThrownBy(() -> lenient.serialize("flags", b))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("it cannot be converted");
    }

    @Test
    void aRequiredFieldTheRecordLacksIsRefusedNotFramedUnderTheWrongId() {
        Schema needsMore = new Schema.Parser().parse("""
                {"type":"record","name":"Story","namespace":"t","fields":[
                  {"name":"id","type":"string"},{"name":"byline","type":"string"}]}""");
        registry.register("stories-value", needsMore);
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(
                registry, Map.of("use.latest.version", "true", "auto.register.schemas", "false"), false);
        assertThatThrownBy(() -> serializer.serialize("stories", story("a", null)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("byline");
    }

    @Test
    void theCachedLatestIsFetchedAgainAfterItsTtl() throws Exception {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(
                registry,
                Map.of("use.latest.version", "true", "auto.register.schemas", "false", "latest.cache.ttl.sec", "0"),
                false);
        assertThat(WireFormat.schemaId(serializer.serialize("stories", story("a", null))))
                .isEqualTo(latestId);
        Schema newest = new Schema.Parser().parse(LATEST.toString().replace("\"und\"", "\"xx\""));
        int newestId = registry.register("stories-value", newest);
        assertThat(newestId).isNotEqualTo(latestId);
        assertThat(read(serializer.serialize("stories", story("b", null)))
                        .get("lang")
                        .toString())
                .isEqualTo("xx");
    }
}
