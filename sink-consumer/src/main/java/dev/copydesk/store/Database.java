package dev.copydesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens the sink's database from a JDBC URL or a plain file path (a path means SQLite) and brings its schema up
 * to date with the versioned scripts under {@code db/migration} ({@code V<n>__<name>.sql}, applied in order,
 * each in its own transaction, recorded in {@code schema_version}). A handful of portable scripts does not need
 * a migration framework; Flyway can take over the same files later.
 */
public final class Database {

    /**
     * Migration scripts in order; add new ones at the end, never edit a released one. {@code {dialect}} stands for
     * {@code sqlite} or {@code postgresql} where the two databases need different SQL (full-text search).
     */
    static final List<String> MIGRATIONS = List.of(
            "V1__articles_duplicates_offsets.sql",
            "V2__story_versions.sql",
            "V3__entities_keywords.sql",
            "V4__search.{dialect}.sql",
            "V5__page_metadata.sql",
            "V6__enrichment.sql",
            "V7__search_sync.{dialect}.sql",
            "V8__entities_one_name_index.sql",
            "V9__search_index_detail.{dialect}.sql",
            "V10__countries.sql");

    /** sqlite or postgresql, from the connection. */
    public static String dialect(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return "sqlite";
        }
        if (product.contains("postgres")) {
            return "postgresql";
        }
        throw new SQLException("copydesk stores articles in SQLite or PostgreSQL, not " + product);
    }

    private Database() {}

    /** A JDBC URL for what the user typed: a jdbc: URL as is, anything else a SQLite file path. */
    public static String jdbcUrl(String dbOption) {
        if (dbOption.startsWith("jdbc:")) {
            return dbOption;
        }
        return "jdbc:sqlite:" + Path.of(dbOption).toAbsolutePath();
    }

    public static boolean isSqlite(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:");
    }

    public static Connection connect(String jdbcUrl) throws SQLException {
        if (isSqlite(jdbcUrl)) {
            String path = jdbcUrl.substring("jdbc:sqlite:".length());
            if (!path.isEmpty() && !path.startsWith(":memory:") && !path.startsWith("file:")) {
                try {
                    Path parent = Path.of(path).toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                } catch (IOException e) {
                    throw new SQLException(
                            "Cannot create the folder for SQLite database " + path + ": " + e.getMessage(), e);
                }
            }
        }
        Properties properties = new Properties();
        if (jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")
                && !jdbcUrl.contains("reWriteBatchedInserts")) {
            // batches go to the server as multi-row INSERTs (articles, notices, offsets; entities and keywords go by
            // COPY)
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        // sqlite-jdbc knows no wal_autocheckpoint setting: it would keep "?wal_autocheckpoint=N" as part of the file's
        // name, so the setting is taken out of the URL here and applied as a pragma below
        Matcher walSetting = SQLITE_WAL_SETTING.matcher(jdbcUrl);
        boolean setsWal = isSqlite(jdbcUrl) && walSetting.find();
        String walPages = setsWal ? walSetting.group(2) : "16384"; // 64 MiB of 4 KiB pages
        Connection connection =
                DriverManager.getConnection(setsWal ? withoutWalSetting(jdbcUrl, walSetting) : jdbcUrl, properties);
        if (isSqlite(jdbcUrl)) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // NORMAL in WAL mode syncs at checkpoints, not at every commit. A crash of the process loses
                // nothing; a power cut may take back the last commits, but the stored offsets go back with their
                // rows, so those records are read again from Kafka: still exactly once. ?synchronous=FULL in the
                // URL keeps the stricter mode (the driver applies it).
                pragmaUnlessInUrl(s, jdbcUrl, "synchronous", "NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                // A sink batch (articles, their FTS5 segment, entity and keyword index pages) outgrows SQLite's
                // default 2 MB page cache, which then spills dirty pages mid-transaction; and the default WAL
                // checkpoint every 4 MB ran in nearly every commit, rewriting the same index pages each time.
                // StorageBench at 100,000 articles, batches of 2,000: 4,653 -> 6,515 /s. Both are upper bounds
                // (the cache fills only as used, the WAL is emptied at close).
                pragmaUnlessInUrl(s, jdbcUrl, "cache_size", "-65536"); // KiB: 64 MiB
                s.execute("PRAGMA wal_autocheckpoint=" + Integer.parseInt(walPages));
            }
        }
        return connection;
    }

    /** {@code wal_autocheckpoint=N} in a SQLite URL's query, with the separator before it. */
    private static final Pattern SQLITE_WAL_SETTING =
            Pattern.compile("([?&])wal_autocheckpoint=(\\d+)", Pattern.CASE_INSENSITIVE);

    /** The URL without its wal_autocheckpoint setting (and without a query left empty). */
    private static String withoutWalSetting(String jdbcUrl, Matcher setting) {
        String before = jdbcUrl.substring(0, setting.start());
        String after = jdbcUrl.substring(setting.end());
        if (setting.group(1).equals("?")) {
            return after.isEmpty() ? before : before + "?" + after.substring(1); // "&rest" follows: "?rest"
        }
        return before + after;
    }

    /** Sets a SQLite pragma unless the URL sets it (the driver applies URL settings itself). */
    private static void pragmaUnlessInUrl(Statement s, String jdbcUrl, String pragma, String value)
            throws SQLException {
        if (!jdbcUrl.toLowerCase(Locale.ROOT).contains(pragma + "=")) {
            s.execute("PRAGMA " + pragma + "=" + value);
        }
    }

    /** Applies the migrations the database does not have yet; returns how many were applied. */
    public static int migrate(Connection connection) throws SQLException {
        return migrate(connection, MIGRATIONS.size());
    }

    /** Applies the migrations up to {@code version} (tests build older databases with it). */
    static int migrate(Connection connection, int version) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute(
                        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)");
            }
            connection.commit();
            int current = 0;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                if (rs.next()) {
                    current = rs.getInt(1);
                }
            }
            int applied = 0;
            String dialect = dialect(connection);
            for (int i = current; i < version; i++) {
                String script = MIGRATIONS.get(i).replace("{dialect}", dialect);
                try (Statement s = connection.createStatement()) {
                    for (String sql : statements(read(script))) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = connection.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at_ms) VALUES (?, ?, ?)")) {
                    p.setInt(1, i + 1);
                    p.setString(2, script);
                    p.setLong(3, System.currentTimeMillis());
                    p.executeUpdate();
                }
                connection.commit();
                applied++;
            }
            return applied;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String read(String script) {
        try (InputStream in = Database.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Migration script missing from the jar: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script on semicolons at line ends, dropping comment lines. */
    static List<String> statements(String script) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        return Arrays.stream(cleaned.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The rows of a query, each a map from column label to value, in order: for JSON answers and tools. */
    public static List<Map<String, Object>> rows(String jdbcUrl, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = connect(jdbcUrl);
                PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                ResultSetMetaData columns = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= columns.getColumnCount(); col++) {
                        row.put(columns.getColumnLabel(col), rs.getObject(col));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
