package dev.copydesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    public record Query(String text, Optional<String> language, Optional<String> entity, Optional<Instant> since, int limit) {
    }

    /** One hit: the snippet marks matches with the given markers. */
    public record Hit(String id, String storyId, int version, String title, String sourceRef, String language,
                      Instant receivedAt, String snippet, double score) {
    }

    private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Connection connection;
    private final String dialect;

    public ArticleSearch(Connection connection) throws SQLException {
        this.connection = connection;
        this.dialect = Database.dialect(connection);
    }

    public List<Hit> search(Query query, String highlightStart, String highlightEnd) throws SQLException {
        List<String> terms = terms(query.text());
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("nothing to search for in \"" + query.text() + "\": give at least one word");
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
        });
        query.entity().ifPresent(e -> {
            filters.append(" AND a.id IN (SELECT article_id FROM entities WHERE LOWER(canonical_name) = ?)");
            filterParams.add(e.toLowerCase(Locale.ROOT));
        });
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (dialect.equals("sqlite")) {
            String match = String.join(" ", terms.stream().map(t -> "\"" + t + "\"").toList());
            sql.append("SELECT a.id, a.story_id, a.version, a.title, a.source_ref, a.language, a.received_at_ms, ")
                    .append("snippet(articles_fts, 1, ?, ?, '…', 16), bm25(articles_fts, 5.0, 1.0) AS score ")
                    .append("FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? ")
                    .append("AND articles_fts.rowid IN (SELECT articles_fts.rowid FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid ")
                    .append("WHERE articles_fts MATCH ?").append(filters)
                    .append(" ORDER BY bm25(articles_fts, 5.0, 1.0), a.received_at_ms DESC LIMIT ?) ORDER BY score, a.received_at_ms DESC");
            params.add(highlightStart);
            params.add(highlightEnd);
            params.add(match);
            params.add(match);
            params.addAll(filterParams);
            params.add(query.limit());
        } else {
            sql.append("SELECT t.id, t.story_id, t.version, t.title, t.source_ref, t.language, t.received_at_ms, ")
                    .append("ts_headline('simple', t.body, plainto_tsquery('simple', ?), ?), t.score FROM (")
                    .append("SELECT a.id, a.story_id, a.version, a.title, a.source_ref, a.language, a.received_at_ms, a.body, ")
                    .append("-ts_rank(a.search, q) AS score FROM articles a, plainto_tsquery('simple', ?) q WHERE a.search @@ q")
                    .append(filters).append(" ORDER BY score, a.received_at_ms DESC LIMIT ?) t ORDER BY t.score, t.received_at_ms DESC");
            params.add(String.join(" ", terms));
            params.add("StartSel=" + highlightStart + ", StopSel=" + highlightEnd + ", MaxWords=24, MinWords=10, MaxFragments=1");
            params.add(String.join(" ", terms));
            params.addAll(filterParams);
            params.add(query.limit());
        }

        List<Hit> hits = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    hits.add(new Hit(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8).replaceAll("\\s+", " ").strip(),
                            -rs.getDouble(9)));
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return hits;
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
