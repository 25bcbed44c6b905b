package dev.copydesk.metrics;

import com.sun.net.httpserver.HttpServer;
import dev.copydesk.http.TokenFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's metrics, in Prometheus form (Micrometer). One registry per JVM, shared by every service the
 * process runs (the demo runs three), with the JVM's own meters bound once. The names, for dashboards and alerts:
 * <ul>
 *   <li>{@code copydesk_records_total{service, stage, outcome}}: records in and out of each stage;</li>
 *   <li>{@code copydesk_duplicates_total{kind}}: exact and near copies found;</li>
 *   <li>{@code copydesk_dead_letters_total{service, stage, reason}}: what went to the DLQ, and why;</li>
 *   <li>{@code copydesk_stage_seconds{service, stage}}: processing time per record or batch (histogram);</li>
 *   <li>Kafka client and Streams metrics ({@code kafka_*}), JVM and process metrics.</li>
 * </ul>
 */
public final class Metrics {

    private static final Logger log = LoggerFactory.getLogger(Metrics.class);
    private static final PrometheusMeterRegistry REGISTRY = create();

    private Metrics() {}

    private static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    public static MeterRegistry registry() {
        return REGISTRY;
    }

    /** Prometheus text exposition of everything registered so far. */
    public static String scrape() {
        return REGISTRY.scrape();
    }

    public static Counter records(String service, String stage, String outcome) {
        return Counter.builder("copydesk.records")
                .description("Records through each stage, by outcome")
                .tags("service", service, "stage", stage, "outcome", outcome)
                .register(REGISTRY);
    }

    public static Counter deadLetters(String service, String stage, String reason) {
        return Counter.builder("copydesk.dead.letters")
                .description("Records sent to the dead-letter topic, by reason")
                .tags("service", service, "stage", stage, "reason", reason)
                .register(REGISTRY);
    }

    public static Counter duplicates(String kind) {
        return Counter.builder("copydesk.duplicates")
                .description("Duplicates found, by kind")
                .tags("kind", kind)
                .register(REGISTRY);
    }

    public static Timer stage(String service, String stage) {
        return Timer.builder("copydesk.stage")
                .description("Processing time per record (or per batch for the sink)")
                .tags("service", service, "stage", stage)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(REGISTRY);
    }

    public static Counter alerts(String watchlist, String kind) {
        return Counter.builder("copydesk.alerts")
                .description("Alerts raised, by watchlist and kind (new, update)")
                .tags("watchlist", watchlist, "kind", kind)
                .register(REGISTRY);
    }

    /** A running {@code GET /metrics} endpoint. */
    public static final class Endpoint implements AutoCloseable {
        private final HttpServer server;

        private Endpoint(HttpServer server) {
            this.server = server;
        }

        public int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /**
     * Serves {@code GET /metrics} on host:port (0 picks a free port). A port already taken is logged, not fatal:
     * a service without its metrics still does its work.
     */
    public static Optional<Endpoint> serve(String host, int port) {
        return serve(host, port, Optional.empty());
    }

    /** As {@link #serve(String, int)}, requiring the token when one is given (see {@link TokenFilter}). */
    public static Optional<Endpoint> serve(String host, int port, Optional<String> token) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            var context = server.createContext("/metrics", exchange -> {
                byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            token.filter(t -> !t.isBlank()).ifPresent(t -> context.getFilters().add(new TokenFilter(t)));
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "copydesk-metrics");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return Optional.of(new Endpoint(server));
        } catch (IOException e) {
            log.warn("metrics endpoint not started on {}:{}: {}", host, port, e.toString());
            return Optional.empty();
        }
    }
}
