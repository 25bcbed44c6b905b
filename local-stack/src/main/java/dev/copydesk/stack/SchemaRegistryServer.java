package dev.copydesk.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.copydesk.registry.CompatibilityLevel;
import dev.copydesk.registry.RegisteredSchema;
import dev.copydesk.registry.RegistryException;
import dev.copydesk.registry.RegistryState;
import dev.copydesk.registry.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Schema Registry server speaking the subset of Confluent's REST API that Avro serdes use, on 127.0.0.1 by
 * default, its state journaled to a compacted Kafka topic ({@code _schemas}) so ids survive restarts.
 *
 * <p>Served: {@code GET /subjects}, {@code GET|POST /subjects/{s}/versions}, {@code GET /subjects/{s}/versions/{v}},
 * {@code GET /subjects/{s}/versions/{v}/schema}, {@code POST /subjects/{s}} (lookup), {@code DELETE /subjects/{s}},
 * {@code GET /schemas/ids/{id}}, {@code GET /schemas/types}, {@code POST /compatibility/subjects/{s}/versions/{v}},
 * {@code GET|PUT /config}, {@code GET|PUT /config/{s}}. Unknown query parameters are ignored and any Accept header
 * is taken, as Confluent's clients expect. Built on the JDK's HTTP server: a dozen JSON routes do not need a web
 * framework, and the embedded stack stays small.
 *
 * <p>One writer per {@code _schemas} topic: run one embedded registry per cluster (a second one would not see
 * the first one's later registrations until restarted).
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Pattern SUBJECTS = Pattern.compile("^/subjects/?$");
    private static final Pattern SUBJECT = Pattern.compile("^/subjects/([^/]+)/?$");
    private static final Pattern VERSIONS = Pattern.compile("^/subjects/([^/]+)/versions/?$");
    private static final Pattern VERSION = Pattern.compile("^/subjects/([^/]+)/versions/([^/]+)/?$");
    private static final Pattern VERSION_SCHEMA = Pattern.compile("^/subjects/([^/]+)/versions/([^/]+)/schema/?$");
    private static final Pattern SCHEMA_BY_ID = Pattern.compile("^/schemas/ids/(-?\\d+)/?$");
    private static final Pattern SCHEMA_BY_ID_RAW = Pattern.compile("^/schemas/ids/(-?\\d+)/schema/?$");
    private static final Pattern TYPES = Pattern.compile("^/schemas/types/?$");
    private static final Pattern COMPATIBILITY =
            Pattern.compile("^/compatibility/subjects/([^/]+)/versions/([^/]+)/?$");
    private static final Pattern GLOBAL_CONFIG = Pattern.compile("^/config/?$");
    private static final Pattern SUBJECT_CONFIG = Pattern.compile("^/config/([^/]+)/?$");

    private final RegistryState state = new RegistryState();
    private final KafkaSchemaLog schemaLog;
    private final String host;
    private final int requestedPort;
    private Optional<String> expectedAuthorization;
    private Optional<SSLContext> tls = Optional.empty();
    private boolean needClientCertificates;
    private HttpServer http;
    private ExecutorService executor;

    /**
     * @param clientSettings Kafka client settings reaching the broker that stores {@code _schemas}
     * @param host           address to bind, 127.0.0.1 unless told otherwise
     * @param port           0 for a free port
     * @param basicAuth      {@code user:password} to require HTTP basic auth, or empty for none
     */
    public SchemaRegistryServer(Map<String, Object> clientSettings, String host, int port, Optional<String> basicAuth) {
        this.schemaLog = new KafkaSchemaLog("_schemas", clientSettings);
        this.host = host;
        this.requestedPort = port;
        this.expectedAuthorization =
                basicAuth.map(u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
    }

    public SchemaRegistryServer(String bootstrapServers) {
        this(Map.of("bootstrap.servers", bootstrapServers), "127.0.0.1", 0, Optional.empty());
    }

    /** Requires {@code Authorization: Bearer TOKEN} on every request instead of basic auth. Before {@link #start}. */
    public synchronized SchemaRegistryServer withBearerToken(String token) {
        this.expectedAuthorization = Optional.of("Bearer " + token);
        return this;
    }

    /**
     * Serves HTTPS with the key store and trusts the trust store that {@code settings} name under Confluent's
     * {@code schema.registry.ssl.*} keys ({@link TlsContexts}); with {@code needClientCertificates}, a client must
     * present a certificate the trust store vouches for. Before {@link #start}.
     */
    public synchronized SchemaRegistryServer withTls(Map<String, ?> settings, boolean needClientCertificates) {
        this.tls = Optional.of(TlsContexts.from(settings, TlsContexts.PREFIX)
                .orElseThrow(() ->
                        new IllegalArgumentException("TLS needs " + TlsContexts.PREFIX + "ssl.keystore.location")));
        this.needClientCertificates = needClientCertificates;
        return this;
    }

    public synchronized SchemaRegistryServer start() {
        schemaLog.ensureTopic();
        int replayed = schemaLog.replayInto(state);
        try {
            if (tls.isPresent()) {
                HttpsServer https = HttpsServer.create(new InetSocketAddress(host, requestedPort), 64);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.get()) {
                    @Override
                    public void configure(HttpsParameters parameters) {
                        SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                        ssl.setNeedClientAuth(needClientCertificates);
                        parameters.setSSLParameters(ssl);
                    }
                });
                http = https;
            } else {
                http = HttpServer.create(new InetSocketAddress(host, requestedPort), 64);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Schema Registry cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "schema-registry-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        log.info("Schema Registry at {} ({} log records replayed)", url(), replayed);
        return this;
    }

    public String url() {
        return (tls.isPresent() ? "https://" : "http://") + host + ":"
                + http.getAddress().getPort();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Object answer;
            int status = 200;
            try {
                if (expectedAuthorization.isPresent() && !authorized(exchange)) {
                    exchange.getResponseHeaders()
                            .add(
                                    "WWW-Authenticate",
                                    expectedAuthorization.get().split(" ")[0] + " realm=\"copydesk-schema-registry\"");
                    throw new RegistryException(401, RegistryException.UNAUTHORIZED, "Unauthorized");
                }
                answer = route(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        query(exchange.getRequestURI().getRawQuery()),
                        exchange.getRequestBody());
            } catch (RegistryException e) {
                status = e.httpStatus();
                answer = error(e.errorCode(), e.plainMessage());
            } catch (BadRequest e) {
                status = 400;
                answer = error(400, e.getMessage());
            } catch (RuntimeException e) {
                log.error(
                        "Schema Registry request failed: {} {}",
                        exchange.getRequestMethod(),
                        exchange.getRequestURI(),
                        e);
                status = 500;
                answer = error(50001, "Error in the backend data store: " + e.getMessage());
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8),
                        expectedAuthorization.get().getBytes(StandardCharsets.UTF_8));
    }

    private Object route(String method, String path, Map<String, String> query, InputStream body) throws IOException {
        Matcher m;
        if ((m = SUBJECTS.matcher(path)).matches() && method.equals("GET")) {
            return state.subjects();
        }
        if ((m = VERSIONS.matcher(path)).matches()) {
            String subject = decode(m.group(1));
            if (method.equals("GET")) {
                return state.versions(subject);
            }
            if (method.equals("POST")) {
                RegisteredSchema r = state.register(subject, schemaText(body), schemaLog::append);
                return JSON.createObjectNode().put("id", r.id());
            }
        }
        if ((m = VERSION_SCHEMA.matcher(path)).matches() && method.equals("GET")) {
            return JSON.readTree(
                    state.version(decode(m.group(1)), m.group(2)).schema().toString());
        }
        if ((m = VERSION.matcher(path)).matches() && method.equals("GET")) {
            return registered(state.version(decode(m.group(1)), m.group(2)));
        }
        if ((m = SUBJECT.matcher(path)).matches()) {
            String subject = decode(m.group(1));
            if (method.equals("POST")) {
                String text = schemaText(body);
                if (!state.subjectExists(subject)) {
                    throw RegistryException.subjectNotFound(subject);
                }
                return registered(state.lookup(subject, RegistryState.parse(text))
                        .orElseThrow(() -> RegistryException.schemaNotFound("")));
            }
            if (method.equals("DELETE")) {
                return state.deleteSubject(subject, schemaLog::append);
            }
        }
        if ((m = SCHEMA_BY_ID.matcher(path)).matches() && method.equals("GET")) {
            return JSON.createObjectNode()
                    .put("schema", state.getById(Integer.parseInt(m.group(1))).toString());
        }
        if ((m = SCHEMA_BY_ID_RAW.matcher(path)).matches() && method.equals("GET")) {
            return JSON.readTree(state.getById(Integer.parseInt(m.group(1))).toString());
        }
        if (TYPES.matcher(path).matches() && method.equals("GET")) {
            return List.of("AVRO");
        }
        if ((m = COMPATIBILITY.matcher(path)).matches() && method.equals("POST")) {
            String subject = decode(m.group(1));
            String text = schemaText(body);
            state.version(subject, m.group(2)); // 40401 / 40402 as Confluent answers for a missing subject or version
            return JSON.createObjectNode().put("is_compatible", state.isCompatible(subject, RegistryState.parse(text)));
        }
        if (GLOBAL_CONFIG.matcher(path).matches()) {
            if (method.equals("GET")) {
                return JSON.createObjectNode()
                        .put("compatibilityLevel", state.compatibility(null).name());
            }
            if (method.equals("PUT")) {
                CompatibilityLevel level = compatibilityOf(body);
                state.setCompatibility(null, level, schemaLog::append);
                return JSON.createObjectNode().put("compatibility", level.name());
            }
        }
        if ((m = SUBJECT_CONFIG.matcher(path)).matches()) {
            String subject = decode(m.group(1));
            if (method.equals("GET")) {
                Optional<CompatibilityLevel> own = state.subjectCompatibility(subject);
                if (own.isEmpty() && !"true".equalsIgnoreCase(query.get("defaultToGlobal"))) {
                    throw new RegistryException(
                            404,
                            RegistryException.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                            "Subject '" + subject + "' does not have subject-level compatibility configured");
                }
                return JSON.createObjectNode()
                        .put(
                                "compatibilityLevel",
                                own.orElse(state.compatibility(null)).name());
            }
            if (method.equals("PUT")) {
                CompatibilityLevel level = compatibilityOf(body);
                state.setCompatibility(subject, level, schemaLog::append);
                return JSON.createObjectNode().put("compatibility", level.name());
            }
        }
        if (path.equals("/") && method.equals("GET")) {
            return JSON.createObjectNode();
        }
        throw new RegistryException(404, 404, "HTTP 404 Not Found: " + method + " " + path);
    }

    private static ObjectNode registered(RegisteredSchema r) {
        return JSON.createObjectNode()
                .put("subject", r.subject())
                .put("version", r.version())
                .put("id", r.id())
                .put("schema", r.schema().toString());
    }

    private static String schemaText(InputStream body) throws IOException {
        JsonNode request = readBody(body);
        String type = request.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw RegistryException.invalidSchema(
                    "schema type " + type + " is not supported by this registry (AVRO only)");
        }
        JsonNode schema = request.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryException.invalidSchema("the request has no \"schema\" string");
        }
        return schema.asText();
    }

    private static CompatibilityLevel compatibilityOf(InputStream body) throws IOException {
        JsonNode request = readBody(body);
        return CompatibilityLevel.parse(request.path("compatibility").asText(""));
    }

    private static JsonNode readBody(InputStream body) {
        try {
            JsonNode node = JSON.readTree(body.readAllBytes());
            if (node == null || !node.isObject()) {
                throw new BadRequest("Request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequest("Unrecognized request body: " + e.getMessage());
        }
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return out;
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.stop(0);
            executor.shutdownNow();
            http = null;
        }
        schemaLog.close();
    }
}
