package dev.copydesk.streams;

import dev.copydesk.dedup.DedupState;
import dev.copydesk.dedup.RememberedArticle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Dedup state in one Kafka Streams persistent key-value store (RocksDB, changelogged, restored on a crash or a
 * rebalance), its keys prefixed by kind: {@code x:<content hash>} -> first article id, {@code a:<id>} -> the
 * remembered article with its signature and time, {@code s:<story id>} -> latest version. One store lets the writes
 * of an article go to RocksDB as one batch ({@code putAll}). The LSH band index and the expiry queue are rebuilt
 * in memory from the {@code a:} entries.
 */
public final class StoreDedupState implements DedupState {

    public static final String STORE = "dedup-state";
    static final String[] NAMES = {STORE};

    private static final String EXACT = "x:";
    private static final String ARTICLE = "a:";
    private static final String STORY = "s:";

    private final KeyValueStore<String, byte[]> store;

    public StoreDedupState(ProcessingContext context) {
        this.store = context.getStateStore(STORE);
    }

    public static List<StoreBuilder<?>> storeBuilders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                        .withCachingEnabled());
    }

    @Override
    public String exactOwner(String contentHash) {
        return string(store.get(EXACT + contentHash));
    }

    @Override
    public RememberedArticle article(String articleId) {
        byte[] bytes = store.get(ARTICLE + articleId);
        return bytes == null ? null : RememberedArticle.fromBytes(bytes);
    }

    @Override
    public int storyVersion(String storyId) {
        byte[] bytes = store.get(STORY + storyId);
        return bytes == null ? 0 : ByteBuffer.wrap(bytes).getInt();
    }

    @Override
    public void remember(RememberedArticle article) {
        byte[] id = article.id().getBytes(StandardCharsets.UTF_8);
        List<KeyValue<String, byte[]>> writes = new ArrayList<>(4);
        writes.add(KeyValue.pair(EXACT + article.contentHash(), id));
        writes.add(KeyValue.pair(ARTICLE + article.id(), article.toBytes()));
        if (article.version() > 1 && storyVersion(article.storyId()) < article.version()) {
            writes.add(KeyValue.pair(
                    STORY + article.storyId(),
                    ByteBuffer.allocate(4).putInt(article.version()).array()));
        }
        store.putAll(writes);
    }

    @Override
    public void forget(RememberedArticle article, boolean ownedContentHash, boolean latestOfStory) {
        store.delete(ARTICLE + article.id());
        if (ownedContentHash) {
            store.delete(EXACT + article.contentHash());
        }
        if (latestOfStory) {
            store.delete(STORY + article.storyId());
        }
    }

    @Override
    public void forEachArticle(Consumer<RememberedArticle> visitor) {
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(ARTICLE, new StringSerializer())) {
            while (it.hasNext()) {
                visitor.accept(RememberedArticle.fromBytes(it.next().value));
            }
        }
    }

    private static String string(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
