package dev.copydesk.cli;

import dev.copydesk.streams.EnrichApp;
import dev.copydesk.streams.EnrichConfig;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "enrich",
        mixinStandardHelpOptions = true,
        description =
                "Run the enrich-streams topology (articles.raw -> articles.enriched / duplicates / dlq) until stopped.")
final class EnrichCommand implements Callable<Integer> {

    /** Where enrich-streams serves its metrics unless told otherwise (docker-compose.yml publishes it). */
    static final int METRICS_PORT = 9401;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MetricsOptions metrics;

    @Override
    public Integer call() throws Exception {
        EnrichConfig config = EnrichConfig.load(connection.configFile(), System.getenv(), connection.overrides());
        EnrichApp app = new EnrichApp(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "enrich-shutdown"));
        app.start();
        metrics.start(METRICS_PORT, "enrich-streams", config);
        System.err.println("enrich-streams running as " + config.get("application.id") + " with "
                + config.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG) + " stream thread(s); Ctrl-C to stop");
        app.awaitStop();
        if (app.state() == KafkaStreams.State.ERROR) {
            // non-zero, so that a supervisor that restarts only on failure (systemd or compose on-failure) restarts it
            System.err.println(
                    "copydesk: enrich-streams stopped on the error above; the records it had not committed stay on "
                            + config.rawTopic() + " for the next run");
            return 1;
        }
        return 0;
    }
}
