package dev.copydesk.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copydesk.secrets.Redact;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of Confluent's Schema Registry REST API over the JDK's HTTP client (no extra dependency; the API is a
 * handful of JSON calls). Ids are cached both ways: (subject, schema) to id and id to schema, so a serde calls the
 * registry once per schema. An unreachable registry is retried with exponential backoff over every configured
 * URL, then reported by {@link RegistryUnreachableException}; an answer with an error becomes a
 * {@link RegistryException} carrying Confluent's error code.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public HttpSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        config.tls().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", "/subjects/" + enc(subject) + "/versions", schemaBody(schema));
        int id = answer.get("id").asInt();
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "/schemas/ids/" + id, null);
        Schema schema = RegistryState.parse(answer.get("schema").asText());
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced == null ? schema : raced;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registered(call("GET", "/subjects/" + enc(subject) + "/versions/latest", null));
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        try {
            RegisteredSchema found = registered(call("POST", "/subjects/" + enc(subject), schemaBody(schema)));
            idsBySubject
                    .computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                    .put(schema, found.id());
            return Optional.of(found);
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SCHEMA_NOT_FOUND
                    || e.errorCode() == RegistryException.SUBJECT_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode answer =
                    call("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest", schemaBody(schema));
            return answer.path("is_compatible").asBoolean(false);
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == RegistryException.VERSION_NOT_FOUND) {
                return true; // nothing registered yet: anything is compatible
            }
            throw e;
        }
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        String path = subject == null ? "/config" : "/config/" + enc(subject) + "?defaultToGlobal=true";
        return CompatibilityLevel.parse(
                call("GET", path, null).get("compatibilityLevel").asText());
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
        call("PUT", subject == null ? "/config" : "/config/" + enc(subject), body.toString());
    }

    @Override
    public List<String> subjects() {
        List<String> out = new ArrayList<>();
        call("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> out = new ArrayList<>();
        call("GET", "/subjects/" + enc(subject) + "/versions", null).forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static RegisteredSchema registered(JsonNode n) {
        return new RegisteredSchema(
                n.get("subject").asText(),
                n.get("id").asInt(),
                n.get("version").asInt(),
                RegistryState.parse(n.get("schema").asText()));
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One REST call, over every URL in turn, retried with backoff while no registry answers or it answers 5xx. */
    private JsonNode call(String method, String path, String body) {
        Duration backoff = config.initialBackoff();
        Exception last = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            for (String base : config.urls()) {
                try {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(config.requestTimeout())
                            .header(
                                    "Accept",
                                    CONTENT_TYPE
                                            + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5")
                            .method(
                                    method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                    if (body != null) {
                        request.header("Content-Type", CONTENT_TYPE);
                    }
                    config.authorizationHeader().ifPresent(h -> request.header("Authorization", h));
                    HttpResponse<String> response =
                            http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (response.statusCode() / 100 == 2) {
                        return JSON.readTree(response.body());
                    }
                    RegistryException error = errorOf(response);
                    if (response.statusCode() < 500) {
                        throw error;
                    }
                    last = error;
                } catch (IOException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RegistryUnreachableException("Interrupted while calling the Schema Registry", e);
                }
            }
            if (attempt < config.maxAttempts()) {
                log.warn(
                        "Schema Registry {} did not answer {} {} (attempt {}/{}): {}; retrying in {} ms",
                        Redact.secrets(String.valueOf(config.urls())),
                        method,
                        path,
                        attempt,
                        config.maxAttempts(),
                        Redact.secrets(String.valueOf(last)),
                        backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
        if (last instanceof RegistryException e) {
            throw e;
        }
        throw new RegistryUnreachableException(
                "Schema Registry unreachable at " + Redact.secrets(String.valueOf(config.urls())) + " after "
                        + config.maxAttempts() + " attempts (" + method + " " + path + "): "
                        + Redact.secrets(String.valueOf(last)),
                last);
    }

    private static RegistryException errorOf(HttpResponse<String> response) {
        int code = response.statusCode();
        String message = response.body();
        try {
            JsonNode n = JSON.readTree(response.body());
            code = n.path("error_code").asInt(code);
            message = n.path("message").asText(message);
        } catch (IOException | RuntimeException notJson) {
            // keep the raw body as the message
        }
        return new RegistryException(response.statusCode(), code, message);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnreachableException("Interrupted while waiting to retry the Schema Registry", e);
        }
    }
}
