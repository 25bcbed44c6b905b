package dev.copydesk.dedup;

import java.util.List;

/**
 * Where dedup keeps what it remembers. The topology backs it with Kafka Streams persistent (RocksDB,
 * changelogged) stores; tests and the evaluation use {@link InMemoryDedupState}.
 */
public interface DedupState {

    /** Id of the first article seen with this content hash, or null. */
    String exactOwner(String contentHash);

    void putExactOwner(String contentHash, String articleId);

    void removeExactOwner(String contentHash);

    RememberedArticle article(String articleId);

    void putArticle(RememberedArticle article);

    void removeArticle(String articleId);

    /** Ids in an LSH bucket, most recent first; empty when none. */
    List<String> bucket(String bandKey);

    /** Replaces a bucket's ids; an empty list removes the bucket. */
    void putBucket(String bandKey, List<String> ids);

    /** Latest version number of a story, 0 when unknown. */
    int storyVersion(String storyId);

    void putStoryVersion(String storyId, int version);

    void removeStory(String storyId);

    /** Records when an article was remembered, for expiry. */
    void indexTime(long seenAt, String articleId);

    /** Removes from the time index and returns up to max article ids remembered before the cutoff, oldest first. */
    List<String> takeExpired(long cutoffExclusive, int max);
}
