package dev.copydesk.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Dedup state in plain maps: for tests, the evaluation and benchmarks without RocksDB. Not thread-safe. */
public final class InMemoryDedupState implements DedupState {

    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, RememberedArticle> articles = new HashMap<>();
    private final Map<String, List<String>> buckets = new HashMap<>();
    private final Map<String, Integer> stories = new HashMap<>();
    private final TreeMap<String, String> times = new TreeMap<>();

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
        exact.remove(contentHash);
    }

    @Override
    public RememberedArticle article(String articleId) {
        return articles.get(articleId);
    }

    @Override
    public void putArticle(RememberedArticle article) {
        articles.put(article.id(), article);
    }

    @Override
    public void removeArticle(String articleId) {
        articles.remove(articleId);
    }

    @Override
    public List<String> bucket(String bandKey) {
        return buckets.getOrDefault(bandKey, List.of());
    }

    @Override
    public void putBucket(String bandKey, List<String> ids) {
        if (ids.isEmpty()) {
            buckets.remove(bandKey);
        } else {
            buckets.put(bandKey, List.copyOf(ids));
        }
    }

    @Override
    public int storyVersion(String storyId) {
        return stories.getOrDefault(storyId, 0);
    }

    @Override
    public void putStoryVersion(String storyId, int version) {
        stories.put(storyId, version);
    }

    @Override
    public void removeStory(String storyId) {
        stories.remove(storyId);
    }

    @Override
    public void indexTime(long seenAt, String articleId) {
        times.put(TimeKeys.key(seenAt, articleId), articleId);
    }

    @Override
    public List<String> takeExpired(long cutoffExclusive, int max) {
        List<String> out = new ArrayList<>();
        var head = times.headMap(TimeKeys.key(cutoffExclusive, ""), false);
        var it = head.entrySet().iterator();
        while (it.hasNext() && out.size() < max) {
            out.add(it.next().getValue());
            it.remove();
        }
        return out;
    }

    /** Number of remembered articles, for tests. */
    public int size() {
        return articles.size();
    }

    public int bucketCount() {
        return buckets.size();
    }
}
