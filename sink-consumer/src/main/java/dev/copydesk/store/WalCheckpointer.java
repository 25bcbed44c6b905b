package dev.copydesk.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a SQLite database's write-ahead log back into the database file from a thread and connection of its own,
 * so that the sink's commits never wait for it. Left to the writer (SQLite's auto-checkpoint), a checkpoint runs
 * inside the commit that crosses the threshold: with the 64 MiB threshold the sink needs for throughput, that commit
 * took 250-320 ms instead of ~20 ms (StorageBench, batches of 40: per-batch p99 260 ms, 120 ms with no checkpoints
 * at all), and every story in the batches behind it waited. A passive checkpoint copies what is committed without
 * taking the write lock; the writer starts the log over when it finds it all copied, which a writer that pauses
 * between polls does. One that never pauses finds the last batch still uncopied every time, so the log grows to
 * the writer's own auto-checkpoint, kept at 256 MiB: by then nearly all of it is copied, and that checkpoint took
 * 290-420 ms, against 1.0-1.3 s at the same threshold without this thread (StorageBench, batches of 40). The cost
 * is disk: up to 256 MiB of log instead of 64.
 */
final class WalCheckpointer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);
    /** How often the log is copied back. */
    static final Duration EVERY = Duration.ofSeconds(1);
    /** The writer's own auto-checkpoint while this runs, in 4 KiB pages (256 MiB): only if this falls behind. */
    static final int WRITER_THRESHOLD_PAGES = 65_536;

    private final String jdbcUrl;
    private final Thread thread;
    private volatile boolean running = true;
    private final AtomicLong checkpoints = new AtomicLong();

    /** SQLite, unless the URL sets its own checkpoint threshold (then SQLite's own checkpoints run, as asked). */
    static boolean appliesTo(String jdbcUrl) {
        return Database.isSqlite(jdbcUrl) && !jdbcUrl.toLowerCase(Locale.ROOT).contains("wal_autocheckpoint=");
    }

    WalCheckpointer(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        this.thread = new Thread(this::run, "copydesk-sqlite-checkpointer");
        thread.setDaemon(true); // close() stops it; a daemon never keeps a finished process alive
        thread.start();
    }

    private void run() {
        Connection connection = null;
        while (running) {
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                break;
            }
            try {
                if (connection == null) {
                    connection = DriverManager.getConnection(jdbcUrl);
                }
                checkpoint(connection);
            } catch (SQLException e) {
                // the database is away (disk full, file gone): the writer finds out and says so; try again later
                log.debug("WAL checkpoint failed: {}", e.getMessage());
                closeQuietly(connection);
                connection = null;
            }
        }
        closeQuietly(connection);
    }

    private void checkpoint(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (rs.next()) {
                checkpoints.incrementAndGet();
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing to keep from a connection being dropped
            }
        }
    }

    /** Checkpoints run so far (each copies what was committed since the one before). */
    long checkpoints() {
        return checkpoints.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
