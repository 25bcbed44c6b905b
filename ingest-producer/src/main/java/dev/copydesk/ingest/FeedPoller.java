package dev.copydesk.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.copydesk.avro.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Polls RSS and Atom feeds (Rome parses every dialect) and publishes each new item once, with its link as
 * {@code sourceRef}. An item that carries its full story ({@code content:encoded}, Atom content) is published
 * from the feed; one that only teases is published from its page, fetched once. Nothing is fetched twice: feeds
 * are asked with {@code If-None-Match}/{@code If-Modified-Since}, and the items already published are kept in a
 * state file, so a restart re-sends nothing.
 */
public final class FeedPoller {

    /** Below this many characters an item's own text is a teaser, and its page is fetched instead. */
    static final int FULL_TEXT_CHARS = 600;

    /** What one poll of all feeds did. */
    public record Poll(int published, int rejected, int unchangedFeeds, int failedFeeds) {}

    private final List<URI> feeds;
    private final ArticlePublisher publisher;
    private final Path stateFile;
    private final HttpClient http;
    private final Duration timeout = Duration.ofSeconds(30);
    private final Set<String> published = new HashSet<>();
    private final Map<URI, String[]> validators = new HashMap<>(); // ETag, Last-Modified

    public FeedPoller(List<URI> feeds, ArticlePublisher publisher, Path stateFile) {
        this.feeds = List.copyOf(feeds);
        this.publisher = publisher;
        this.stateFile = stateFile;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout)
                .build();
        loadState();
    }

    public void run(Duration every, Consumer<String> progress) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            Poll poll = poll(progress);
            progress.accept(String.format(
                    "polled %d feeds: %d published, %d rejected, %d unchanged, %d failed",
                    feeds.size(), poll.published(), poll.rejected(), poll.unchangedFeeds(), poll.failedFeeds()));
            Thread.sleep(every.toMillis());
        }
    }

    public Poll poll(Consumer<String> progress) throws InterruptedException {
        int done = 0;
        int rejected = 0;
        int unchanged = 0;
        int failed = 0;
        for (URI feed : feeds) {
            Optional<Fetched> parsed;
            try {
                parsed = fetchFeed(feed);
            } catch (IOException | FeedException | RuntimeException e) {
                progress.accept("feed " + feed + " failed: " + e.getMessage());
                failed++;
                continue;
            }
            if (parsed.isEmpty()) {
                unchanged++;
                continue;
            }
            boolean retryLater = false;
            for (SyndEntry entry : parsed.get().feed().getEntries()) {
                String key = itemKey(entry);
                if (key == null || published.contains(feed + "\t" + key)) {
                    continue;
                }
                Optional<ArticlePublisher.Outcome> outcome = publish(feed, entry, progress);
                if (outcome.isEmpty()) {
                    retryLater = true; // its page could not be fetched: try again on the next poll
                    continue;
                }
                switch (outcome.get().status()) {
                    case PUBLISHED -> {
                        done++;
                        remember(feed, key);
                    }
                    case UNAVAILABLE -> {
                        retryLater = true;
                        progress.accept("item " + key + " not published, will retry: "
                                + outcome.get().reason());
                    }
                    default -> {
                        rejected++;
                        progress.accept(
                                "item " + key + " rejected: " + outcome.get().reason());
                        remember(feed, key); // the same bytes would be rejected again
                    }
                }
            }
            // only a feed handled in full may be asked "changed since?" next time, or a retry would never come
            Fetched f = parsed.get();
            if (!retryLater && (f.etag() != null || f.lastModified() != null)) {
                validators.put(feed, new String[] {f.etag(), f.lastModified()});
                append("validators\t" + feed + "\t" + (f.etag() == null ? "" : f.etag()) + "\t"
                        + (f.lastModified() == null ? "" : f.lastModified()));
            }
        }
        return new Poll(done, rejected, unchanged, failed);
    }

    private record Fetched(SyndFeed feed, String etag, String lastModified) {}

    private Optional<Fetched> fetchFeed(URI feed) throws IOException, FeedException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(feed).timeout(timeout).header("User-Agent", "copydesk");
        String[] v = validators.get(feed);
        if (v != null && v[0] != null) {
            request.header("If-None-Match", v[0]);
        }
        if (v != null && v[1] != null) {
            request.header("If-Modified-Since", v[1]);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 304) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false); // no external entities from a feed
        return Optional.of(new Fetched(
                input.build(new XmlReader(new ByteArrayInputStream(response.body()))),
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null)));
    }

    private Optional<ArticlePublisher.Outcome> publish(URI feed, SyndEntry entry, Consumer<String> progress)
            throws InterruptedException {
        String link = entry.getLink() != null ? entry.getLink() : itemKey(entry);
        String title = entry.getTitle() == null ? "" : entry.getTitle();
        String content = entry.getContents().stream()
                .map(SyndContent::getValue)
                .filter(s -> s != null && !s.isBlank())
                .reduce((a, b) -> a.length() >= b.length() ? a : b)
                .orElse(
                        entry.getDescription() == null
                                ? ""
                                : entry.getDescription().getValue());
        byte[] page;
        Map<String, String> metadata = new HashMap<>();
        metadata.put("feed", feed.toString());
        if (entry.getPublishedDate() != null) {
            metadata.put("feedPublished", entry.getPublishedDate().toInstant().toString());
        }
        if (content != null && content.length() >= FULL_TEXT_CHARS || entry.getLink() == null) {
            page = ("<html><head><title>" + escape(title) + "</title></head><body><article><h1>" + escape(title)
                            + "</h1>" + (content == null ? "" : content) + "</article></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            metadata.put("from", "feed");
        } else {
            try {
                HttpResponse<byte[]> response = http.send(
                        HttpRequest.newBuilder(URI.create(link))
                                .timeout(timeout)
                                .header("User-Agent", "copydesk")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    progress.accept("page " + link + ": HTTP " + response.statusCode() + ", will retry");
                    return Optional.empty();
                }
                page = response.body();
                metadata.put("from", "page");
            } catch (IOException | IllegalArgumentException e) {
                progress.accept("page " + link + " failed, will retry: " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(
                publisher.publishNow(new RawInput(link, page), metadata, Optional.of(ContentType.HTML), timeout));
    }

    private static String itemKey(SyndEntry entry) {
        if (entry.getUri() != null && !entry.getUri().isBlank()) {
            return entry.getUri();
        }
        return entry.getLink();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void remember(URI feed, String key) {
        published.add(feed + "\t" + key);
        append("item\t" + feed + "\t" + key);
    }

    private void append(String line) {
        try {
            Files.writeString(
                    stateFile,
                    line.replace("\n", " ") + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feed state " + stateFile, e);
        }
    }

    private void loadState() {
        if (!Files.exists(stateFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("item") && f.length >= 3) {
                    published.add(f[1] + "\t" + f[2]);
                } else if (f[0].equals("validators") && f.length >= 4) {
                    validators.put(
                            URI.create(f[1]),
                            new String[] {f[2].isEmpty() ? null : f[2], f[3].isEmpty() ? null : f[3]});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feed state " + stateFile, e);
        }
    }
}
