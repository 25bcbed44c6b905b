package dev.copydesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.metrics.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token in front of the metrics endpoint (the dashboard uses the same filter). */
class TokenFilterTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withATokenOnlyItsHoldersAreAnswered() throws Exception {
        try (Metrics.Endpoint endpoint =
                Metrics.serve("127.0.0.1", 0, Optional.of("t0ken")).orElseThrow()) {
            String url = "http://127.0.0.1:" + endpoint.port() + "/metrics";
            assertThat(get(url).statusCode()).isEqualTo(401);
            assertThat(get(url, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(get(url, "Authorization", "Bearer t0ken").statusCode()).isEqualTo(200);
            HttpResponse<String> browser = get(url + "?token=t0ken");
            assertThat(browser.statusCode()).isEqualTo(200);
            String cookie = browser.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
            assertThat(get(url, "Cookie", cookie.split(";")[0]).statusCode()).isEqualTo(200);
            assertThat(get(url, "Cookie", "copydesk_token=nope").statusCode()).isEqualTo(401);
        }
        try (Metrics.Endpoint open =
                Metrics.serve("127.0.0.1", 0, Optional.empty()).orElseThrow()) {
            assertThat(get("http://127.0.0.1:" + open.port() + "/metrics").statusCode())
                    .isEqualTo(200);
        }
    }
}
