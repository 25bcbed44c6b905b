package dev.copydesk.cli.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Concurrent Server-Sent Events clients of one stream URL, each on a thread of its own as a real subscriber would
 * be: each counts the article events it reads and notes, per article id, the wall-clock time it received it.
 */
final class SseClients implements AutoCloseable {

    /** What one client saw: article ids with their receive times (ms), and when it had read {@code expected}. */
    static final class Client {
        final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        volatile long doneNanos;
        volatile String failure;
        final CountDownLatch opened = new CountDownLatch(1);
    }

    private final List<Client> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch done;
    private volatile boolean closed;

    /** Opens {@code count} streams of {@code url}; each stops after {@code expected} article events (0: never). */
    SseClients(String url, int count, int expected) {
        this.done = new CountDownLatch(count);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        for (int i = 0; i < count; i++) {
            Client client = new Client();
            clients.add(client);
            Thread t = new Thread(() -> read(http, url, client, expected), "bench-sse-client-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    private void read(HttpClient http, String url, Client client, int expected) {
        try {
            HttpResponse<java.io.InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                        + new String(response.body().readAllBytes()));
            }
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
                client.opened.countDown();
                String line;
                while (!closed && (line = in.readLine()) != null) {
                    if (line.startsWith("event: dropped") || line.startsWith("event: error")) {
                        client.failure = line + " " + in.readLine();
                        break;
                    }
                    if (line.startsWith("data: {\"id\":\"")) { // AvroJson writes the fields in schema order: id first
                        long now = System.currentTimeMillis();
                        int start = "data: {\"id\":\"".length();
                        client.receivedAt.putIfAbsent(line.substring(start, line.indexOf('"', start)), now);
                        if (expected > 0 && client.receivedAt.size() >= expected) {
                            client.doneNanos = System.nanoTime();
                            break;
                        }
                    }
                }
            }
        } catch (Exception e) {
            if (!closed) {
                client.failure = e.toString();
            }
        } finally {
            client.opened.countDown();
            done.countDown();
        }
    }

    List<Client> clients() {
        return clients;
    }

    /** Waits until every client has its stream open (response headers and the opening comment read). */
    void awaitOpen(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Client c : clients) {
            c.opened.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Waits for every client to finish; false at the deadline. */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The first failure any client met, or null. */
    String failure() {
        return clients.stream()
                .map(c -> c.failure)
                .filter(f -> f != null)
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
    }
}
