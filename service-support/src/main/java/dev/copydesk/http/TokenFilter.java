package dev.copydesk.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * An optional shared secret in front of copydesk's read-only HTTP endpoints (metrics, dashboard): accepted as
 * {@code Authorization: Bearer <token>} (Prometheus scrapes, scripts), as {@code ?token=} on a page load (a
 * browser), which then sets an HttpOnly, SameSite=Strict cookie so the page's own requests carry it. Compared in
 * constant time. Without a configured token the endpoints answer everyone on the address they bind (loopback by
 * default).
 */
public final class TokenFilter extends Filter {

    private static final String COOKIE = "copydesk_token";
    private final byte[] token;

    public TokenFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null
                && header.startsWith("Bearer ")
                && matches(header.substring(7).strip())) {
            chain.doFilter(exchange);
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("token=")
                        && matches(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8))) {
                    exchange.getResponseHeaders()
                            .add(
                                    "Set-Cookie",
                                    COOKIE + "=" + new String(token, StandardCharsets.UTF_8)
                                            + "; HttpOnly; SameSite=Strict; Path=/");
                    chain.doFilter(exchange);
                    return;
                }
            }
        }
        List<String> cookies = exchange.getRequestHeaders().get("Cookie");
        if (cookies != null) {
            for (String line : cookies) {
                for (String cookie : line.split(";")) {
                    String c = cookie.strip();
                    if (c.startsWith(COOKIE + "=") && matches(c.substring(COOKIE.length() + 1))) {
                        chain.doFilter(exchange);
                        return;
                    }
                }
            }
        }
        byte[] body = "{\"error\": \"a token is required\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private boolean matches(String candidate) {
        return MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), token);
    }

    @Override
    public String description() {
        return "copydesk bearer token";
    }
}
