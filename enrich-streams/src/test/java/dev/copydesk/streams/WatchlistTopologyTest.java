package dev.copydesk.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.avro.Alert;
import dev.copydesk.avro.AlertKind;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.avro.Watchlist;
import dev.copydesk.registry.InMemorySchemaRegistryClient;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.topics.Topics;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
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

/** Watchlists and alerts in the topology, in TopologyTestDriver: matching after dedup, new vs update, changes. */
class WatchlistTopologyTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final String scope = "watch-ttd-" + UUID.randomUUID();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestInputTopic<String, byte[]> watchlists;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, Article> enriched;
    private Serde<RawArticle> rawSerde;
    private Serde<Watchlist> watchlistSerde;

    @BeforeEach
    void start() {
        Map<String, String> settings = new HashMap<>(EnrichConfig.DEFAULTS);
        settings.put("schema.registry.url", "mock://" + scope);
        EnrichConfig config = EnrichConfig.load(Optional.empty(), Map.of(), settings);
        Properties props = new Properties();
        props.putAll(config.streamsSettings());
        driver = new TopologyTestDriver(EnrichTopology.buildTopology(config, Clock.fixed(NOW, ZoneOffset.UTC)), props);
        Map<String, Object> serdeSettings = Map.of("schema.registry.url", "mock://" + scope);
        rawSerde = AvroSerdes.specific(RawArticle.class, serdeSettings, false);
        watchlistSerde = AvroSerdes.specific(Watchlist.class, serdeSettings, false);
        raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), new ByteArraySerializer());
        watchlists = driver.createInputTopic(Topics.WATCHLISTS, new StringSerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(
                Topics.ALERTS,
                new StringDeserializer(),
                AvroSerdes.specific(Alert.class, serdeSettings, false).deserializer());
        enriched = driver.createOutputTopic(
                Topics.ENRICHED,
                new StringDeserializer(),
                AvroSerdes.specific(Article.class, serdeSettings, false).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        InMemorySchemaRegistryClient.dropScope(scope);
    }

    private void watch(String name, String query) {
        Watchlist w = Watchlist.newBuilder()
                .setName(name)
                .setQuery(query)
                .setUpdatedAt(NOW)
                .build();
        watchlists.pipeInput(name, watchlistSerde.serializer().serialize(Topics.WATCHLISTS, w));
    }

    private void send(String id, String sample) throws IOException {
        RawArticle a = EnrichTopologyTest.rawArticle(id, sample, EnrichTopologyTest.sample(sample));
        raw.pipeInput(id, rawSerde.serializer().serialize(Topics.RAW, a));
    }

    @Test
    void aStoryAlertsOnceAsNewItsUpdateAsUpdateAndCopiesAndOtherStoriesNot() throws IOException {
        watch("boe", "\"Bank of England\" OR entity:\"Andrew Bailey\"");
        send("orig", "reuters-london-rates.txt");
        send("copy", "reuters-london-rates-copy.txt");
        send("strike", "afp-paris-strike.txt");
        send("update", "reuters-london-rates-update.txt");

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("orig", "strike", "update");
        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::getId).containsExactly("boe/orig", "boe/update");
        Alert first = raised.get(0);
        assertThat(first.getKind()).isEqualTo(AlertKind.NEW);
        assertThat(first.getWatchlist()).isEqualTo("boe");
        assertThat(first.getStoryId()).isEqualTo("orig");
        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(first.getTitle()).startsWith("Bank of England holds rates");
        assertThat(first.getMatchedTerms()).contains("Bank of England");
        assertThat(first.getSnippet()).contains("«Bank of England»");
        assertThat(first.getScore()).isPositive();
        assertThat(first.getMatchedAt()).isEqualTo(NOW);
        Alert update = raised.get(1);
        assertThat(update.getKind()).isEqualTo(AlertKind.UPDATE);
        assertThat(update.getStoryId()).isEqualTo("orig");
        assertThat(update.getVersion()).isEqualTo(2);
    }

    @Test
    void alertsAreKeyedByWatchlistAndEveryMatchingWatchlistAlerts() throws IOException {
        watch("boe", "\"Bank of England\"");
        watch("france", "country:FR");
        watch("pensions", "pension OR pensions");
        send("strike", "afp-paris-strike.txt");
        assertThat(alerts.readKeyValuesToList())
                .extracting(kv -> kv.key + "=" + kv.value.getId())
                .containsExactlyInAnyOrder("france=france/strike", "pensions=pensions/strike");
    }

    @Test
    void aChangedOrDeletedWatchlistTakesEffectForTheNextStory() throws IOException {
        watch("w", "\"Bank of England\"");
        send("orig", "reuters-london-rates.txt");
        assertThat(alerts.readValuesToList()).hasSize(1);

        watch("w", "pensions"); // changed: the rates update no longer matches, the strike does
        send("update", "reuters-london-rates-update.txt");
        assertThat(alerts.isEmpty()).isTrue();
        send("strike", "afp-paris-strike.txt");
        assertThat(alerts.readValuesToList()).extracting(Alert::getId).containsExactly("w/strike");

        watchlists.pipeInput("w", (byte[]) null); // a tombstone
        send("ap", "ap-washington-budget.txt");
        send("seed", "000_37dfc94a614f9a67.txt");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void aForgedMatchesHeaderOnARawRecordRaisesNothingAndNoHeaderReachesThePublicTopics() throws IOException {
        watch("ferries", "ferry");
        RawArticle a = EnrichTopologyTest.rawArticle(
                "orig", "rates.txt", EnrichTopologyTest.sample("reuters-london-rates.txt"));
        org.apache.kafka.common.header.internals.RecordHeaders forged =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        forged.add(
                FindWatchMatches.HEADER,
                "[{\"watchlist\":\"boe\",\"terms\":[],\"entities\":[],\"snippet\":\"\",\"score\":1}]"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        raw.pipeInput(new org.apache.kafka.streams.test.TestRecord<>(
                "orig", rawSerde.serializer().serialize(Topics.RAW, a), forged));
        assertThat(alerts.isEmpty()).isTrue();
        var published = enriched.readRecord();
        assertThat(published.key()).isEqualTo("orig");
        assertThat(published.headers().lastHeader(FindWatchMatches.HEADER)).isNull();
    }

    @Test
    void theMatchesHeaderIsDroppedBeforeTheEnrichedTopic() throws IOException {
        watch("boe", "\"Bank of England\"");
        send("orig", "reuters-london-rates.txt");
        assertThat(alerts.readValuesToList()).hasSize(1);
        assertThat(enriched.readRecord().headers().lastHeader(FindWatchMatches.HEADER))
                .isNull();
    }

    @Test
    void aWatchlistThatDoesNotParseOrDecodeIsLeftOutAndThePreviousVersionStays() throws IOException {
        watch("w", "\"Bank of England\"");
        watch("w", "\"Bank of England\" AND"); // not through the CLI, which refuses it
        watchlists.pipeInput("broken", new byte[] {7, 7, 7});
        send("orig", "reuters-london-rates.txt");
        assertThat(alerts.readValuesToList()).extracting(Alert::getId).containsExactly("w/orig");
    }
}
