package dev.copydesk.streams;

import dev.copydesk.avro.Alert;
import dev.copydesk.avro.AlertKind;
import dev.copydesk.avro.Article;
import dev.copydesk.metrics.Metrics;
import dev.copydesk.watch.WatchMatch;
import dev.copydesk.watch.WatchMatcher;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Matches each article leaving dedup (new stories and new versions; copies never get here) against every
 * watchlist, and emits an {@link Alert} per match keyed by the watchlist's name. The first article of a story to
 * match a watchlist raises NEW; a later version of a story that already alerted it raises UPDATE, remembered in a
 * changelogged store keyed by watchlist and story. It runs in the dedup task, where every version of a story
 * arrives, and its output is in the same exactly-once transaction as the article.
 */
final class MatchWatchlists implements Processor<String, Article, String, Alert> {

    static final String STORE = "watch-alerted-stories";
    private static final Timer MATCH_TIME = Metrics.stage("enrich", "watch-match");

    private final WatchMatcher matcher;
    private final Clock clock;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Long> alerted;

    MatchWatchlists(WatchMatcher matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
    }

    static StoreBuilder<KeyValueStore<String, Long>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long());
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.alerted = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (matcher.size() == 0) {
            return;
        }
        long start = System.nanoTime();
        List<WatchMatch> matches = matcher.match(article);
        MATCH_TIME.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        long now = clock.millis();
        for (WatchMatch m : matches) {
            String story = m.watchlist() + "\u0000" + article.getStoryId();
            AlertKind kind = alerted.get(story) == null ? AlertKind.NEW : AlertKind.UPDATE;
            alerted.put(story, now);
            Alert alert = Alert.newBuilder()
                    .setId(m.watchlist() + "/" + article.getId())
                    .setWatchlist(m.watchlist())
                    .setKind(kind)
                    .setArticleId(article.getId())
                    .setStoryId(article.getStoryId())
                    .setVersion(article.getVersion())
                    .setTitle(article.getTitle())
                    .setLanguage(article.getLanguage())
                    .setMatchedTerms(m.terms())
                    .setMatchedEntities(m.entities())
                    .setSnippet(m.snippet())
                    .setScore(m.score())
                    .setMatchedAt(java.time.Instant.ofEpochMilli(now))
                    .build();
            Metrics.alerts(m.watchlist(), kind.name().toLowerCase(java.util.Locale.ROOT))
                    .increment();
            context.forward(record.withKey(m.watchlist()).withValue(alert));
        }
    }
}
