package dev.copydesk.streams;

import dev.copydesk.avro.Alert;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.avro.Watchlist;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.registry.SchemaRegistryClient;
import dev.copydesk.registry.SchemaRegistryClients;
import dev.copydesk.serde.AvroJson;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.watch.WatchMatcher;
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

/**
 * The enrich-streams pipeline:
 * <pre>
 *  articles.raw ──decode+clean+enrich──┬─ failed ─────────────────────────────────────────────────► articles.dlq
 *                               └─ ok ─ rekey by dedup scope ─► dedup ─┬─ new story, version ──► articles.enriched
 *                                        (repartition)        (stores) └─ exact, near copy ───► articles.duplicates
 * </pre>
 * All copies that could match must meet in one task: the repartition by dedup scope (the language, or one
 * global scope) sends every article of a scope to the same partition, whatever partition it arrived on.
 */
public final class EnrichTopology {

    private EnrichTopology() {}

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

        Serde<Watchlist> watchlistSerde = AvroSerdes.specific(Watchlist.class, registry, settings, false);
        Serde<Alert> alertSerde = AvroSerdes.specific(Alert.class, registry, settings, false);

        StreamsBuilder builder = new StreamsBuilder();
        StoreDedupState.storeBuilders().forEach(builder::addStateStore);
        builder.addStateStore(StoreDocumentFrequencies.storeBuilder());
        builder.addStateStore(RaiseAlerts.storeBuilder());

        // every instance reads every watchlist: a global store whose processor keeps the shared matcher current
        WatchMatcher watchlists = new WatchMatcher();
        builder.addGlobalStore(
                LoadWatchlists.storeBuilder(),
                config.watchlistsTopic(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("watchlists"),
                () -> new LoadWatchlists(watchlistSerde.deserializer(), watchlists));

        KStream<String, Step> prepared = builder.stream(
                        config.rawTopic(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
                .processValues(
                        () -> new PrepareArticle(
                                rawSerde.deserializer(), new ArticleBuilder(), clock, config.maxRecordBytes()),
                        Named.as("decode-and-clean"),
                        StoreDocumentFrequencies.STORE)
                .processValues(() -> new FindWatchMatches(watchlists), Named.as("find-watch-matches"));

        prepared.split(Named.as("prepared-"))
                .branch(
                        (id, step) -> step instanceof Step.Failed,
                        Branched.withConsumer(
                                failed -> failed.mapValues(
                                                step -> ((Step.Failed) step).deadLetter(), Named.as("dead-letter"))
                                        .to(
                                                config.dlqTopic(),
                                                Produced.with(Serdes.String(), deadLetterSerde)
                                                        .withName("to-dlq")),
                                "failed"))
                .defaultBranch(Branched.withConsumer(
                        ok -> deduplicate(ok, config, articleSerde, noticeSerde, alertSerde, clock), "ok"));
        return builder.build();
    }

    private static void deduplicate(
            KStream<String, Step> ok,
            EnrichConfig config,
            Serde<Article> articleSerde,
            Serde<DuplicateNotice> noticeSerde,
            Serde<Alert> alertSerde,
            Clock clock) {
        EnrichConfig.DedupScope scope = config.dedupScope();
        ok.map(
                        (id, step) -> {
                            Article article = ((Step.Ok) step).article();
                            return KeyValue.pair(
                                    scope == EnrichConfig.DedupScope.GLOBAL ? "global" : article.getLanguage(),
                                    article);
                        },
                        Named.as("key-by-dedup-scope"))
                .repartition(Repartitioned.with(Serdes.String(), articleSerde).withName("by-dedup-scope"))
                .process(
                        () -> new DedupProcessor(config.dedupSettings(), config.expiryInterval(), clock),
                        Named.as("dedup"),
                        StoreDedupState.NAMES)
                .split(Named.as("dedup-"))
                .branch(
                        (id, step) -> step instanceof Step.Duplicate,
                        Branched.withConsumer(
                                dups -> dups.processValues(FindWatchMatches.Strip::new, Named.as("strip-matches-dup"))
                                        .mapValues(
                                                step -> ((Step.Duplicate) step).notice(), Named.as("duplicate-notice"))
                                        .to(
                                                config.duplicatesTopic(),
                                                Produced.with(Serdes.String(), noticeSerde)
                                                        .withName("to-duplicates")),
                                "duplicate"))
                .defaultBranch(Branched.withConsumer(
                        first -> {
                            KStream<String, Article> articles =
                                    first.mapValues(step -> ((Step.Ok) step).article(), Named.as("article"));
                            // alerts for the watchlists it matched, in the same transaction as the article
                            articles.process(() -> new RaiseAlerts(clock), Named.as("raise-alerts"), RaiseAlerts.STORE)
                                    .to(
                                            config.alertsTopic(),
                                            Produced.with(Serdes.String(), alertSerde)
                                                    .withName("to-alerts"));
                            KStream<String, Article> published =
                                    articles.processValues(FindWatchMatches.Strip::new, Named.as("strip-matches"));
                            published.to(
                                    config.enrichedTopic(),
                                    Produced.with(Serdes.String(), articleSerde).withName("to-enriched"));
                            // the JSON mirror, in the same transaction as the article it mirrors
                            config.jsonTopic()
                                    .ifPresent(json -> published
                                            .mapValues(a -> AvroJson.toJson(a).toString(), Named.as("article-json"))
                                            .to(
                                                    json,
                                                    Produced.with(Serdes.String(), Serdes.String())
                                                            .withName("to-json")));
                        },
                        "first"));
    }
}
