package dev.copydesk.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real databases for tests: a SQLite file, and the PostgreSQL server of this machine (127.0.0.1:5432, database
 * {@code test}, override with -Dcopydesk.test.postgres.url) in a fresh schema per call, so runs never collide.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL =
            System.getProperty("copydesk.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestDatabases() {}

    public static String sqlite(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("copydesk-" + UUID.randomUUID() + ".db");
    }

    public static String postgres() throws Exception {
        String schema =
                "copydesk_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES_URL);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String of(String kind, Path dir) throws Exception {
        return kind.equals("sqlite") ? sqlite(dir) : postgres();
    }
}
