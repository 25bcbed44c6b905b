package dev.copydesk.cli;

import dev.copydesk.config.ServiceConfig;
import dev.copydesk.metrics.Metrics;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a long-running service serves its Prometheus metrics. */
final class MetricsOptions {

    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            description =
                    "Serve GET /metrics (Prometheus) on this port; 0 picks one, -1 turns it off (default: the service's port).")
    Integer port;

    @Option(
            names = "--metrics-host",
            paramLabel = "HOST",
            description = "Address for the metrics endpoint (default 127.0.0.1).")
    String host = "127.0.0.1";

    /** Starts the endpoint; a bearer token is required when {@code copydesk.http.token} (COPYDESK_HTTP_TOKEN) is set. */
    Optional<Metrics.Endpoint> start(int defaultPort, String service, ServiceConfig config) {
        int p = port != null ? port : defaultPort;
        if (p < 0) {
            return Optional.empty();
        }
        Optional<String> token = Optional.ofNullable(config.get("copydesk.http.token", null));
        Optional<Metrics.Endpoint> endpoint = Metrics.serve(host, p, token);
        endpoint.ifPresent(
                e -> System.err.printf("copydesk: %s metrics at http://%s:%d/metrics%n", service, host, e.port()));
        return endpoint;
    }
}
