package dev.copydesk.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.DuplicateKind;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.metrics.Metrics;
import dev.copydesk.registry.InMemorySchemaRegistryClient;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.serde.AvroSerializer;
import dev.copydesk.topics.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topology in TopologyTestDriver, with an in-memory registry (mock:// scope). */
class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private String scope;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, Article> enriched;
    private TestOutputTopic<String, DuplicateNotice> duplicates;
    private TestOutputTopic<String, DeadLetter> dlq;
    private Serde<RawArticle> rawSerde;

    @BeforeEach
    void start() {
        start(Map.of());
    }

    void start(Map<String, String> extra) {
        if (driver != null) {
            driver.close();
        }
        scope = "enrich-ttd-" + UUID.randomUUID();
        Map<String, String> settings = new HashMap<>(EnrichConfig.DEFAULTS);
        settings.putAll(extra);
        settings.put("schema.registry.url", "mock://" + scope);
        EnrichConfig config = EnrichConfig.load(Optional.empty(), Map.of(), settings);
        Properties props = new Properties();
        props.putAll(config.streamsSettings());
        driver = new TopologyTestDriver(EnrichTopology.buildTopology(config, Clock.fixed(NOW, ZoneOffset.UTC)), props);
        Map<String, Object> serdeSettings = Map.of("schema.registry.url", "mock://" + scope);
        rawSerde = AvroSerdes.specific(RawArticle.class, serdeSettings, false);
        raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(
                Topics.ENRICHED,
                new StringDeserializer(),
                AvroSerdes.specific(Article.class, serdeSettings, false).deserializer());
        duplicates = driver.createOutputTopic(
                Topics.DUPLICATES,
                new StringDeserializer(),
                AvroSerdes.specific(DuplicateNotice.class, serdeSettings, false).deserializer());
        dlq = driver.createOutputTopic(
                Topics.DLQ,
                new StringDeserializer(),
                AvroSerdes.specific(DeadLetter.class, serdeSettings, false).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        InMemorySchemaRegistryClient.dropScope(scope);
    }

    static RawArticle rawArticle(String id, String sourceRef, String text) {
        return RawArticle.newBuilder()
                .setId(id)
                .setSourceRef(sourceRef)
                .setReceivedAt(NOW.minusSeconds(5))
                .setContentType(ContentType.TEXT)
                .setText(text)
                .build();
    }

    private void send(RawArticle article) {
        raw.pipeInput(article.getId(), rawSerde.serializer().serialize(Topics.RAW, article));
    }

    private void send(RawArticle article, Instant at) {
        raw.pipeInput(article.getId(), rawSerde.serializer().serialize(Topics.RAW, article), at);
    }

    static String sample(String name) throws IOException {
        return Files.readString(Path.of("..", "samples", "wire", name));
    }

    @Test
    void withAJsonTopicEachArticleIsMirroredAsPlainJsonAndDuplicatesAreNot() throws IOException {
        start(Map.of(EnrichConfig.JSON_TOPIC, "articles.json"));
        var json = driver.createOutputTopic("articles.json", new StringDeserializer(), new StringDeserializer());
        send(rawArticle("seed", "000_37dfc94a614f9a67.txt", sample("000_37dfc94a614f9a67.txt")));
        send(rawArticle("copy", "copy.txt", sample("000_37dfc94a614f9a67.txt")));
        var mirrored = json.readKeyValuesToList();
        assertThat(mirrored).hasSize(1);
        assertThat(mirrored.get(0).key).isEqualTo("seed");
        JsonNode article = new ObjectMapper().readTree(mirrored.get(0).value);
        assertThat(article.get("title").asText()).startsWith("S. Korea, US defense chiefs");
        assertThat(article.get("processedAt").asText()).isEqualTo(NOW.toString());
        assertThat(article.get("entities").isArray()).isTrue();
        assertThat(enriched.readKeyValuesToList()).hasSize(1);
        assertThat(duplicates.readKeyValuesToList()).hasSize(1);
    }

    @Test
    void withoutAJsonTopicThereIsNoMirror() {
        assertThat(EnrichTopology.buildTopology(EnrichConfig.load(
                                Optional.empty(), Map.of(), Map.of("schema.registry.url", "mock://" + scope)))
                        .describe()
                        .toString())
                .doesNotContain("to-json");
    }

    @Test
    void theSeedBecomesOneCleanArticle() throws IOException {
        send(rawArticle("seed", "000_37dfc94a614f9a67.txt", sample("000_37dfc94a614f9a67.txt")));
        var out = enriched.readKeyValuesToList();
        assertThat(out).hasSize(1);
        Article article = out.get(0).value;
        assertThat(out.get(0).key).isEqualTo("seed");
        assertThat(article.getTitle())
                .isEqualTo("S. Korea, US defense chiefs discuss 'tailored deterrence strategy' on N. Korea");
        assertThat(article.getBody())
                .startsWith("The defense chiefs")
                .endsWith("(Yonhap)")
                .doesNotContain("下一篇", "相关文章", "相关推荐");
        assertThat(article.getStoryId()).isEqualTo("seed");
        assertThat(article.getVersion()).isEqualTo(1);
        assertThat(article.getWordCount()).isEqualTo(339); // wc -w of the nine body lines
        assertThat(article.getRemovedLines()).isEqualTo(43);
        assertThat(article.getLanguage()).isEqualTo("en");
        assertThat(article.getAgency()).isEqualTo("Yonhap");
        assertThat(article.getSentenceCount()).isEqualTo(9);
        assertThat(article.getLede()).startsWith("The defense chiefs");
        assertThat(article.getProcessedAt()).isEqualTo(NOW);
        assertThat(article.getContentHash()).hasSize(64);
        assertThat(duplicates.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void anExactCopyUnderOtherChromeIsReportedAsADuplicateAndNotReEmitted() throws IOException {
        send(rawArticle("orig", "reuters-london-rates.txt", sample("reuters-london-rates.txt")));
        send(rawArticle("copy", "reuters-london-rates-copy.txt", sample("reuters-london-rates-copy.txt")));
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("orig");
        var notices = duplicates.readKeyValuesToList();
        assertThat(notices).hasSize(1);
        DuplicateNotice notice = notices.get(0).value;
        assertThat(notices.get(0).key).isEqualTo("copy");
        assertThat(notice.getDuplicateOf()).isEqualTo("orig");
        assertThat(notice.getKind()).isEqualTo(DuplicateKind.EXACT);
        assertThat(notice.getSimilarity()).isEqualTo(1.0);
        assertThat(notice.getSourceRef()).isEqualTo("reuters-london-rates-copy.txt");
    }

    @Test
    void reSendingTheSameArticleIsIdempotentNotADuplicate() throws IOException {
        RawArticle article = rawArticle("same", "afp.txt", sample("afp-paris-strike.txt"));
        send(article);
        send(article);
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("same", "same");
        assertThat(duplicates.isEmpty()).isTrue();
    }

    @Test
    void undecodableRecordsGoToTheDeadLetterTopicWithTheirBytesAndTheRestFlows() throws IOException {
        byte[] garbage = {0x7, 0x1, 0x2, 0x3, 0x4, 0x5};
        byte[] unknownId = {0x0, 0x0, 0x0, 0x7, 0x7, 0x2};
        raw.pipeInput("bad-magic", garbage);
        raw.pipeInput("unknown-id", unknownId);
        raw.pipeInput("null-value", (byte[]) null);
        send(rawArticle("good", "ap.txt", sample("ap-washington-budget.txt")));

        var letters = dlq.readKeyValuesToList();
        assertThat(letters).extracting(kv -> kv.key).containsExactly("bad-magic", "unknown-id", "null-value");
        DeadLetter first = letters.get(0).value;
        assertThat(first.getStage()).isEqualTo("deserialize");
        assertThat(first.getReason()).isEqualTo("deserialization-failed");
        assertThat(first.getErrorMessage()).contains("Unknown magic byte 0x07");
        assertThat(first.getTopic()).isEqualTo(Topics.RAW);
        assertThat(first.getOffset()).isZero();
        assertThat(first.getOriginalValue()).isEqualTo(ByteBuffer.wrap(garbage));
        assertThat(first.getOriginalKey()).isEqualTo(ByteBuffer.wrap("bad-magic".getBytes()));
        assertThat(letters.get(1).value.getErrorMessage()).contains("schema id 1799");
        assertThat(letters.get(2).value.getReason()).isEqualTo("null-value");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good");
    }

    @Test
    void truncatedGarbageAndHugeRecordsAreDeadLetteredAndAnOlderSchemaVersionIsRead() throws Exception {
        byte[] good = rawSerde.serializer()
                .serialize(Topics.RAW, rawArticle("whole", "ap.txt", sample("ap-washington-budget.txt")));
        byte[] truncated = Arrays.copyOf(good, good.length / 2); // registered schema id, half the Avro
        byte[] garbageBody = new byte[40];
        new Random(7).nextBytes(garbageBody);
        System.arraycopy(good, 0, garbageBody, 0, 5); // a valid magic byte and schema id before the noise
        byte[] huge =
                rawSerde.serializer().serialize(Topics.RAW, rawArticle("huge", "big.txt", "word ".repeat(1_000_000)));
        raw.pipeInput("truncated", truncated);
        raw.pipeInput("garbage-avro", garbageBody);
        raw.pipeInput("huge", huge);

        // an older producer's schema (RawArticle before the metadata map): registered, resolved, read
        Schema older = SchemaBuilder.record("RawArticle")
                .namespace("dev.copydesk.avro")
                .fields()
                .requiredString("id")
                .requiredString("sourceRef")
                .name("receivedAt")
                .type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))
                .noDefault()
                .name("contentType")
                .type(RawArticle.getClassSchema().getField("contentType").schema())
                .noDefault()
                .requiredString("text")
                .endRecord();
        GenericRecord oldRecord = new GenericData.Record(older);
        oldRecord.put("id", "older-writer");
        oldRecord.put("sourceRef", "old-producer.txt");
        oldRecord.put("receivedAt", NOW.minusSeconds(5).toEpochMilli());
        oldRecord.put(
                "contentType",
                new GenericData.EnumSymbol(older.getField("contentType").schema(), "TEXT"));
        oldRecord.put("text", sample("afp-paris-strike.txt"));
        // our serializer registers the older schema under the topic's subject and frames the record with its id
        raw.pipeInput(
                "older-writer",
                new AvroSerializer<GenericRecord>(
                                InMemorySchemaRegistryClient.forScope(scope),
                                Map.of("schema.registry.url", "mock://" + scope),
                                false)
                        .serialize(Topics.RAW, oldRecord));
        raw.pipeInput("whole", good);

        var letters = dlq.readKeyValuesToList();
        assertThat(letters).extracting(kv -> kv.key).containsExactly("truncated", "garbage-avro", "huge");
        assertThat(letters).allSatisfy(kv -> assertThat(kv.value.getStage()).isEqualTo("deserialize"));
        assertThat(letters.get(0).value.getReason()).isEqualTo("deserialization-failed");
        assertThat(letters.get(0).value.getOriginalValue()).isEqualTo(ByteBuffer.wrap(truncated));
        assertThat(letters.get(1).value.getReason()).isEqualTo("deserialization-failed");
        assertThat(letters.get(2).value.getReason()).isEqualTo("too-large");
        assertThat(letters.get(2).value.getErrorMessage())
                .contains(EnrichConfig.MAX_RECORD_BYTES)
                .contains(String.valueOf(huge.length));
        assertThat(letters.get(2).value.getOriginalValue()).isEqualTo(ByteBuffer.wrap(huge));
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("older-writer", "whole");
    }

    @Test
    void aStoryThatIsAllChromeIsDeadLetteredAsEmpty() {
        send(rawArticle("chrome", "nav.txt", "相关文章:\n- one headline\n- another headline\n"));
        var letters = dlq.readKeyValuesToList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).value.getStage()).isEqualTo("clean");
        assertThat(letters.get(0).value.getReason()).isEqualTo("empty-body");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void anHtmlPageBecomesItsStoryWithTheMetadataOfItsMarkup() throws IOException {
        String html = Files.readString(Path.of("..", "samples", "wire", "harbour-ferry-strike.html"));
        send(RawArticle.newBuilder()
                .setId("ferry")
                .setSourceRef("https://courier.example/ferry")
                .setReceivedAt(NOW)
                .setContentType(ContentType.HTML)
                .setText(html)
                .build());
        Article article = enriched.readValue();
        assertThat(article.getTitle()).isEqualTo("Ferry crews strike over rosters, stranding island commuters");
        assertThat(article.getBody())
                .startsWith("WELLINGTON HARBOUR, Nov. 26")
                .endsWith("union officials on Monday.")
                .doesNotContain("cookie", "Most read", "Share on");
        assertThat(article.getAuthor()).isEqualTo("Mere Tahana, Oliver Grant");
        assertThat(article.getPublishedAt()).isEqualTo("2026-11-26T07:45:00+13:00");
        assertThat(article.getCanonicalUrl()).isEqualTo("https://courier.example/news/2026/11/ferry-strike");
        assertThat(article.getRemovedLines()).isGreaterThan(20);
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void stagesCountTheirRecordsDuplicatesAndDeadLettersForPrometheus() throws Exception {
        double before = Metrics.records("enrich", "clean", "ok").count();
        double emptyBefore =
                Metrics.deadLetters("enrich", "clean", "empty-body").count();
        double exactBefore = Metrics.duplicates("exact").count();
        send(rawArticle("m1", "reuters-london-rates.txt", sample("reuters-london-rates.txt")));
        send(rawArticle("m2", "reuters-london-rates-copy.txt", sample("reuters-london-rates-copy.txt")));
        send(rawArticle("m3", "nav.txt", "相关文章:\n- one\n"));
        assertThat(Metrics.records("enrich", "clean", "ok").count() - before).isEqualTo(2);
        assertThat(Metrics.deadLetters("enrich", "clean", "empty-body").count() - emptyBefore)
                .isEqualTo(1);
        assertThat(Metrics.duplicates("exact").count() - exactBefore).isEqualTo(1);
        try (var endpoint = Metrics.serve("127.0.0.1", 0).orElseThrow()) {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("copydesk_records_total{outcome=\"ok\",service=\"enrich\",stage=\"clean\"}")
                    .contains("copydesk_dead_letters_total{reason=\"empty-body\",service=\"enrich\",stage=\"clean\"}")
                    .contains("copydesk_duplicates_total{kind=\"exact\"}")
                    .contains("copydesk_stage_seconds_bucket{service=\"enrich\",stage=\"clean\"")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void anUnreachableRegistryStopsTheAppInsteadOfDeadLetteringGoodRecords() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(EnrichConfig.DEFAULTS);
        settings.put("schema.registry.url", "http://127.0.0.1:" + closedPort);
        settings.put("schema.registry.retry.max.attempts", "2");
        settings.put("schema.registry.retry.backoff.ms", "10");
        settings.put("application.id", "offline-" + UUID.randomUUID());
        settings.put("state.dir", Files.createTempDirectory("offline-ttd").toString());
        EnrichConfig config = EnrichConfig.load(Optional.empty(), Map.of(), settings);
        Properties props = new Properties();
        props.putAll(config.streamsSettings());
        try (TopologyTestDriver offline =
                new TopologyTestDriver(EnrichTopology.buildTopology(config, Clock.fixed(NOW, ZoneOffset.UTC)), props)) {
            var in = offline.createInputTopic(Topics.RAW, new StringSerializer(), new ByteArraySerializer());
            var letters = offline.createOutputTopic(Topics.DLQ, new StringDeserializer(), new ByteArrayDeserializer());
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> in.pipeInput("k", new byte[] {0, 0, 0, 0, 5, 2, 4, 6}))
                    .hasStackTraceContaining("Schema Registry unreachable")
                    .hasStackTraceContaining("stopping without dead-lettering it");
            assertThat(letters.isEmpty()).isTrue();
        }
    }

    @Test
    void anHtmlPageWithoutAStoryIsDeadLetteredWithItsBytes() {
        RawArticle empty = RawArticle.newBuilder()
                .setId("shell")
                .setSourceRef("spa.html")
                .setReceivedAt(NOW)
                .setContentType(ContentType.HTML)
                .setText("<html><body><div id='root'></div><script>app()</script></body></html>")
                .build();
        send(empty);
        var letters = dlq.readKeyValuesToList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).value.getReason()).isEqualTo("empty-body");
        assertThat(letters.get(0).value.getOriginalValue().remaining()).isPositive();
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void anUpdatedVersionJoinsTheStoryAsVersionTwoAndIsReportedAsNear() throws IOException {
        send(rawArticle("orig", "reuters-london-rates.txt", sample("reuters-london-rates.txt")));
        send(rawArticle("update", "reuters-london-rates-update.txt", sample("reuters-london-rates-update.txt")));
        var articles = enriched.readKeyValuesToList();
        assertThat(articles).extracting(kv -> kv.key).containsExactly("orig", "update");
        Article update = articles.get(1).value;
        assertThat(update.getStoryId()).isEqualTo("orig");
        assertThat(update.getVersion()).isEqualTo(2);
        assertThat(update.getTitle()).startsWith("UPDATE 1-");
        DuplicateNotice notice = duplicates.readValue();
        assertThat(notice.getKind()).isEqualTo(DuplicateKind.NEAR);
        assertThat(notice.getDuplicateOf()).isEqualTo("orig");
        assertThat(notice.getStoryId()).isEqualTo("orig");
        assertThat(notice.getVersion()).isEqualTo(2);
        assertThat(notice.getSimilarity()).isBetween(0.6, 0.99);
        assertThat(notice.getContainment()).isGreaterThan(0.85);
        assertThat(duplicates.isEmpty()).isTrue();
    }

    @Test
    void policyDropReportsNearDuplicatesWithoutEmittingThem() throws IOException {
        start(Map.of(EnrichConfig.DEDUP_POLICY, "drop"));
        send(rawArticle("orig", "reuters-london-rates.txt", sample("reuters-london-rates.txt")));
        send(rawArticle("update", "reuters-london-rates-update.txt", sample("reuters-london-rates-update.txt")));
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("orig");
        DuplicateNotice notice = duplicates.readValue();
        assertThat(notice.getKind()).isEqualTo(DuplicateKind.NEAR);
        assertThat(notice.getVersion()).isZero();
    }

    @Test
    void whatIsOlderThanTheRetentionWindowIsForgotten() throws IOException {
        start(Map.of(
                EnrichConfig.DEDUP_RETENTION_MS,
                String.valueOf(Duration.ofDays(7).toMillis()),
                EnrichConfig.DEDUP_EXPIRY_INTERVAL_MS,
                "60000"));
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        send(rawArticle("orig", "a.txt", sample("reuters-london-rates.txt")), t0);
        send(rawArticle("copy-day-6", "b.txt", sample("reuters-london-rates-copy.txt")), t0.plus(Duration.ofDays(6)));
        assertThat(duplicates.readValue().getDuplicateOf()).isEqualTo("orig");
        // stream time moves past the window: the punctuator expires what was seen on day 0 (and day 6 by day 14)
        send(rawArticle("other", "c.txt", sample("afp-paris-strike.txt")), t0.plus(Duration.ofDays(14)));
        send(rawArticle("copy-day-15", "d.txt", sample("reuters-london-rates-copy.txt")), t0.plus(Duration.ofDays(15)));
        assertThat(enriched.readKeyValuesToList())
                .extracting(kv -> kv.key)
                .containsExactly("orig", "other", "copy-day-15");
        assertThat(duplicates.isEmpty()).isTrue();
        var articlesStore = driver.<String, byte[]>getKeyValueStore(StoreDedupState.STORE);
        List<String> remembered = new ArrayList<>();
        articlesStore
                .prefixScan("a:", new StringSerializer())
                .forEachRemaining(kv -> remembered.add(kv.key.substring(2)));
        assertThat(remembered).containsExactlyInAnyOrder("other", "copy-day-15");
    }

    @Test
    void badDedupSettingsAreClearErrors() {
        Map<String, String> settings = new HashMap<>(EnrichConfig.DEFAULTS);
        settings.put(EnrichConfig.DEDUP_POLICY, "merge");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        EnrichConfig.load(Optional.empty(), Map.of(), settings).dedupSettings())
                .hasMessageContaining("copydesk.dedup.policy must be version or drop");
        settings.put(EnrichConfig.DEDUP_POLICY, "version");
        settings.put(EnrichConfig.DEDUP_BANDS, "30");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        EnrichConfig.load(Optional.empty(), Map.of(), settings).dedupSettings())
                .hasMessageContaining("multiple of copydesk.dedup.bands");
    }
}
