package dev.copydesk.streams;

import dev.copydesk.enrich.DocumentFrequencies;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Keyword document frequencies in a Kafka Streams store: in memory and changelogged, so they survive restarts and
 * move with their task. Each task of the clean step learns from the stories of its input partitions.
 *
 * <p>A story reads and updates a few hundred words; doing that through the store (serialising every key and
 * value, and a changelog record per update) cost more than the rest of enrichment together. So the counts live in
 * a plain map in front of the store, read through on a miss, and the words changed since the last flush are
 * written to the store once a second (a punctuation), which batches them into a few changelog records. A crash
 * loses at most that second of counts: frequencies are statistics, and the store is restored from the changelog.
 * The vocabulary is capped: past {@link #MAX_WORDS} distinct words, new words are no longer counted.
 */
final class StoreDocumentFrequencies implements DocumentFrequencies {

    static final String STORE = "keyword-df";
    static final long MAX_WORDS = 300_000;
    private static final String DOCUMENTS = "\u0000documents";

    private final KeyValueStore<String, Long> store;
    private final Map<String, Long> counts = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();
    private long documents = -1;
    private long known = -1;

    StoreDocumentFrequencies(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    static StoreBuilder<KeyValueStore<String, Long>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.Long());
    }

    @Override
    public long documents() {
        if (documents < 0) {
            Long n = store.get(DOCUMENTS);
            documents = n == null ? 0 : n;
        }
        return documents;
    }

    @Override
    public long frequency(String word) {
        Long n = counts.get(word);
        if (n == null) {
            Long stored = store.get(word);
            n = stored == null ? 0L : stored;
            counts.put(word, n);
        }
        return n;
    }

    @Override
    public void observe(Set<String> words) {
        documents = documents() + 1;
        count(words);
    }

    @Override
    public void count(Set<String> words) {
        if (known < 0) {
            known = store.approximateNumEntries();
        }
        for (String word : words) {
            long n = frequency(word);
            if (n > 0 || known < MAX_WORDS) {
                if (n == 0) {
                    known++;
                }
                counts.put(word, n + 1);
                dirty.add(word);
            }
        }
        if (counts.size() > 2 * MAX_WORDS) {
            flush();
            counts.clear(); // the map only mirrors the store: dropping it costs a re-read, never a count
        }
    }

    /** Writes what changed since the last flush to the store (and so to its changelog). */
    void flush() {
        if (documents >= 0) {
            store.put(DOCUMENTS, documents);
        }
        for (String word : dirty) {
            store.put(word, counts.get(word));
        }
        dirty.clear();
    }
}
