package dev.copydesk.cli;

import dev.copydesk.secrets.Redact;
import dev.copydesk.store.Database;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        aliases = {"dashboard"},
        mixinStandardHelpOptions = true,
        description = {
            "The dashboard and the subscriber API on one server, 127.0.0.1 unless told (a bearer token is required when "
                    + "copydesk.http.token / COPYDESK_HTTP_TOKEN is set).",
            "  /                        live dashboard: throughput, lag, languages, entities, latest stories",
            "  /v1/articles/stream      articles as Server-Sent Events, filtered (lang, country, entity, agency, q), "
                    + "resumable with Last-Event-ID",
            "  /v1/articles/{id}, /v1/stories/{storyId}, /v1/search?q=, /v1/schema/article.json"
        })
final class DashboardCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 8900;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--port", description = "Port (default 8900; 0 picks one).")
    int port = DEFAULT_PORT;

    @Option(names = "--host", description = "Address to bind (default 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(names = "--db", paramLabel = "PATH|JDBC-URL", description = "The sink's database (default: the demo's).")
    String db;

    @Option(names = "--enrich-group", description = "The streams app's application.id (default copydesk-enrich).")
    String enrichGroup = "copydesk-enrich";

    @Option(names = "--sink-group", description = "The sink's group.id (default copydesk-sink).")
    String sinkGroup = "copydesk-sink";

    @Override
    public Integer call() throws Exception {
        String jdbcUrl = Database.jdbcUrl(
                db != null
                        ? db
                        : DemoCommand.defaultDataDir().resolve("copydesk.db").toString());
        var config = connection.serviceConfig();
        Optional<String> token = Optional.ofNullable(config.get("copydesk.http.token", null));
        try (DashboardServer server = new DashboardServer(config, jdbcUrl, host, port, enrichGroup, sinkGroup, token)) {
            System.err.printf(
                    "copydesk: dashboard at http://%s:%d/%s (database %s); Ctrl-C to stop%n",
                    host, server.port(), token.isPresent() ? "?token=…" : "", Redact.secrets(jdbcUrl));
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
