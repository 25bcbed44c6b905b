package dev.copydesk.streams;

import dev.copydesk.dedup.DedupState;
import dev.copydesk.dedup.RememberedArticle;
import dev.copydesk.dedup.TimeKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Dedup state in Kafka Streams persistent key-value stores (RocksDB, changelogged, restored on a crash or a
 * rebalance): exact owners by content hash, remembered articles by id, LSH buckets, story versions, and a time
 * index for expiry.
 */
final class StoreDedupState implements DedupState {

    static final String EXACT = "dedup-exact";
    static final String ARTICLES = "dedup-articles";
    static final String BUCKETS = "dedup-buckets";
    static final String STORIES = "dedup-stories";
    static final String TIMES = "dedup-times";
    static final String[] NAMES = {EXACT, ARTICLES, BUCKETS, STORIES, TIMES};

    private final KeyValueStore<String, String> exact;
    private final KeyValueStore<String, byte[]> articles;
    private final KeyValueStore<String, String> buckets;
    private final KeyValueStore<String, Integer> stories;
    private final KeyValueStore<String, String> times;

    StoreDedupState(ProcessingContext context) {
        this.exact = context.getStateStore(EXACT);
        this.articles = context.getStateStore(ARTICLES);
        this.buckets = context.getStateStore(BUCKETS);
        this.stories = context.getStateStore(STORIES);
        this.times = context.getStateStore(TIMES);
    }

    static List<StoreBuilder<?>> storeBuilders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EXACT), Serdes.String(), Serdes.String()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES), Serdes.String(), Serdes.ByteArray()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUCKETS), Serdes.String(), Serdes.String()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES), Serdes.String(), Serdes.Integer()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMES), Serdes.String(), Serdes.String()).withCachingEnabled());
    }

    @Override
    public String exactOwner(String contentHash) {
        return exact.get(contentHash);
    }

    @Override
    public void putExactOwner(String contentHash, String articleId) {
        exact.put(contentHash, articleId);
    }

    @Override
    public void removeExactOwner(String contentHash) {
        exact.delete(contentHash);
    }

    @Override
    public RememberedArticle article(String articleId) {
        byte[] bytes = articles.get(articleId);
        return bytes == null ? null : RememberedArticle.fromBytes(bytes);
    }

    @Override
    public void putArticle(RememberedArticle article) {
        articles.put(article.id(), article.toBytes());
    }

    @Override
    public void removeArticle(String articleId) {
        articles.delete(articleId);
    }

    @Override
    public List<String> bucket(String bandKey) {
        String ids = buckets.get(bandKey);
        return ids == null ? List.of() : Arrays.asList(ids.split("\n"));
    }

    @Override
    public void putBucket(String bandKey, List<String> ids) {
        if (ids.isEmpty()) {
            buckets.delete(bandKey);
        } else {
            buckets.put(bandKey, String.join("\n", ids));
        }
    }

    @Override
    public int storyVersion(String storyId) {
        Integer v = stories.get(storyId);
        return v == null ? 0 : v;
    }

    @Override
    public void putStoryVersion(String storyId, int version) {
        stories.put(storyId, version);
    }

    @Override
    public void removeStory(String storyId) {
        stories.delete(storyId);
    }

    @Override
    public void indexTime(long seenAt, String articleId) {
        times.put(TimeKeys.key(seenAt, articleId), articleId);
    }

    @Override
    public List<String> takeExpired(long cutoffExclusive, int max) {
        List<String> keys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, String> it = times.range(TimeKeys.key(0, ""), TimeKeys.key(cutoffExclusive, ""))) {
            while (it.hasNext() && ids.size() < max) {
                KeyValue<String, String> next = it.next();
                keys.add(next.key);
                ids.add(next.value);
            }
        }
        keys.forEach(times::delete);
        return ids;
    }
}
