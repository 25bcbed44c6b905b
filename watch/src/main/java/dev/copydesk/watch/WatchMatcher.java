package dev.copydesk.watch;

import dev.copydesk.avro.Article;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches articles against every registered watch query at once. The queries are indexed by their words
 * ({@link QueryIndex}), so an article is tried only against the queries whose words it contains (plus those that
 * can match without a word of theirs, such as {@code NOT lang:en}), which keeps the cost per article nearly flat
 * from ten watchlists to ten thousand. Safe to share between threads: matching runs concurrently, changes are
 * applied as they come.
 */
public final class WatchMatcher implements AutoCloseable {

    /** Characters of context on each side of the first match in a snippet. */
    private static final int CONTEXT = 90;

    private final QueryCompiler compiler = new QueryCompiler();
    private final Map<String, QueryIndex.Entry> compiled = new ConcurrentHashMap<>();
    /** The index of {@link #compiled}; rebuilt, once for a batch of changes, at the next match after them. */
    private volatile QueryIndex index = new QueryIndex(List.of());

    private volatile boolean changed;

    /**
     * Checks a query as {@link #put} would and returns it parsed, or throws with the reason: a syntax error with its
     * position ({@link QuerySyntaxException}), or a term with no words in it.
     */
    public WatchQuery check(String query) {
        WatchQuery parsed = QueryParser.parse(query);
        compiler.compile(parsed);
        return parsed;
    }

    private QueryIndex.Entry entry(String name, String query) {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            // a name ends up in headers, store values and log lines: a line break in one would split it
            throw new IllegalArgumentException("a watchlist name must be non-blank, without control characters");
        }
        return new QueryIndex.Entry(name, query, compiler.compile(QueryParser.parse(query)));
    }

    /** Adds or replaces a watchlist; throws as {@link #check} does, leaving the previous version in place. */
    public void put(String name, String query) {
        QueryIndex.Entry checked = entry(name, query);
        synchronized (compiled) {
            compiled.put(name, checked);
            changed = true;
        }
    }

    /** Adds or replaces many; throws on the first query refused, having added none of them. */
    public void putAll(Map<String, String> byName) {
        Map<String, QueryIndex.Entry> checked = new HashMap<>();
        byName.forEach((name, query) -> checked.put(name, entry(name, query)));
        synchronized (compiled) {
            compiled.putAll(checked);
            changed = true;
        }
    }

    public void remove(String name) {
        synchronized (compiled) {
            compiled.remove(name);
            changed = true;
        }
    }

    /** The index with every change made so far: 10,000 queries index in about 20 ms, once per batch of changes. */
    private QueryIndex current() {
        if (changed) {
            synchronized (compiled) {
                if (changed) {
                    index = new QueryIndex(compiled.values());
                    changed = false;
                }
            }
        }
        return index;
    }

    /** The registered watchlists' names and queries. */
    public Map<String, String> watchlists() {
        Map<String, String> byName = new HashMap<>();
        compiled.values().forEach(e -> byName.put(e.name(), e.query()));
        return Map.copyOf(byName);
    }

    public int size() {
        return compiled.size();
    }

    public List<WatchMatch> match(Article article) {
        return match(ArticleDocument.Fields.of(article));
    }

    /** Every watchlist the article matches, strongest first. */
    public List<WatchMatch> match(ArticleDocument.Fields article) {
        QueryIndex queries = current();
        if (queries.size() == 0) {
            return List.of();
        }
        AnalysedStory story = new AnalysedStory(article, queries.vocabulary());
        List<WatchMatch> out = new ArrayList<>();
        String text = null;
        double length = 0;
        for (QueryIndex.Entry candidate : queries.candidates(story)) {
            if (!candidate.clause().matches(story)) {
                continue;
            }
            if (text == null) { // once per story, not per match
                text = article.text();
                length = Math.sqrt(Math.max(1, story.text.count(1)));
            }
            Found found = new Found();
            candidate.clause().collect(story, found);
            out.add(describe(candidate.name(), found, article, text, length));
        }
        out.sort(Comparator.comparingDouble(WatchMatch::score).reversed().thenComparing(WatchMatch::watchlist));
        return out;
    }

    /** Where a query's words were found: character ranges in title + body, and entity indexes. */
    private static final class Found implements Clause.Hits {
        final List<int[]> text = new ArrayList<>();
        final Set<Integer> entities = new LinkedHashSet<>();

        @Override
        public void text(int start, int end) {
            text.add(new int[] {start, end});
        }

        @Override
        public void entity(int index) {
            entities.add(index);
        }
    }

    private static WatchMatch describe(
            String watchlist, Found found, ArticleDocument.Fields a, String text, double length) {
        Set<String> terms = new LinkedHashSet<>();
        Set<String> entities = new LinkedHashSet<>();
        int[] first = null;
        int titleHits = 0;
        int bodyHits = 0;
        int bodyStart = a.bodyStart();
        found.text.sort(Comparator.comparingInt((int[] hit) -> hit[0]));
        for (int[] hit : found.text) {
            terms.add(text.substring(hit[0], hit[1]));
            if (hit[0] < bodyStart) {
                titleHits++;
            } else {
                bodyHits++;
            }
            // the snippet shows the body where it can: the title is in the alert already
            if (first == null || (first[0] < bodyStart && hit[0] >= bodyStart)) {
                first = hit;
            }
        }
        for (int index : found.entities) {
            entities.add(a.entityNames().get(index));
        }
        String snippet = "";
        if (first != null) {
            snippet = first[0] >= bodyStart
                    ? snippet(a.body(), first[0] - bodyStart, first[1] - bodyStart)
                    : snippet(a.title(), first[0], first[1]);
        }
        double score = (2.0 * titleHits + bodyHits + 2.0 * entities.size()) / length;
        return new WatchMatch(watchlist, List.copyOf(terms), List.copyOf(entities), snippet, score);
    }

    /** About {@value #CONTEXT} characters each side of the hit, cut at spaces, the hit in guillemets. */
    static String snippet(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(text.length(), end + CONTEXT);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < start ? space + 1 : from;
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > end ? space : to;
        }
        String s = (from > 0 ? "…" : "")
                + text.substring(from, start)
                + "«" + text.substring(start, end) + "»"
                + text.substring(end, to)
                + (to < text.length() ? "…" : "");
        return collapseSpaces(s);
    }

    /** Runs of whitespace as one space, trimmed (without a regular expression: this runs once per alert). */
    private static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Nothing to release: the index is plain memory. Kept so callers can hold the matcher in try-with-resources. */
    @Override
    public void close() {}
}
