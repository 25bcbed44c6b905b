package dev.copydesk.registry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Registry client settings, read from the same map as Kafka client settings and under Confluent's names:
 * {@code schema.registry.url} (comma-separated list, tried in turn), {@code basic.auth.credentials.source}
 * ({@code USER_INFO} or {@code URL}) with {@code basic.auth.user.info} (also accepted with the
 * {@code schema.registry.} prefix), or {@code bearer.auth.credentials.source=STATIC_TOKEN} with {@code bearer.auth.token},
 * and TLS from {@code schema.registry.ssl.*} ({@link TlsContexts}). copydesk adds {@code schema.registry.retry.max.attempts} (default 6) and
 * {@code schema.registry.retry.backoff.ms} (default 200, doubled per attempt up to 5 s) for an unreachable registry.
 */
public record RegistryClientConfig(
        List<String> urls,
        Optional<String> authorizationHeader,
        Optional<SSLContext> tls,
        int maxAttempts,
        Duration initialBackoff,
        Duration requestTimeout) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String BEARER_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_TOKEN = "bearer.auth.token";
    public static final String MAX_ATTEMPTS = "schema.registry.retry.max.attempts";
    public static final String BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    public static RegistryClientConfig from(Map<String, ?> configs) {
        String urlList = string(configs, URL);
        if (urlList == null || urlList.isBlank()) {
            throw new IllegalArgumentException("Missing required setting " + URL + " (e.g. http://127.0.0.1:8081)");
        }
        List<String> urls = new ArrayList<>();
        for (String u : urlList.split(",")) {
            String trimmed = u.trim();
            if (!trimmed.isEmpty()) {
                urls.add(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            }
        }
        String source = Optional.ofNullable(
                        firstOf(configs, CREDENTIALS_SOURCE, "schema.registry." + CREDENTIALS_SOURCE))
                .orElse("URL")
                .toUpperCase(Locale.ROOT);
        String userInfo = switch (source) {
            case "USER_INFO" -> {
                String info = firstOf(configs, USER_INFO, "schema.registry." + USER_INFO);
                if (info == null || !info.contains(":")) {
                    throw new IllegalArgumentException(
                            CREDENTIALS_SOURCE + "=USER_INFO needs " + USER_INFO + "=user:password");
                }
                yield info;
            }
            case "URL" -> URI.create(urls.get(0)).getRawUserInfo();
            default ->
                throw new IllegalArgumentException(
                        "Unsupported " + CREDENTIALS_SOURCE + ": " + source + " (copydesk supports USER_INFO and URL)");
        };
        Optional<String> header = Optional.ofNullable(userInfo)
                .map(u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
        Optional<String> bearer = bearer(configs);
        if (bearer.isPresent() && header.isPresent()) {
            throw new IllegalArgumentException("The Schema Registry takes one kind of credentials: " + BEARER_SOURCE
                    + " and basic auth (" + CREDENTIALS_SOURCE + " or user info in the URL) are both set");
        }
        header = header.or(() -> bearer);
        return new RegistryClientConfig(
                List.copyOf(urls),
                header,
                TlsContexts.from(configs, TlsContexts.PREFIX),
                Integer.parseInt(
                        Optional.ofNullable(string(configs, MAX_ATTEMPTS)).orElse("6")),
                Duration.ofMillis(Long.parseLong(
                        Optional.ofNullable(string(configs, BACKOFF_MS)).orElse("200"))),
                Duration.ofMillis(Long.parseLong(
                        Optional.ofNullable(string(configs, REQUEST_TIMEOUT_MS)).orElse("10000"))));
    }

    /** "Bearer TOKEN" from a static token; the other sources (OAuth) are refused by name. */
    private static Optional<String> bearer(Map<String, ?> configs) {
        String source = firstOf(configs, BEARER_SOURCE, "schema.registry." + BEARER_SOURCE);
        if (source == null) {
            return Optional.empty();
        }
        if (!source.trim().equalsIgnoreCase("STATIC_TOKEN")) {
            throw new IllegalArgumentException(
                    "Unsupported " + BEARER_SOURCE + ": " + source + " (copydesk supports STATIC_TOKEN)");
        }
        String token = firstOf(configs, BEARER_TOKEN, "schema.registry." + BEARER_TOKEN);
        if (token == null) {
            throw new IllegalArgumentException(BEARER_SOURCE + "=STATIC_TOKEN needs " + BEARER_TOKEN);
        }
        return Optional.of("Bearer " + token.trim());
    }

    /** The scope of a {@code mock://scope} URL, if this configuration points at an in-memory registry. */
    public Optional<String> mockScope() {
        String first = urls.get(0);
        return first.startsWith("mock://") ? Optional.of(first.substring("mock://".length())) : Optional.empty();
    }

    private static String firstOf(Map<String, ?> configs, String... keys) {
        for (String key : keys) {
            String value = string(configs, key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String string(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value == null ? null : value.toString();
    }
}
