package dev.copydesk.streams;

import dev.copydesk.enrich.DocumentFrequencies;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Keyword document frequencies in a Kafka Streams store: in memory (a lookup per word per story must cost
 * nanoseconds, not a RocksDB read) and changelogged, so it survives restarts and moves with its task. Each task
 * of the clean step learns from the stories of its input partitions. The vocabulary is capped: past
 * {@link #MAX_WORDS} distinct words, new words are no longer counted (they keep the highest weight, as unseen).
 */
final class StoreDocumentFrequencies implements DocumentFrequencies {

    static final String STORE = "keyword-df";
    static final long MAX_WORDS = 300_000;
    private static final String DOCUMENTS = "\u0000documents";

    private final KeyValueStore<String, Long> store;

    StoreDocumentFrequencies(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    static StoreBuilder<KeyValueStore<String, Long>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.Long());
    }

    @Override
    public long documents() {
        Long n = store.get(DOCUMENTS);
        return n == null ? 0 : n;
    }

    @Override
    public long frequency(String word) {
        Long n = store.get(word);
        return n == null ? 0 : n;
    }

    @Override
    public void observe(Set<String> words) {
        store.put(DOCUMENTS, documents() + 1);
        boolean full = store.approximateNumEntries() >= MAX_WORDS;
        for (String word : words) {
            Long n = store.get(word);
            if (n != null) {
                store.put(word, n + 1);
            } else if (!full) {
                store.put(word, 1L);
            }
        }
    }
}
