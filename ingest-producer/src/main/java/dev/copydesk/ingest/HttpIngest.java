package dev.copydesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.copydesk.avro.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * {@code POST /articles}: live copy over HTTP. The body is the article (text/plain or text/html), or JSON
 * {@code {"text": ..., "sourceRef": ..., "metadata": {...}}}. Answers once Kafka has decided:
 * <ul>
 *   <li>202 {@code {"id": ...}} when Kafka acknowledged the record;</li>
 *   <li>400 for an empty, binary or undecodable body, or bad JSON; 413 over the size limit;</li>
 *   <li>401 without the bearer token when one is configured; 503 when Kafka does not acknowledge in time.</li>
 * </ul>
 * {@code GET /health} answers 200. Binds 127.0.0.1 unless told otherwise. The JDK's HTTP server: one endpoint
 * does not need a web framework.
 */
public final class HttpIngest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ArticlePublisher publisher;
    private final int maxBytes;
    private final Optional<String> token;
    private final Duration timeout;

    public HttpIngest(
            ArticlePublisher publisher, InetSocketAddress bind, int maxBytes, Optional<String> token, Duration timeout)
            throws IOException {
        this.publisher = publisher;
        this.maxBytes = maxBytes;
        this.token = token.filter(t -> !t.isBlank());
        this.timeout = timeout;
        this.server = HttpServer.create(bind, 64);
        server.createContext("/articles", this::articles);
        server.createContext("/health", exchange -> respond(exchange, 200, Map.of("status", "up")));
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "copydesk-http-ingest");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void articles(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, Map.of("error", "POST an article to /articles"));
                return;
            }
            if (token.isPresent() && !authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                respond(exchange, 401, Map.of("error", "a bearer token is required"));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(maxBytes + 1);
            }
            if (body.length > maxBytes) {
                respond(exchange, 413, Map.of("error", "too large: the limit is " + maxBytes + " bytes"));
                return;
            }
            String contentType = Optional.ofNullable(
                            exchange.getRequestHeaders().getFirst("Content-Type"))
                    .orElse("text/plain")
                    .toLowerCase(Locale.ROOT);
            String remote = exchange.getRemoteAddress().getAddress().getHostAddress();
            String sourceRef = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Source-Ref"))
                    .orElse("http:" + remote);
            Map<String, String> metadata = new HashMap<>();
            metadata.put("via", "http");
            Optional<ContentType> declared = Optional.empty();
            if (contentType.startsWith("application/json")) {
                JsonNode json;
                try {
                    json = JSON.readTree(body);
                } catch (IOException e) {
                    respond(
                            exchange,
                            400,
                            Map.of(
                                    "error",
                                    "not JSON: "
                                            + e.getMessage().lines().findFirst().orElse("")));
                    return;
                }
                if (json == null || !json.path("text").isTextual()) {
                    respond(exchange, 400, Map.of("error", "JSON needs a \"text\" string"));
                    return;
                }
                body = json.path("text").asText().getBytes(StandardCharsets.UTF_8);
                sourceRef = json.path("sourceRef").asText(sourceRef);
                declared = switch (json.path("contentType").asText("").toLowerCase(Locale.ROOT)) {
                    case "html", "text/html" -> Optional.of(ContentType.HTML);
                    case "text", "text/plain" -> Optional.of(ContentType.TEXT);
                    default -> Optional.empty();
                };
                json.path("metadata")
                        .fields()
                        .forEachRemaining(
                                e -> metadata.put(e.getKey(), e.getValue().asText()));
            } else if (contentType.startsWith("text/html")) {
                declared = Optional.of(ContentType.HTML);
            } else if (contentType.startsWith("text/plain")) {
                declared = Optional.of(ContentType.TEXT);
            }
            ArticlePublisher.Outcome outcome =
                    publisher.publishNow(new RawInput(sourceRef, body), metadata, declared, timeout);
            switch (outcome.status()) {
                case PUBLISHED -> respond(exchange, 202, Map.of("id", outcome.id()));
                case TOO_LARGE -> respond(exchange, 413, Map.of("error", outcome.reason()));
                case REJECTED -> respond(exchange, 400, Map.of("error", outcome.reason()));
                default -> respond(exchange, 503, Map.of("error", outcome.reason()));
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, Map.of("error", String.valueOf(e)));
        }
    }

    /** Constant-time comparison, so that the token cannot be guessed byte by byte from response times. */
    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(
                header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.orElseThrow().getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
