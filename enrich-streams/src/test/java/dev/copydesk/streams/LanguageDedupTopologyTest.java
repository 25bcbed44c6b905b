package dev.copydesk.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.dedup.ClusterScore;
import dev.copydesk.registry.InMemorySchemaRegistryClient;
import dev.copydesk.sample.LanguageEditSet;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.testkit.LangSentences;
import dev.copydesk.topics.Topics;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The near-duplicate targets per script through the whole topology (decode, clean, enrich, repartition by
 * language, dedup, route): stories of real Chinese, Japanese, Korean and Thai sentences and their edited copies
 * ({@link LanguageEditSet}) in on {@code articles.raw}; the story each lands in read back from
 * {@code articles.enriched} and {@code articles.duplicates}. Recall >= 0.95, precision >= 0.99, and the language
 * each is filed under is its own.
 */
class LanguageDedupTopologyTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"zh, false", "ja, false", "ko, true", "th, true"})
    void editedCopiesJoinTheirStoryThroughThePipeline(String lang, boolean spaced) throws IOException {
        String scope = "lang-ttd-" + UUID.randomUUID();
        Map<String, String> settings = new HashMap<>(EnrichConfig.DEFAULTS);
        settings.put("schema.registry.url", "mock://" + scope);
        EnrichConfig config = EnrichConfig.load(Optional.empty(), Map.of(), settings);
        Properties props = new Properties();
        props.putAll(config.streamsSettings());
        Map<String, Object> serdeSettings = Map.of("schema.registry.url", "mock://" + scope);
        Serde<RawArticle> rawSerde = AvroSerdes.specific(RawArticle.class, serdeSettings, false);
        List<LanguageEditSet.Item> items = LanguageEditSet.generate(LangSentences.of(lang), spaced, 100, 7);
        Map<String, String> storyOf = new HashMap<>();
        try (TopologyTestDriver driver =
                new TopologyTestDriver(EnrichTopology.buildTopology(config, Clock.fixed(NOW, ZoneOffset.UTC)), props)) {
            TestInputTopic<String, byte[]> raw =
                    driver.createInputTopic(Topics.RAW, new StringSerializer(), new ByteArraySerializer());
            var enriched = driver.createOutputTopic(
                    Topics.ENRICHED,
                    new StringDeserializer(),
                    AvroSerdes.specific(Article.class, serdeSettings, false).deserializer());
            var duplicates = driver.createOutputTopic(
                    Topics.DUPLICATES,
                    new StringDeserializer(),
                    AvroSerdes.specific(DuplicateNotice.class, serdeSettings, false)
                            .deserializer());
            Instant at = NOW;
            for (LanguageEditSet.Item item : items) {
                RawArticle article = EnrichTopologyTest.rawArticle(item.id(), "feeds/" + lang, item.text());
                raw.pipeInput(item.id(), rawSerde.serializer().serialize(Topics.RAW, article), at = at.plusSeconds(1));
            }
            for (Article a : enriched.readValuesToList()) {
                assertThat(a.getLanguage()).as(a.getId()).isEqualTo(lang);
                storyOf.put(a.getId(), a.getStoryId());
            }
            for (DuplicateNotice d : duplicates.readValuesToList()) {
                storyOf.putIfAbsent(d.getId(), d.getStoryId());
            }
        } finally {
            InMemorySchemaRegistryClient.dropScope(scope);
        }
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (LanguageEditSet.Item item : items) {
            assertThat(storyOf).as("%s came out of the pipeline", item.id()).containsKey(item.id());
            truth.add(item.story());
            predicted.add(storyOf.get(item.id()));
        }
        ClusterScore score = ClusterScore.of(truth, predicted);
        System.out.printf(
                "%s through the topology: %d items, %d true pairs: precision %.4f recall %.4f%n",
                lang, items.size(), score.truePairs(), score.precision(), score.recall());
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.99);
    }
}
