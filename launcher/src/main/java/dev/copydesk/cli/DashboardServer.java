package dev.copydesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.copydesk.cli.api.V1Api;
import dev.copydesk.config.ServiceConfig;
import dev.copydesk.http.TokenFilter;
import dev.copydesk.secrets.Redact;
import dev.copydesk.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The live dashboard: one page (no external scripts: charts are SVG drawn by a few lines of JavaScript) and the
 * JSON it polls. Flow and lag come from the broker ({@link FlowStats}), sampled by a thread of their own, so a
 * broker that does not answer never holds up a request: the page says "Kafka unreachable" and its stories,
 * languages and entities, which come from the sink's database, keep answering. Binds 127.0.0.1 unless told
 * otherwise; read-only.
 */
final class DashboardServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long one look at the broker may take: a dashboard that waits a minute for a dead broker looks dead too. */
    private static final int KAFKA_TIMEOUT_MS = 3000;

    private final HttpServer server;
    private final Admin admin;
    private final RecordCounter counter;
    private final LatestAlerts alerts;
    private final V1Api api;
    /**
     * Events buffered for a subscriber ({@code copydesk.serve.stream.buffer}; one that takes none of a full buffer
     * for {@code copydesk.serve.stream.stall.ms}, default 10 s, is dropped); streams one server serves at most
     * ({@code copydesk.serve.max.streams}).
     */
    static final int STREAM_BUFFER_EVENTS = 1000;

    static final int MAX_STREAMS = 200;
    private final ScheduledExecutorService sampler;
    /** The latest look at the broker: a snapshot, or why there is none. */
    private volatile Object latestFlow = Map.of("kafka", "connecting");

    private final ServiceConfig config;
    private final String jdbcUrl;
    private final String enrichGroup;
    private final String sinkGroup;

    DashboardServer(ServiceConfig config, String jdbcUrl, String host, int port, String enrichGroup, String sinkGroup)
            throws IOException {
        this(config, jdbcUrl, host, port, enrichGroup, sinkGroup, Optional.empty());
    }

    DashboardServer(
            ServiceConfig config,
            String jdbcUrl,
            String host,
            int port,
            String enrichGroup,
            String sinkGroup,
            Optional<String> token)
            throws IOException {
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.enrichGroup = enrichGroup;
        this.sinkGroup = sinkGroup;
        Map<String, Object> clients = new HashMap<>(config.clientSettings());
        clients.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, KAFKA_TIMEOUT_MS);
        clients.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, KAFKA_TIMEOUT_MS);
        this.admin = Admin.create(clients);
        this.counter = new RecordCounter(clients);
        this.alerts = new LatestAlerts(config.clientSettings(), config.alertsTopic());
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "copydesk-dashboard-flow");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleWithFixedDelay(this::sampleFlow, 0, 1, TimeUnit.SECONDS);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 32);
        List<HttpContext> contexts = List.of(
                server.createContext("/", this::page),
                server.createContext("/api/flow", exchange -> json(exchange, () -> latestFlow)),
                server.createContext(
                        "/api/stories", exchange -> json(exchange, () -> stories(param(exchange, "limit", "20")))),
                server.createContext("/api/story", exchange -> json(exchange, () -> story(param(exchange, "id", "")))),
                server.createContext("/api/languages", exchange -> json(exchange, this::languages)),
                server.createContext(
                        "/api/alerts",
                        exchange -> json(
                                exchange,
                                () -> alerts.latest(Math.min(
                                        LatestAlerts.KEEP, Integer.parseInt(param(exchange, "limit", "20")))))),
                server.createContext(
                        "/api/entities", exchange -> json(exchange, () -> entities(param(exchange, "hours", "1")))));
        this.api = new V1Api(
                config.clientSettings(),
                config.enrichedTopic(),
                config.alertsTopic(),
                jdbcUrl,
                Integer.parseInt(config.get("copydesk.serve.stream.buffer", String.valueOf(STREAM_BUFFER_EVENTS))),
                Duration.ofMillis(Long.parseLong(config.get("copydesk.serve.stream.stall.ms", "10000"))),
                Integer.parseInt(config.get("copydesk.serve.max.streams", String.valueOf(MAX_STREAMS))));
        List<HttpContext> all = new ArrayList<>(contexts);
        all.addAll(api.register(server));
        token.filter(t -> !t.isBlank())
                .ifPresent(t -> all.forEach(c -> c.getFilters().add(new TokenFilter(t))));
        // a stream holds its thread while it is open: threads as needed, streams bounded by MAX_STREAMS
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "copydesk-dashboard");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    interface Body {
        Object get() throws Exception;
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = DashboardServer.class.getResourceAsStream("/dashboard/index.html")) {
            send(exchange, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }

    private void json(HttpExchange exchange, Body body) throws IOException {
        try {
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(body.get()));
        } catch (Exception e) {
            send(
                    exchange,
                    503,
                    "application/json",
                    JSON.writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage()))));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String param(HttpExchange exchange, String name, String fallback) {
        return V1Api.query(exchange).getOrDefault(name, fallback);
    }

    /** One look at the broker, kept for {@code /api/flow}; the stored count comes from the database either way. */
    private void sampleFlow() {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            FlowStats.Snapshot s = FlowStats.take(admin, counter, config, enrichGroup, sinkGroup);
            out.put("kafka", "up");
            out.put("at", s.at());
            out.put("raw", s.records().get(config.rawTopic()));
            out.put("enriched", s.records().get(config.enrichedTopic()));
            out.put("duplicates", s.records().get(config.duplicatesTopic()));
            out.put("dlq", s.records().get(config.dlqTopic()));
            out.put("enrichLag", s.enrich().total());
            out.put("sinkLag", s.sink().total());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            out.clear();
            out.put("kafka", "unreachable");
            out.put("at", System.currentTimeMillis());
            out.put(
                    "error",
                    Redact.secrets(
                            String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
        }
        try {
            out.put(
                    "stored",
                    rows("SELECT COUNT(*) AS \"n\" FROM articles").get(0).get("n"));
        } catch (SQLException e) {
            out.put("stored", -1);
        }
        latestFlow = out;
    }

    /** The rows of a query, each a map from column label to value (labels are quoted aliases: the JSON keys). */
    private List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        return Database.rows(jdbcUrl, sql, params);
    }

    private Object stories(String limit) throws SQLException {
        return rows(
                "SELECT id AS \"id\", story_id AS \"storyId\", version AS \"version\", title AS \"title\", source_ref AS \"source\", "
                        + "language AS \"language\", agency AS \"agency\", received_at_ms AS \"receivedAt\", word_count AS \"words\" FROM articles "
                        + "ORDER BY stored_at_ms DESC, received_at_ms DESC LIMIT ?",
                Math.max(1, Math.min(200, Integer.parseInt(limit))));
    }

    private Object story(String id) throws SQLException {
        List<Map<String, Object>> found = rows(
                "SELECT title AS \"title\", body AS \"body\", source_ref AS \"source\", story_id AS \"storyId\", "
                        + "version AS \"version\", language AS \"language\" FROM articles WHERE id = ?",
                id);
        if (found.isEmpty()) {
            return Map.of("error", "no article " + id);
        }
        Map<String, Object> out = found.get(0);
        out.put(
                "duplicates",
                rows(
                        "SELECT id AS \"id\", source_ref AS \"source\", kind AS \"kind\", similarity AS \"similarity\" "
                                + "FROM duplicates WHERE duplicate_of = ? OR story_id = ? ORDER BY detected_at_ms",
                        id,
                        String.valueOf(out.get("storyId"))));
        return out;
    }

    private Object languages() throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> row : rows("SELECT language AS \"language\", COUNT(*) AS \"articles\" FROM articles "
                + "GROUP BY language ORDER BY COUNT(*) DESC, language LIMIT 12")) {
            out.put(String.valueOf(row.get("language")), row.get("articles"));
        }
        return out;
    }

    private Object entities(String hours) throws SQLException {
        long since = System.currentTimeMillis() - (long) (Double.parseDouble(hours) * 3_600_000);
        return rows(
                "SELECT e.type AS \"type\", e.canonical_name AS \"name\", SUM(e.mentions) AS \"mentions\", "
                        + "COUNT(DISTINCT e.article_id) AS \"articles\" FROM entities e JOIN articles a ON a.id = e.article_id "
                        + "WHERE a.stored_at_ms >= ? GROUP BY e.type, e.canonical_name ORDER BY SUM(e.mentions) DESC, e.canonical_name LIMIT 15",
                since);
    }

    @Override
    public void close() {
        api.close();
        server.stop(0);
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(
                    KAFKA_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS); // the counter's consumer is the sampler's alone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        counter.close();
        alerts.close();
        admin.close();
    }
}
