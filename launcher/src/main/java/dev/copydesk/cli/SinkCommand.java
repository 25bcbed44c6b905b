package dev.copydesk.cli;

import dev.copydesk.secrets.Redact;
import dev.copydesk.sink.SinkConfig;
import dev.copydesk.sink.SinkRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "sink",
        mixinStandardHelpOptions = true,
        description =
                "Write articles.enriched and articles.duplicates to SQLite (a file path) or PostgreSQL (a JDBC URL), exactly once, until stopped.")
final class SinkCommand implements Callable<Integer> {

    /** Where the sink serves its metrics unless told otherwise (docker-compose.yml publishes it). */
    static final int METRICS_PORT = 9402;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MetricsOptions metrics;

    @Option(
            names = "--db",
            paramLabel = "PATH|JDBC-URL",
            description = "SQLite file or jdbc:postgresql://... (default copydesk.db).")
    String db;

    @Override
    public Integer call() throws Exception {
        var overrides = connection.overrides();
        if (db != null) {
            overrides.put(SinkConfig.DB, db);
        }
        SinkConfig config = SinkConfig.load(connection.configFile(), System.getenv(), overrides);
        SinkRunner sink = new SinkRunner(config);
        Thread loop = new Thread(sink, "copydesk-sink");
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sink.close();
                            try {
                                loop.join(30_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "sink-shutdown"));
        loop.start();
        metrics.start(METRICS_PORT, "sink", config);
        System.err.println("sink writing to " + Redact.secrets(config.jdbcUrl()) + "; Ctrl-C to stop");
        loop.join();
        sink.release();
        if (sink.failure() != null) {
            System.err.println("copydesk sink: stopped: " + sink.failure().getMessage());
            return 1;
        }
        return 0;
    }
}
