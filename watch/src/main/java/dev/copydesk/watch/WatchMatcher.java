package dev.copydesk.watch;

import dev.copydesk.avro.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

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

    private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("\\s+");

    private final Analyzer analyzer = ArticleDocument.analyzer();
    private final QueryCompiler compiler = new QueryCompiler(analyzer);
    private final Monitor monitor;
    private final Map<String, String> queries = new ConcurrentHashMap<>();
    /** Changes not yet in the query index, applied in one batch before the next match (guarded by itself). */
    private final Map<String, MonitorQuery> pending = new HashMap<>();

    private final Set<String> pendingRemovals = new HashSet<>();

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

    /**
     * Adds or replaces a watchlist; throws as {@link #check} does, leaving the previous version in place. The change
     * reaches the query index at the next {@link #match}, batched with the others made since: each update of the
     * index is a commit, and loading 10,000 watchlists one commit each took 100 s where one batch takes 3.
     */
    public void put(String name, String query) {
        MonitorQuery checked = new MonitorQuery(name, check(query), query, Map.of());
        synchronized (pending) {
            pendingRemovals.remove(name);
            pending.put(name, checked);
            queries.put(name, query);
        }
    }

    /** Adds or replaces many; throws on the first query refused, having added none of them. */
    public void putAll(Map<String, String> byName) {
        Map<String, MonitorQuery> checked = new HashMap<>();
        byName.forEach((name, query) -> checked.put(name, new MonitorQuery(name, check(query), query, Map.of())));
        synchronized (pending) {
            pendingRemovals.removeAll(checked.keySet());
            pending.putAll(checked);
            queries.putAll(byName);
        }
    }

    public void remove(String name) {
        synchronized (pending) {
            pending.remove(name);
            pendingRemovals.add(name);
            queries.remove(name);
        }
    }

    /** Applies the changes made since the last match to the query index, in one update. */
    private void applyPending() {
        synchronized (pending) {
            if (pending.isEmpty() && pendingRemovals.isEmpty()) {
                return;
            }
            try {
                if (!pendingRemovals.isEmpty()) {
                    monitor.deleteById(List.copyOf(pendingRemovals));
                }
                if (!pending.isEmpty()) {
                    monitor.register(List.copyOf(pending.values()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pending.clear();
            pendingRemovals.clear();
        }
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
        applyPending();
        if (queries.isEmpty()) {
            return List.of();
        }
        Document doc = ArticleDocument.of(article);
        MatchingQueries<HitsMatch> found;
        try {
            found = monitor.match(doc, HitsMatcher::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.getErrors() != null && !found.getErrors().isEmpty()) {
            // a query that failed on this article: report it rather than drop the article's other alerts silently
            throw new IllegalStateException("watch queries failed on this article: " + found.getErrors());
        }
        if (found.getMatchCount() == 0) {
            return List.of();
        }
        double length = Math.sqrt(Math.max(1, WORDS.split(article.body()).length));
        String text = article.text(); // once per story, not per match
        List<WatchMatch> out = new ArrayList<>();
        for (HitsMatch m : found.getMatches()) {
            out.add(describe(m.getQueryId(), m.hits, article, text, length));
        }
        out.sort(Comparator.comparingDouble(WatchMatch::score).reversed().thenComparing(WatchMatch::watchlist));
        return out;
    }

    /** A matched query with where its terms were found. */
    private static final class HitsMatch extends QueryMatch {
        final Map<String, List<Hit>> hits;

        HitsMatch(String queryId, Map<String, List<Hit>> hits) {
            super(queryId);
            this.hits = hits;
        }
    }

    /**
     * Runs each candidate query once against the story's in-memory index the Monitor built (offsets kept), taking
     * its hits when it matches: one index per story and one weight per candidate, where matching first and
     * highlighting after took two of each.
     */
    private static final class HitsMatcher extends CandidateMatcher<HitsMatch> {

        HitsMatcher(IndexSearcher searcher) {
            super(searcher);
        }

        @Override
        protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
            Weight weight = searcher.createWeight(searcher.rewrite(matchQuery), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Matches matches = weight.matches(leaf, 0);
                if (matches != null) {
                    addMatch(new HitsMatch(queryId, hits(matches)), 0);
                }
            }
        }

        /**
         * The Monitor splits a query's top-level OR into its parts and runs each: a story matching two parts of one
         * watchlist gives two matches to be merged, hits of both.
         */
        @Override
        public HitsMatch resolve(HitsMatch first, HitsMatch second) {
            Map<String, List<Hit>> hits = new HashMap<>();
            for (HitsMatch m : List.of(first, second)) {
                m.hits.forEach((field, list) ->
                        hits.computeIfAbsent(field, f -> new ArrayList<>()).addAll(list));
            }
            hits.values().forEach(list -> list.sort(Comparator.comparingInt(Hit::startOffset)));
            return new HitsMatch(first.getQueryId(), hits);
        }
    }

    /** Where a query's terms were found: character offsets per field, in order. */
    private record Hit(int startOffset, int endOffset) {}

    private static Map<String, List<Hit>> hits(Matches matches) throws IOException {
        Map<String, List<Hit>> byField = new HashMap<>();
        if (matches == null) {
            return byField;
        }
        for (String field : matches) {
            MatchesIterator it = matches.getMatches(field);
            if (it == null) {
                continue;
            }
            List<Hit> hits = byField.computeIfAbsent(field, f -> new ArrayList<>());
            while (it.next()) {
                if (it.startOffset() >= 0) {
                    hits.add(new Hit(it.startOffset(), it.endOffset()));
                }
            }
            hits.sort(Comparator.comparingInt(Hit::startOffset));
        }
        return byField;
    }

    private static WatchMatch describe(
            String watchlist, Map<String, List<Hit>> hits, ArticleDocument.Fields a, String text, double length) {
        Set<String> terms = new LinkedHashSet<>();
        Set<String> entities = new LinkedHashSet<>();
        Hit first = null;
        int titleHits = 0;
        int bodyHits = 0;
        int bodyStart = a.bodyStart();
        List<Hit> found = new ArrayList<>(hits.getOrDefault(ArticleDocument.TEXT, List.of()));
        found.addAll(hits.getOrDefault(ArticleDocument.TITLE, List.of())); // title: hits, the same offsets
        found.sort(Comparator.comparingInt(Hit::startOffset));
        for (Hit hit : found) {
            if (hit.endOffset() > text.length()) {
                continue;
            }
            terms.add(text.substring(hit.startOffset(), hit.endOffset()));
            if (hit.startOffset() < bodyStart) {
                titleHits++;
            } else {
                bodyHits++;
            }
            // the snippet shows the body where it can: the title is in the alert already
            if (first == null || (first.startOffset() < bodyStart && hit.startOffset() >= bodyStart)) {
                first = hit;
            }
        }
        for (Hit hit : hits.getOrDefault(ArticleDocument.ENTITY, List.of())) {
            entityAt(a.entityNames(), hit.startOffset()).ifPresent(entities::add);
        }
        String snippet = "";
        if (first != null) {
            snippet = first.startOffset() >= bodyStart
                    ? snippet(a.body(), new Hit(first.startOffset() - bodyStart, first.endOffset() - bodyStart))
                    : snippet(a.title(), first);
        }
        double score = (2.0 * titleHits + bodyHits + 2.0 * entities.size()) / length;
        return new WatchMatch(watchlist, List.copyOf(terms), List.copyOf(entities), snippet, score);
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
    static String snippet(String text, Hit hit) {
        int from = Math.max(0, hit.startOffset() - CONTEXT);
        int to = Math.min(text.length(), hit.endOffset() + CONTEXT);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < hit.startOffset() ? space + 1 : from;
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > hit.endOffset() ? space : to;
        }
        String s = (from > 0 ? "…" : "")
                + text.substring(from, hit.startOffset())
                + "«" + text.substring(hit.startOffset(), hit.endOffset()) + "»"
                + text.substring(hit.endOffset(), to)
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

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
