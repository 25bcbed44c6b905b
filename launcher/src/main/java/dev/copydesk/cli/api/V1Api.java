package dev.copydesk.cli.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.copydesk.avro.Alert;
import dev.copydesk.avro.Article;
import dev.copydesk.cli.TimeArgs;
import dev.copydesk.serde.AvroDeserializer;
import dev.copydesk.serde.AvroJson;
import dev.copydesk.store.ArticleSearch;
import dev.copydesk.store.Database;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The subscriber API, version 1, beside the dashboard on one server:
 *
 * <ul>
 *   <li>{@code GET /v1/articles/stream?lang=&country=&entity=&agency=&q=&from=beginning|now|<ISO time>}: Server-Sent
 *       Events of {@code articles.enriched} ({@link EventStream}); resumes after {@code Last-Event-ID} (or
 *       {@code ?lastEventId=} for clients that cannot set headers);
 *   <li>{@code GET /v1/articles/{id}}, {@code GET /v1/stories/{storyId}} (every version) and
 *       {@code GET /v1/search?q=&lang=&entity=&since=&limit=}: JSON from the sink's database;
 *   <li>{@code GET /v1/schema/article.json}: the JSON Schema of a streamed article.
 * </ul>
 */
public final class V1Api implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> clientSettings;
    private final EventStream articles;
    private final EventStream alerts;
    private final String jdbcUrl;
    private final int maxStreams;
    private final AtomicInteger openStreams = new AtomicInteger();

    public V1Api(
            Map<String, Object> clientSettings,
            String enrichedTopic,
            String alertsTopic,
            String jdbcUrl,
            int bufferEvents,
            Duration stall,
            int maxStreams) {
        this.clientSettings = clientSettings;
        this.articles = new EventStream(clientSettings, enrichedTopic, bufferEvents, stall);
        this.alerts = new EventStream(clientSettings, alertsTopic, bufferEvents, stall);
        this.jdbcUrl = jdbcUrl;
        this.maxStreams = maxStreams;
    }

    /** Adds the routes to the server; the caller adds its auth filter to the returned contexts. */
    public List<HttpContext> register(HttpServer server) {
        return List.of(
                server.createContext(
                        "/v1/articles/stream",
                        e -> stream(e, articles, EventStream.articles(clientSettings, ArticleFilter.of(query(e))))),
                server.createContext(
                        "/v1/alerts/stream",
                        e -> stream(e, alerts, alertEvents(Optional.ofNullable(query(e).get("watchlist"))))),
                server.createContext("/v1/articles/", e -> json(e, () -> article(tail(e, "/v1/articles/")))),
                server.createContext("/v1/stories/", e -> json(e, () -> story(tail(e, "/v1/stories/")))),
                server.createContext("/v1/search", e -> json(e, () -> search(query(e)))),
                server.createContext(
                        "/v1/schema/article.json", e -> json(e, () -> AvroJson.jsonSchema(Article.getClassSchema()))));
    }

    /**
     * Alerts as events ({@code event: alert}, the Alert as JSON), of the watchlists named (comma-separated) or all.
     */
    private EventStream.Events alertEvents(Optional<String> watchlists) {
        Set<String> only = watchlists.map(w -> Set.of(w.split(","))).orElse(Set.of());
        AvroDeserializer<Alert> decoder = new AvroDeserializer<>(Alert.class);
        decoder.configure(clientSettings, false);
        return (key, value) -> {
            if (!only.isEmpty() && !only.contains(key)) {
                return null;
            }
            try {
                Alert alert = decoder.deserialize(null, value);
                return alert == null
                        ? null
                        : new String[] {"alert", AvroJson.toJson(alert).toString()};
            } catch (RuntimeException e) {
                return null;
            }
        };
    }

    private void stream(HttpExchange exchange, EventStream stream, EventStream.Events events) throws IOException {
        Map<String, String> query = query(exchange);
        EventStream.Start start;
        try {
            String lastId = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Last-Event-ID"))
                    .orElse(query.get("lastEventId"));
            String from = query.getOrDefault("from", "now");
            if (!from.equals("beginning") && !from.equals("now")) {
                Instant.parse(from); // refused here, with the reason, rather than in the stream
            }
            start = new EventStream.Start(
                    lastId == null || lastId.isBlank() ? null : StreamPosition.decode(lastId), from);
        } catch (RuntimeException e) {
            send(
                    exchange,
                    400,
                    Map.of(
                            "error",
                            "bad stream request: " + e.getMessage()
                                    + " (from takes beginning, now or an ISO-8601 time such as 2026-12-06T10:00:00Z)"));
            return;
        }
        if (openStreams.incrementAndGet() > maxStreams) {
            openStreams.decrementAndGet();
            send(exchange, 503, Map.of("error", "this server streams to " + maxStreams + " clients at most"));
            return;
        }
        try {
            stream.serve(exchange, events, start);
        } finally {
            openStreams.decrementAndGet();
        }
    }

    private Object article(String id) throws SQLException {
        List<Map<String, Object>> found = rows("SELECT * FROM articles WHERE id = ?", id);
        if (found.isEmpty()) {
            throw new NotFound("no article " + id);
        }
        Map<String, Object> article = found.get(0);
        article.put(
                "entities",
                rows(
                        "SELECT type AS \"type\", canonical_name AS \"name\", mentions AS \"mentions\", "
                                + "country_code AS \"countryCode\" FROM entities WHERE article_id = ? ORDER BY mentions DESC",
                        id));
        article.put(
                "keywords",
                rows(
                        "SELECT keyword AS \"phrase\", weight AS \"weight\" FROM keywords WHERE article_id = ? "
                                + "ORDER BY weight DESC",
                        id));
        return article;
    }

    private Object story(String storyId) throws SQLException {
        List<Map<String, Object>> versions =
                rows("SELECT * FROM articles WHERE story_id = ? ORDER BY version", storyId);
        if (versions.isEmpty()) {
            throw new NotFound("no story " + storyId);
        }
        return Map.of("storyId", storyId, "versions", versions);
    }

    private Object search(Map<String, String> query) throws SQLException {
        String text = query.getOrDefault("q", "").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("search needs q=WORDS");
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        Optional<Instant> since = Optional.ofNullable(query.get("since")).map(v -> TimeArgs.since(v, Instant.now()));
        try (Connection c = Database.connect(jdbcUrl)) {
            return new ArticleSearch(c)
                            .search(
                                    new ArticleSearch.Query(
                                            text,
                                            Optional.ofNullable(query.get("lang")),
                                            Optional.ofNullable(query.get("entity")),
                                            since,
                                            Math.max(1, Math.min(limit, 100))),
                                    "<mark>",
                                    "</mark>")
                            .stream()
                            .map(ArticleSearch.Hit::toMap)
                            .toList();
        }
    }

    /** Columns as JSON keys in the contract's camelCase ({@code story_id} is {@code storyId}). */
    private List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : Database.rows(jdbcUrl, sql, params)) {
            Map<String, Object> named = new LinkedHashMap<>();
            row.forEach((column, value) -> named.put(camel(column), value));
            out.add(named);
        }
        return out;
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    private static String tail(HttpExchange exchange, String prefix) {
        String id = URLDecoder.decode(
                exchange.getRequestURI().getRawPath().substring(prefix.length()), StandardCharsets.UTF_8);
        if (id.isBlank() || id.contains("/")) {
            throw new NotFound("no such resource: " + exchange.getRequestURI().getPath());
        }
        return id;
    }

    /** The request's query parameters, decoded; the last of a repeated name wins. */
    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    interface Body {
        Object get() throws Exception;
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private static void json(HttpExchange exchange, Body body) throws IOException {
        try {
            send(exchange, 200, body.get());
        } catch (NotFound e) {
            send(exchange, 404, Map.of("error", e.getMessage()));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, Map.of("error", e.getMessage()));
        } catch (Exception e) {
            send(exchange, 503, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        articles.close();
        alerts.close();
    }
}
