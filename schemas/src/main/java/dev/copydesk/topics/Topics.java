package dev.copydesk.topics;

import java.util.List;

/** The names of the topics copydesk reads and writes. Creating them is {@code dev.copydesk.admin.TopicAdmin}'s job. */
public final class Topics {
    /** RawArticle, keyed by article id. */
    public static final String RAW = "articles.raw";
    /** Article, keyed by article id: the public contract for downstream consumers. */
    public static final String ENRICHED = "articles.enriched";
    /** DuplicateNotice, keyed by the duplicate's id. */
    public static final String DUPLICATES = "articles.duplicates";
    /** DeadLetter, keyed like the record that failed. */
    public static final String DLQ = "articles.dlq";

    /** Alert, keyed by watchlist name. */
    public static final String ALERTS = "articles.alerts";
    /** Watchlist, keyed by name; compacted, a tombstone removes one. */
    public static final String WATCHLISTS = "copydesk.watchlists";

    public static final List<String> ALL = List.of(RAW, ENRICHED, DUPLICATES, DLQ, ALERTS, WATCHLISTS);

    private Topics() {}
}
