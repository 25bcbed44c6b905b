package dev.copydesk.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.registry.HttpSchemaRegistryClient;
import dev.copydesk.registry.RegistryClientConfig;
import dev.copydesk.serde.AvroDeserializer;
import dev.copydesk.serde.AvroSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryEncoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.DecoderFactory;
import org.apache.flink.avro.shaded.org.apache.avro.io.EncoderFactory;
import org.apache.flink.formats.avro.registry.confluent.ConfluentSchemaRegistryCoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's own Schema Registry client (7.5.3, shaded inside flink-sql-avro-confluent-registry) against our
 * embedded registry, and against bytes written by our serializer: proof that the two speak the same protocol and
 * wire format.
 */
class ConfluentClientCompatibilityIT {

    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;
    static SchemaRegistryServer server;
    static CachedSchemaRegistryClient confluent;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafka(dir.resolve("kafka")).start();
        server = new SchemaRegistryServer(kafka.bootstrapServers()).start();
        confluent = new CachedSchemaRegistryClient(List.of(server.url()), 100);
    }

    @AfterAll
    static void stop() {
        server.close();
        kafka.close();
    }

    private static RawArticle sample() {
        return RawArticle.newBuilder()
                .setId("abc123")
                .setSourceRef("wire/seoul.txt")
                .setReceivedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setContentType(ContentType.TEXT)
                .setText("SEOUL, Nov. 13 (Yonhap) -- Talks.")
                .setMetadata(Map.of("charset", "UTF-8"))
                .build();
    }

    @Test
    void confluentClientResolvesWhatOurSerializerRegisteredAndDecodesOurBytes() throws Exception {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", server.url()), false);
        byte[] bytes = serializer.serialize("articles.raw", sample());

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        AvroSchema schema = (AvroSchema) confluent.getSchemaById(id);
        assertThat(schema.canonicalString())
                .isEqualTo(new AvroSchema(RawArticle.getClassSchema().toString()).canonicalString());

        SchemaMetadata latest = confluent.getLatestSchemaMetadata("articles.raw-value");
        assertThat(latest.getId()).isEqualTo(id);
        assertThat(latest.getVersion()).isEqualTo(1);
        assertThat(confluent.getAllSubjects()).contains("articles.raw-value");
        assertThat(confluent.getVersion("articles.raw-value", schema)).isEqualTo(1);
        assertThat(confluent.getId("articles.raw-value", schema)).isEqualTo(id);
        assertThat(confluent.testCompatibility("articles.raw-value", schema)).isTrue();

        GenericRecord decoded = new GenericDatumReader<GenericRecord>(schema.rawSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(decoded.get("id").toString()).isEqualTo("abc123");
        assertThat(decoded.get("text").toString()).isEqualTo("SEOUL, Nov. 13 (Yonhap) -- Talks.");
        assertThat(decoded.get("contentType").toString()).isEqualTo("TEXT");
    }

    @Test
    void ourDeserializerReadsWhatConfluentsClientRegisteredAndEncoded() throws Exception {
        String schemaText = "{\"type\":\"record\",\"name\":\"Ping\",\"namespace\":\"ext\",\"fields\":["
                + "{\"name\":\"who\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"int\"}]}";
        AvroSchema schema = new AvroSchema(schemaText);
        int id = confluent.register("pings-value", schema);
        assertThat(new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of("schema.registry.url", server.url())))
                        .getById(id)
                        .getFullName())
                .isEqualTo("ext.Ping");

        GenericData.Record ping = new GenericData.Record(schema.rawSchema());
        ping.put("who", "confluent");
        ping.put("n", 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema.rawSchema()).write(ping, encoder);
        encoder.flush();

        AvroDeserializer<GenericContainer> ours = new AvroDeserializer<>();
        ours.configure(Map.of("schema.registry.url", server.url()), false);
        org.apache.avro.generic.GenericRecord read =
                (org.apache.avro.generic.GenericRecord) ours.deserialize("pings", out.toByteArray());
        assertThat(read.get("who").toString()).isEqualTo("confluent");
        assertThat(read.get("n")).isEqualTo(7);
    }

    @Test
    void confluentClientSeesIncompatibleSchemaRefusedWith409() throws Exception {
        confluent.register(
                "strict-value",
                new AvroSchema(
                        "{\"type\":\"record\",\"name\":\"S\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}"));
        AvroSchema breaking = new AvroSchema(
                "{\"type\":\"record\",\"name\":\"S\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"long\"}]}");
        assertThat(confluent.testCompatibility("strict-value", breaking)).isFalse();
        try {
            confluent.register("strict-value", breaking);
            org.junit.jupiter.api.Assertions.fail("an incompatible schema was registered");
        } catch (RestClientException e) {
            assertThat(e.getStatus()).isEqualTo(409);
        }
        try {
            confluent.getSchemaById(424242);
            org.junit.jupiter.api.Assertions.fail("an unknown id resolved");
        } catch (RestClientException e) {
            assertThat(e.getErrorCode()).isEqualTo(40403);
        }
    }

    @Test
    void confluentsDecodingPathReadsOurFramingAndPayload() throws Exception {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", server.url()), false);
        byte[] bytes = serializer.serialize("articles.raw", sample());
        // Flink's Confluent coder reads the header with Confluent's client (magic byte, id, GET /schemas/ids/{id})
        // and relocated Avro decodes the rest: no copydesk code on this path
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        var writer = new ConfluentSchemaRegistryCoder("articles.raw-value", confluent).readSchema(in);
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(in, null));
        assertThat(in.available()).isZero();
        assertThat(decoded.get("id").toString()).isEqualTo("abc123");
        assertThat(decoded.get("sourceRef").toString()).isEqualTo("wire/seoul.txt");
        assertThat(decoded.get("receivedAt")).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void ourDeserializerReadsWhatConfluentsEncodingPathFramed() throws Exception {
        // Confluent's client registers the schema and the coder writes the header; relocated Avro writes the record
        var schema = new AvroSchema(RawArticle.getClassSchema().toString()).rawSchema();
        GenericData.Record raw = new GenericData.Record(schema);
        raw.put("id", "from-confluent");
        raw.put("sourceRef", "elsewhere.txt");
        raw.put("receivedAt", 1_700_000_000_000L);
        raw.put(
                "contentType",
                new GenericData.EnumSymbol(schema.getField("contentType").schema(), "TEXT"));
        raw.put("text", "PARIS (AFP) - Written by another stack.");
        raw.put("metadata", Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ConfluentSchemaRegistryCoder("coder-raw-value", confluent).writeSchema(schema, out);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(raw, encoder);
        encoder.flush();

        AvroDeserializer<RawArticle> ours = new AvroDeserializer<>(RawArticle.class);
        ours.configure(Map.of("schema.registry.url", server.url()), false);
        RawArticle read = ours.deserialize("coder-raw", out.toByteArray());
        assertThat(read.getId()).isEqualTo("from-confluent");
        assertThat(read.getReceivedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(read.getContentType()).isEqualTo(ContentType.TEXT);
        assertThat(confluent.getAllSubjects()).contains("coder-raw-value");
    }
}
