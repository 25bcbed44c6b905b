package dev.copydesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranked full-text search over stored articles: SQLite FTS5 (bm25, title weighted 5:1) or PostgreSQL tsvector
 * (ts_rank, title weight A), with a highlighted snippet. The user's words are only ever search terms: they are
 * quoted for FTS5 and passed to {@code plainto_tsquery} in PostgreSQL, so operators or quotes in the query cannot
 * change the query's meaning, and every value goes through a prepared statement.
 */
public final class ArticleSearch {

    /** What to look for; empty optionals mean no filter. */
    public record Query(
            String text, Optional<String> language, Optional<String> entity, Optional<Instant> since, int limit) {}

    /** One hit: the snippet marks matches with the given markers. */
    public record Hit(
            String id,
            String storyId,
            int version,
            String title,
            String sourceRef,
            String language,
            Instant receivedAt,
            String snippet,
            double score) {

        /** The hit as JSON tools and the API give it: the receive time as ISO-8601. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("storyId", storyId);
            m.put("version", version);
            m.put("title", title);
            m.put("sourceRef", sourceRef);
            m.put("language", language);
            m.put("receivedAt", receivedAt.toString());
            m.put("score", score);
            m.put("snippet", snippet);
            return m;
        }
    }

    /**
     * Hits are ranked among the newest this many matching articles. Ranking every match of a common word costs
     * time in proportion to the archive (0.3 s at 100,000 articles); a newsroom asks for recent copy first, and a
     * query that matches fewer articles than this is ranked exactly.
     */
    static final int RANKING_WINDOW = 1_000;

    /** Up to this many articles naming the --entity, SQLite looks at each of them rather than at every match. */
    private static final int ENTITY_PROBE_LIMIT = 2_000;

    private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Connection connection;
    private final String dialect;

    public ArticleSearch(Connection connection) throws SQLException {
        this.connection = connection;
        this.dialect = Database.dialect(connection);
        if (dialect.equals("postgresql")) {
            // a plan for these words, every time: after five runs the driver prepares on the server and PostgreSQL
            // may switch to one generic plan, which walks the received-time index for a rare word too (170 ms)
            try (var s = connection.createStatement()) {
                s.execute("SET plan_cache_mode = force_custom_plan");
            }
        }
    }

    public List<Hit> search(Query query, String highlightStart, String highlightEnd) throws SQLException {
        List<String> terms = terms(query.text());
        if (terms.isEmpty()) {
            throw new IllegalArgumentException(
                    "nothing to search for in \"" + query.text() + "\": give at least one word");
        }
        // rank first, then build snippets for the top hits only: a snippet costs far more than a score
        StringBuilder filters = new StringBuilder();
        List<Object> filterParams = new ArrayList<>();
        query.language().ifPresent(l -> {
            filters.append(" AND a.language = ?");
            filterParams.add(l);
        });
        query.since().ifPresent(t -> {
            filters.append(" AND a.received_at_ms >= ?");
            filterParams.add(t.toEpochMilli());
            if (dialect.equals("sqlite")) {
                // every article received since then is stored at or after the first of them (exact, whatever the
                // order they came in): a rowid range FTS5 applies itself, so a common word's older matches are never
                // walked or scored (a common word with --since over 20,000 articles: 95 ms -> see ArticleSearchTest)
                filters.append(
                        " AND {rowid} >= (SELECT COALESCE(MIN(+rowid), 9223372036854775807) FROM articles WHERE received_at_ms >= ?)");
                filterParams.add(t.toEpochMilli());
            }
        });
        if (query.entity().isPresent()) {
            String entity = query.entity().get().toLowerCase(Locale.ROOT);
            if (dialect.equals("sqlite") && articlesNaming(entity) <= ENTITY_PROBE_LIMIT) {
                // few articles name it: to find the window FTS5 checks the words on each of them by rowid (~0.3 ms
                // each) instead of walking every match of a common word looking for them (0.3-0.8 s at 100,000
                // articles); ranking then walks the window's range with this as a plain filter ({rowid} below)
                filters.append(" AND {rowid} IN (SELECT n.rowid FROM entities e JOIN articles n ON n.id = e.article_id")
                        .append(" WHERE LOWER(e.canonical_name) = ?)");
            } else {
                filters.append(" AND a.id IN (SELECT article_id FROM entities WHERE LOWER(canonical_name) = ?)");
            }
            filterParams.add(entity);
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (dialect.equals("sqlite")) {
            String match =
                    String.join(" ", terms.stream().map(t -> "\"" + t + "\"").toList());
            // the window: the oldest rowid among the newest matches (FTS5 walks its lists in rowid order, i.e.
            // storage order, and stops at the LIMIT); then bm25 only from there on, as a rowid range FTS5 applies
            // itself; then snippets for the page of hits only, each found by rowid
            // CROSS JOIN fixes the order (SQLite never reorders it): the full-text index drives, whatever statistics
            // ANALYZE left behind; with them the planner would start from articles and probe FTS5 row by row (25 s)
            String matches =
                    "FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?"
                            + filters;
            // "+" keeps SQLite from probing rowid by rowid where the range already bounds the walk: bm25 set up
            // per probe costs a pass over a common word's whole list
            String windowMatches = matches.replace("{rowid}", "articles_fts.rowid");
            String rankedMatches = matches.replace("{rowid}", "+articles_fts.rowid");
            sql.append("SELECT a.id, a.story_id, a.version, a.title, a.source_ref, a.language, a.received_at_ms, ")
                    .append("snippet(articles_fts, 1, ?, ?, '…', 16), m.score FROM (")
                    .append("SELECT articles_fts.rowid AS r, bm25(articles_fts, 5.0, 1.0) AS score ")
                    .append(rankedMatches)
                    .append(
                            " AND articles_fts.rowid >= (SELECT COALESCE(MIN(w), 0) FROM (SELECT articles_fts.rowid AS w ")
                    .append(windowMatches)
                    .append(" ORDER BY articles_fts.rowid DESC LIMIT ?)) ORDER BY score LIMIT ?) m ")
                    .append("CROSS JOIN articles_fts ON articles_fts.rowid = m.r AND articles_fts MATCH ? ")
                    .append("CROSS JOIN articles a ON a.rowid = m.r ORDER BY m.score, a.received_at_ms DESC");
            params.add(highlightStart);
            params.add(highlightEnd);
            params.add(match);
            params.addAll(filterParams);
            params.add(match);
            params.addAll(filterParams);
            params.add(RANKING_WINDOW);
            params.add(query.limit());
            params.add(match);
        } else {
            // the same plan: the newest matches (by the received-time index, or the GIN index for rare words, as
            // the planner sees fit) with their ts_rank, the best of them, then the body and ts_headline for those
            // only (carrying 1,000 bodies through the ranking took 80 ms)
            sql.append("SELECT a.id, a.story_id, a.version, a.title, a.source_ref, a.language, a.received_at_ms, ")
                    .append("ts_headline('simple', a.body, plainto_tsquery('simple', ?), ?), t.score FROM (")
                    .append("SELECT w.id, w.received_at_ms, w.score FROM (")
                    .append("SELECT a.id, a.received_at_ms, -ts_rank(a.search, plainto_tsquery('simple', ?)) AS score ")
                    .append("FROM articles a WHERE a.search @@ plainto_tsquery('simple', ?)")
                    .append(filters)
                    .append(
                            " ORDER BY a.received_at_ms DESC LIMIT ?) w ORDER BY w.score, w.received_at_ms DESC LIMIT ?) t ")
                    .append("JOIN articles a ON a.id = t.id ORDER BY t.score, t.received_at_ms DESC");
            String words = String.join(" ", terms);
            params.add(words);
            params.add("StartSel=" + highlightStart + ", StopSel=" + highlightEnd
                    + ", MaxWords=24, MinWords=10, MaxFragments=1");
            params.add(words);
            params.add(words);
            params.addAll(filterParams);
            params.add(RANKING_WINDOW);
            params.add(query.limit());
        }

        List<Hit> hits = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    hits.add(new Hit(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            Instant.ofEpochMilli(rs.getLong(7)),
                            rs.getString(8).replaceAll("\\s+", " ").strip(),
                            -rs.getDouble(9)));
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return hits;
    }

    private long articlesNaming(String lowerCaseEntity) throws SQLException {
        try (PreparedStatement p =
                connection.prepareStatement("SELECT COUNT(*) FROM entities WHERE LOWER(canonical_name) = ?")) {
            p.setString(1, lowerCaseEntity);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The words of a query, lower-cased: letters and digits only, so nothing in it is search syntax. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TERM.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
