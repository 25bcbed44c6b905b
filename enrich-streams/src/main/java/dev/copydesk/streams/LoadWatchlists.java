package dev.copydesk.streams;

import dev.copydesk.avro.Watchlist;
import dev.copydesk.watch.WatchMatcher;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the watch matcher in step with {@code copydesk.watchlists}: the global store's processor, so every
 * instance reads every watchlist, and a change reaches the matcher as soon as the global thread reads it (within
 * seconds, no restart). At start the matcher is loaded from the restored store in one batch. A record that does
 * not decode, or a query that does not parse (the CLI refuses those; another producer might not), is logged and
 * left out, and the watchlist's previous version stays in force.
 */
final class LoadWatchlists implements Processor<String, byte[], Void, Void> {

    static final String STORE = "watchlists";
    private static final Logger LOG = LoggerFactory.getLogger(LoadWatchlists.class);

    private final Deserializer<Watchlist> watchlists;
    private final WatchMatcher matcher;
    private KeyValueStore<String, byte[]> store;

    LoadWatchlists(Deserializer<Watchlist> watchlists, WatchMatcher matcher) {
        this.watchlists = watchlists;
        this.matcher = matcher;
    }

    /** In memory, without a changelog: the compacted watchlists topic is the global store's log. */
    static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled();
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(STORE);
        Map<String, String> all = new HashMap<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> {
                Watchlist w = decode(kv.key, kv.value);
                if (w != null) {
                    all.put(kv.key, w.getQuery());
                }
            });
        }
        all.forEach(this::register);
        LOG.info("{} watchlists loaded", matcher.size());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String name = record.key();
        if (name == null) {
            LOG.warn("a watchlist record without a key (its name) was left out");
            return;
        }
        if (record.value() == null) {
            store.delete(name);
            matcher.remove(name);
            LOG.info("watchlist {} removed", name);
            return;
        }
        Watchlist w = decode(name, record.value());
        if (w != null && register(name, w.getQuery())) {
            store.put(name, record.value());
            LOG.info("watchlist {} set: {}", name, w.getQuery());
        }
    }

    private boolean register(String name, String query) {
        try {
            matcher.put(name, query);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.error("watchlist {} left out, its query is refused: {}", name, e.getMessage());
            return false;
        }
    }

    private Watchlist decode(String name, byte[] value) {
        try {
            return watchlists.deserialize(STORE, value);
        } catch (RuntimeException e) {
            LOG.error("watchlist {} left out, its record does not decode: {}", name, e.getMessage());
            return null;
        }
    }
}
