package dev.copydesk.dedup;

/** What the dedup stage decided about one article. */
public sealed interface Decision {

    /** The story the article belongs to. */
    String storyId();

    /** The first article of a new story. */
    record NewStory(String storyId) implements Decision {}

    /** The same article (same id) seen again: re-emit it as it was. */
    record Resent(String storyId, int version) implements Decision {}

    /** The same cleaned body as an earlier article. */
    record Exact(String duplicateOf, String storyId) implements Decision {}

    /** A version of an earlier story: similar enough, or one contained in the other. */
    record Near(String duplicateOf, String storyId, int version, double jaccard, double containment)
            implements Decision {}
}
