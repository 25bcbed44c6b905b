package dev.copydesk.watch;

import dev.copydesk.avro.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;

/**
 * Matches articles against every registered watch query at once. The queries live in Lucene's {@link Monitor}: it
 * indexes them by their terms, so an article is tried only against the queries whose words it contains (plus those
 * that can match without a word of theirs, such as {@code NOT lang:en}), which keeps the cost per article nearly
 * flat from ten watchlists to ten thousand. Safe to share between threads: matching runs concurrently, changes are
 * applied as they come.
 */
public final class WatchMatcher implements AutoCloseable {

    /** Characters of context on each side of the first match in a snippet. */
    private static final int CONTEXT = 90;

    private final Analyzer analyzer = ArticleDocument.analyzer();
    private final QueryCompiler compiler = new QueryCompiler(analyzer);
    private final Monitor monitor;
    private final Map<String, String> queries = new ConcurrentHashMap<>();

    public WatchMatcher() {
        try {
            this.monitor = new Monitor(analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a query as {@link #put} would and returns it compiled, or throws with the reason: a syntax error with
     * its position ({@link QuerySyntaxException}), or a term with no words in it.
     */
    public Query check(String query) {
        return compiler.compile(QueryParser.parse(query));
    }

    /** Adds or replaces a watchlist; throws as {@link #check} does, leaving the previous version in place. */
    public void put(String name, String query) {
        putAll(Map.of(name, query));
    }

    /** Adds or replaces many at once (one update of the query index: the way to load thousands). */
    public void putAll(Map<String, String> byName) {
        List<MonitorQuery> batch = new ArrayList<>();
        byName.forEach((name, query) -> batch.add(new MonitorQuery(name, check(query), query, Map.of())));
        try {
            monitor.register(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        queries.putAll(byName);
    }

    public void remove(String name) {
        try {
            monitor.deleteById(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        queries.remove(name);
    }

    /** The registered watchlists' names and queries. */
    public Map<String, String> watchlists() {
        return Map.copyOf(queries);
    }

    public int size() {
        return queries.size();
    }

    public List<WatchMatch> match(Article article) {
        return match(ArticleDocument.Fields.of(article));
    }

    /** Every watchlist the article matches, strongest first. */
    public List<WatchMatch> match(ArticleDocument.Fields article) {
        if (queries.isEmpty()) {
            return List.of();
        }
        MatchingQueries<HighlightsMatch> found;
        try {
            found = monitor.match(ArticleDocument.of(article), HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.getErrors() != null && !found.getErrors().isEmpty()) {
            // a query that failed on this article: report it rather than drop the article's other alerts silently
            throw new IllegalStateException("watch queries failed on this article: " + found.getErrors());
        }
        List<WatchMatch> out = new ArrayList<>();
        for (HighlightsMatch m : found.getMatches()) {
            out.add(describe(m, article));
        }
        out.sort(Comparator.comparingDouble(WatchMatch::score).reversed().thenComparing(WatchMatch::watchlist));
        return out;
    }

    private static WatchMatch describe(HighlightsMatch m, ArticleDocument.Fields a) {
        Set<String> terms = new LinkedHashSet<>();
        Set<String> entities = new LinkedHashSet<>();
        HighlightsMatch.Hit first = null;
        String firstIn = null;
        int titleHits = 0;
        int bodyHits = 0;
        for (String field : List.of(ArticleDocument.TITLE, ArticleDocument.BODY)) {
            String text = field.equals(ArticleDocument.TITLE) ? a.title() : a.body();
            for (HighlightsMatch.Hit hit : sorted(m.getHits(field))) {
                if (hit.startOffset < 0 || hit.endOffset > text.length()) {
                    continue;
                }
                terms.add(text.substring(hit.startOffset, hit.endOffset));
                if (field.equals(ArticleDocument.TITLE)) {
                    titleHits++;
                } else {
                    bodyHits++;
                }
                // the snippet shows the body where it can: the title is in the alert already
                if (first == null || (firstIn.equals(ArticleDocument.TITLE) && field.equals(ArticleDocument.BODY))) {
                    first = hit;
                    firstIn = field;
                }
            }
        }
        for (HighlightsMatch.Hit hit : sorted(m.getHits(ArticleDocument.ENTITY))) {
            entityAt(a.entityNames(), hit.startOffset).ifPresent(entities::add);
        }
        String snippet = "";
        if (first != null) {
            snippet = snippet(firstIn.equals(ArticleDocument.TITLE) ? a.title() : a.body(), first);
        }
        int words = Math.max(1, a.body().split("\\s+").length);
        double score = (2.0 * titleHits + bodyHits + 2.0 * entities.size()) / Math.sqrt(words);
        return new WatchMatch(m.getQueryId(), List.copyOf(terms), List.copyOf(entities), snippet, score);
    }

    private static List<HighlightsMatch.Hit> sorted(Collection<HighlightsMatch.Hit> hits) {
        List<HighlightsMatch.Hit> list = new ArrayList<>(hits);
        list.sort(Comparator.comparingInt(h -> h.startOffset));
        return list;
    }

    /**
     * Which entity a hit in the multi-valued entity field falls in: Lucene lays the values end to end, one
     * character of offset gap between them.
     */
    private static java.util.Optional<String> entityAt(List<String> names, int offset) {
        int start = 0;
        for (String name : names) {
            if (offset >= start && offset < start + name.length()) {
                return java.util.Optional.of(name);
            }
            start += name.length() + 1;
        }
        return java.util.Optional.empty();
    }

    /** About {@value #CONTEXT} characters each side of the hit, cut at spaces, the hit in guillemets. */
    static String snippet(String text, HighlightsMatch.Hit hit) {
        int from = Math.max(0, hit.startOffset - CONTEXT);
        int to = Math.min(text.length(), hit.endOffset + CONTEXT);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < hit.startOffset ? space + 1 : from;
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > hit.endOffset ? space : to;
        }
        String s = (from > 0 ? "…" : "")
                + text.substring(from, hit.startOffset)
                + "«" + text.substring(hit.startOffset, hit.endOffset) + "»"
                + text.substring(hit.endOffset, to)
                + (to < text.length() ? "…" : "");
        return s.replaceAll("\\s+", " ").strip();
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
