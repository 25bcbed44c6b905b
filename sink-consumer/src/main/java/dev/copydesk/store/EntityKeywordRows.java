package dev.copydesk.store;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.Entity;
import dev.copydesk.avro.Keyword;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The entity and keyword rows of a batch of articles, written inside the batch's transaction: batched inserts on
 * SQLite, {@code COPY ... FROM STDIN} on PostgreSQL. {@link ArticleStore} deletes an article's old rows first.
 */
final class EntityKeywordRows {

    private EntityKeywordRows() {}

    /** SQLite: the rows through one prepared statement per table, run as a batch. */
    static void insert(Connection connection, List<Article> articles) throws SQLException {
        // one prepared statement per table, run as a batch: re-preparing costs SQLite more than the insert itself,
        // so multi-row VALUES statements (a new text per row count) were slower here (StorageBench)
        try (PreparedStatement entity = connection.prepareStatement(
                        "INSERT INTO entities (article_id, type, canonical_name, mentions, country_code) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement keyword = connection.prepareStatement(
                        "INSERT INTO keywords (article_id, keyword, weight) VALUES (?, ?, ?)")) {
            forEachRow(articles, new RowVisitor() {
                @Override
                public void entity(String articleId, Entity e) throws SQLException {
                    entity.setString(1, articleId);
                    entity.setString(2, e.getType().name().toLowerCase(Locale.ROOT));
                    entity.setString(3, e.getName());
                    entity.setInt(4, e.getMentions());
                    entity.setString(5, e.getCountryCode());
                    entity.addBatch();
                }

                @Override
                public void keyword(String articleId, Keyword k) throws SQLException {
                    keyword.setString(1, articleId);
                    keyword.setString(2, k.getPhrase());
                    keyword.setDouble(3, k.getWeight());
                    keyword.addBatch();
                }
            });
            entity.executeBatch();
            keyword.executeBatch();
        }
    }

    /** Receives the entity and keyword rows of a batch. */
    private interface RowVisitor {
        void entity(String articleId, Entity e) throws SQLException;

        void keyword(String articleId, Keyword k) throws SQLException;
    }

    /**
     * The entity and keyword rows of the articles (one per id, see write): an entity once per type and name and a
     * keyword once per phrase, the first occurrence winning, as the tables' primary keys demand.
     */
    private static void forEachRow(List<Article> articles, RowVisitor visitor) throws SQLException {
        for (Article a : articles) {
            Set<String> names = new HashSet<>();
            for (Entity e : a.getEntities()) {
                if (names.add(e.getType() + "\u0000" + e.getName())) {
                    visitor.entity(a.getId(), e);
                }
            }
            Set<String> phrases = new HashSet<>();
            for (Keyword k : a.getKeywords()) {
                if (phrases.add(k.getPhrase())) {
                    visitor.keyword(a.getId(), k);
                }
            }
        }
    }

    /**
     * PostgreSQL: the same rows through {@code COPY ... FROM STDIN}, which the server parses in one stream instead
     * of binding every row's parameters (StorageBench: see docs/performance.md). COPY runs inside the
     * batch's transaction like any statement, so rows and offsets still commit together.
     */
    static void copy(Connection connection, List<Article> articles) throws SQLException {
        StringBuilder entities = new StringBuilder(articles.size() * 400);
        StringBuilder keywords = new StringBuilder(articles.size() * 400);
        forEachRow(articles, new RowVisitor() {
            @Override
            public void entity(String articleId, Entity e) {
                copyField(entities, articleId)
                        .append('\t')
                        .append(e.getType().name().toLowerCase(Locale.ROOT))
                        .append('\t');
                copyField(entities, e.getName())
                        .append('\t')
                        .append(e.getMentions())
                        .append('\t');
                copyField(entities, e.getCountryCode()).append('\n');
            }

            @Override
            public void keyword(String articleId, Keyword k) {
                copyField(keywords, articleId).append('\t');
                copyField(keywords, k.getPhrase())
                        .append('\t')
                        .append(k.getWeight())
                        .append('\n');
            }
        });
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(
                    "COPY entities (article_id, type, canonical_name, mentions, country_code) FROM STDIN",
                    new StringReader(entities.toString()));
            copy.copyIn(
                    "COPY keywords (article_id, keyword, weight) FROM STDIN", new StringReader(keywords.toString()));
        } catch (IOException e) {
            throw new SQLException("Cannot stream rows to PostgreSQL: " + e.getMessage(), "08006", e);
        }
    }

    /** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    static StringBuilder copyField(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }
}
