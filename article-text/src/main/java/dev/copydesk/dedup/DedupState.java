package dev.copydesk.dedup;

import java.util.function.Consumer;

/**
 * Where dedup keeps what it remembers. The topology backs it with a Kafka Streams persistent (RocksDB,
 * changelogged) store; tests and the evaluation use {@link InMemoryDedupState}. All writes of one article come
 * in one call, so a store can write them as one batch.
 */
public interface DedupState {

    /** Id of the first article seen with this content hash, or null. */
    String exactOwner(String contentHash);

    RememberedArticle article(String articleId);

    /** Latest version number of a story, 0 when no version above 1 was recorded. */
    int storyVersion(String storyId);

    /**
     * Remembers an article: it becomes the owner of its content hash and, when its version is above 1, raises its
     * story's latest version.
     */
    void remember(RememberedArticle article);

    /** Forgets an article; also its content-hash ownership and its story's version when asked. */
    void forget(RememberedArticle article, boolean ownedContentHash, boolean latestOfStory);

    /** Visits every remembered article (to rebuild the in-memory indexes when a task starts). */
    void forEachArticle(Consumer<RememberedArticle> visitor);
}
