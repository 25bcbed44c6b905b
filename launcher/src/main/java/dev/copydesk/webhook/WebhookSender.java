package dev.copydesk.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs one alert to a webhook: JSON body, {@code Idempotency-Key} (the alert id, the same on every attempt and
 * every redelivery), {@code X-Copydesk-Signature: sha256=<hex HMAC-SHA256 of the body>} when the watchlist has a
 * secret. A 2xx is delivered. A 5xx, 408, 429, a timeout or a refused connection is retried with doubling backoff
 * up to the attempts allowed; any other answer (a 4xx: the receiver refuses this alert) fails at once.
 */
public final class WebhookSender {

    public static final String SIGNATURE_HEADER = "X-Copydesk-Signature";

    /** What became of one alert: delivered after some attempts, or failed with the last reason. */
    public record Outcome(boolean delivered, int attempts, String reason) {}

    /** Called before each retry: the attempt that failed and why. */
    public interface RetryListener {
        void retrying(int failedAttempt, String reason);
    }

    private final HttpClient http;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration timeout;

    public WebhookSender(int maxAttempts, Duration firstBackoff, Duration timeout) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("webhook attempts must be at least 1, not " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Outcome send(
            URI url,
            byte[] body,
            String idempotencyKey,
            String watchlist,
            Optional<String> secret,
            RetryListener retries)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header("X-Copydesk-Watchlist", watchlist)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        secret.ifPresent(s -> request.header(SIGNATURE_HEADER, "sha256=" + sign(s, body)));
        HttpRequest built = request.build();
        Duration backoff = firstBackoff;
        String reason = "";
        for (int attempt = 1; ; attempt++) {
            boolean retryable;
            try {
                HttpResponse<Void> response = http.send(built, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Outcome(true, attempt, "HTTP " + status);
                }
                reason = "HTTP " + status;
                retryable = status >= 500 || status == 408 || status == 429;
            } catch (IOException e) {
                reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                retryable = true;
            }
            if (!retryable || attempt >= maxAttempts) {
                return new Outcome(false, attempt, reason);
            }
            retries.retrying(attempt, reason);
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2);
        }
    }

    /** Lower-case hex HMAC-SHA256 of the body under the secret: what a receiver recomputes to verify a delivery. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
