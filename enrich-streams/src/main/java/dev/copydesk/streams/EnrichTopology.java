package dev.copydesk.streams;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.registry.SchemaRegistryClient;
import dev.copydesk.registry.SchemaRegistryClients;
import dev.copydesk.serde.AvroSerdes;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich-streams pipeline:
 * <pre>
 *  articles.raw ──decode+clean──┬─ failed ──────────────────────────────────────────────► articles.dlq
 *                               └─ ok ─ rekey by content hash ─► exact-dedup ─┬─ first ─► articles.enriched
 *                                        (repartition)           (store)      └─ copy ──► articles.duplicates
 * </pre>
 */
public final class EnrichTopology {

    public static final String DEDUP_STORE = "exact-dedup-store";

    private EnrichTopology() {
    }

    public static Topology buildTopology(EnrichConfig config) {
        return buildTopology(config, Clock.systemUTC());
    }

    public static Topology buildTopology(EnrichConfig config, Clock clock) {
        Map<String, Object> settings = config.clientSettings();
        SchemaRegistryClient registry = SchemaRegistryClients.create(settings);
        Serde<RawArticle> rawSerde = AvroSerdes.specific(RawArticle.class, registry, settings, false);
        Serde<Article> articleSerde = AvroSerdes.specific(Article.class, registry, settings, false);
        Serde<DuplicateNotice> noticeSerde = AvroSerdes.specific(DuplicateNotice.class, registry, settings, false);
        Serde<DeadLetter> deadLetterSerde = AvroSerdes.specific(DeadLetter.class, registry, settings, false);

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DEDUP_STORE), Serdes.String(), Serdes.String()));

        KStream<String, Step> prepared = builder
                .stream(config.rawTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
                .processValues(() -> new PrepareArticle(rawSerde.deserializer(), new ArticleBuilder(), clock),
                        Named.as("decode-and-clean"));

        prepared.split(Named.as("prepared-"))
                .branch((id, step) -> step instanceof Step.Failed, Branched.withConsumer(failed -> failed
                        .mapValues(step -> ((Step.Failed) step).deadLetter(), Named.as("dead-letter"))
                        .to(config.dlqTopic(), Produced.with(Serdes.String(), deadLetterSerde).withName("to-dlq")), "failed"))
                .defaultBranch(Branched.withConsumer(ok -> deduplicate(ok, config, articleSerde, noticeSerde,
                        deadLetterSerde, clock), "ok"));
        return builder.build();
    }

    private static void deduplicate(KStream<String, Step> ok, EnrichConfig config, Serde<Article> articleSerde,
                                    Serde<DuplicateNotice> noticeSerde, Serde<DeadLetter> deadLetterSerde, Clock clock) {
        ok.map((id, step) -> {
                    Article article = ((Step.Ok) step).article();
                    return KeyValue.pair(article.getContentHash(), article);
                }, Named.as("key-by-content-hash"))
                .repartition(Repartitioned.with(Serdes.String(), articleSerde).withName("by-content-hash"))
                .process(() -> new ExactDedup(DEDUP_STORE, clock), Named.as("exact-dedup"), DEDUP_STORE)
                .split(Named.as("dedup-"))
                .branch((id, step) -> step instanceof Step.Duplicate, Branched.withConsumer(dups -> dups
                        .mapValues(step -> ((Step.Duplicate) step).notice(), Named.as("duplicate-notice"))
                        .to(config.duplicatesTopic(), Produced.with(Serdes.String(), noticeSerde).withName("to-duplicates")), "duplicate"))
                .defaultBranch(Branched.withConsumer(first -> first
                        .mapValues(step -> ((Step.Ok) step).article(), Named.as("article"))
                        .to(config.enrichedTopic(), Produced.with(Serdes.String(), articleSerde).withName("to-enriched")), "first"));
    }
}
