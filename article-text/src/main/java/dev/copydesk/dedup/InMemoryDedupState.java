package dev.copydesk.dedup;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Dedup state in plain maps: for tests, the evaluation and benchmarks without RocksDB. Not thread-safe. */
public final class InMemoryDedupState implements DedupState {

    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, RememberedArticle> articles = new HashMap<>();
    private final Map<String, Integer> stories = new HashMap<>();

    @Override
    public String exactOwner(String contentHash) {
        return exact.get(contentHash);
    }

    @Override
    public RememberedArticle article(String articleId) {
        return articles.get(articleId);
    }

    @Override
    public int storyVersion(String storyId) {
        return stories.getOrDefault(storyId, 0);
    }

    @Override
    public void remember(RememberedArticle article) {
        exact.put(article.contentHash(), article.id());
        articles.put(article.id(), article);
        if (article.version() > 1) {
            stories.merge(article.storyId(), article.version(), Math::max);
        }
    }

    @Override
    public void forget(RememberedArticle article, boolean ownedContentHash, boolean latestOfStory) {
        articles.remove(article.id());
        if (ownedContentHash) {
            exact.remove(article.contentHash());
        }
        if (latestOfStory) {
            stories.remove(article.storyId());
        }
    }

    @Override
    public void forEachArticle(Consumer<RememberedArticle> visitor) {
        articles.values().forEach(visitor);
    }

    /** Number of remembered articles, for tests. */
    public int size() {
        return articles.size();
    }

    public int exactCount() {
        return exact.size();
    }
}
