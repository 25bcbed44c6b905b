package dev.copydesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** RSS and Atom feeds served by a local HTTP server, polled into the real broker. */
@ExtendWith(KafkaStackExtension.class)
class FeedPollerIT {

    @TempDir
    Path dir;

    private static final String FULL =
            "LONDON, Dec 1 (Reuters) - The Bank of England kept interest rates unchanged on Thursday. ".repeat(10);

    static String rss(String base, boolean withThird) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Wire</title><link>%1$s</link><description>test</description>
                <item><title>Rates held</title><link>%1$s/rates</link><guid>rates-1</guid><description>Short teaser.</description>
                <content:encoded><![CDATA[<p>%2$s</p>]]></content:encoded></item>
                <item><title>Ferry strike</title><link>%1$s/ferry.html</link><guid>ferry-1</guid><description>Crews walked off.</description></item>
                %3$s
                </channel></rss>
                """.formatted(
                        base,
                        FULL,
                        withThird
                                ? "<item><title>Third</title><link>" + base
                                        + "/third.html</link><guid>third-1</guid><description>New.</description></item>"
                                : "");
    }

    static String atom(String base) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:wire</id><updated>2026-11-27T10:00:00Z</updated>
                <entry><title>Atom story</title><id>urn:atom-1</id><link href="%1$s/atom-story"/><updated>2026-11-27T10:00:00Z</updated>
                <content type="html"><![CDATA[<p>%2$s</p>]]></content></entry></feed>
                """.formatted(base, FULL.replace("Bank of England", "European Central Bank"));
    }

    @Test
    void newItemsArePublishedOnceAndNothingIsFetchedTwice(TestStack stack) throws Exception {
        String topic = "feeds-" + UUID.randomUUID().toString().substring(0, 8);
        ArticlePublisherIT.createTopic(stack, topic);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        AtomicReference<String> rssBody = new AtomicReference<>(rss(base, false));
        AtomicInteger notModified = new AtomicInteger();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String etag = "\"" + Integer.toHexString(rssBody.get().hashCode()) + "\"";
            byte[] body;
            int status = 200;
            if (path.equals("/rss.xml")) {
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
                exchange.getResponseHeaders().add("ETag", etag);
                body = rssBody.get().getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/atom.xml")) {
                body = atom(base).getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith(".html")) {
                body = ("<html><head><title>Page</title></head><body><article><h1>Page " + path + "</h1><p>"
                                + "PARIS (AFP) - Crews walked off the job on Thursday, halting every sailing across the bay, officials said. "
                                        .repeat(5)
                                + path + "</p></article></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = new byte[0];
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            IngestConfig config = new IngestConfig(ArticlePublisherIT.settings(stack, topic, 1 << 20));
            Path state = dir.resolve("feeds.state");
            List<URI> feeds = List.of(
                    URI.create(base + "/rss.xml"), URI.create(base + "/atom.xml"), URI.create(base + "/missing.xml"));
            List<String> log = new ArrayList<>();
            try (ArticlePublisher publisher = new ArticlePublisher(config)) {
                FeedPoller poller = new FeedPoller(feeds, publisher, state);
                FeedPoller.Poll first = poller.poll(log::add);
                assertThat(first.published()).isEqualTo(3); // rates (full text), ferry (page), atom story (full text)
                assertThat(first.failedFeeds()).isEqualTo(1); // the 404 feed, reported
                FeedPoller.Poll second = poller.poll(log::add);
                assertThat(second.published()).isZero();
                assertThat(second.unchangedFeeds()).isEqualTo(1); // the RSS feed answered 304
            }
            assertThat(log).anyMatch(l -> l.contains("missing.xml failed"));
            assertThat(notModified.get()).isEqualTo(1);
            // restart: nothing again; then a new item appears and only it is published
            try (ArticlePublisher publisher = new ArticlePublisher(config)) {
                FeedPoller again = new FeedPoller(feeds, publisher, state);
                assertThat(again.poll(log::add).published()).isZero();
                rssBody.set(rss(base, true));
                assertThat(again.poll(log::add).published()).isEqualTo(1);
            }
            assertThat(hits.get("/ferry.html").get()).isEqualTo(1); // a page is fetched once
            assertThat(hits.get("/third.html").get()).isEqualTo(1);
            assertThat(hits).doesNotContainKey("/rates"); // its story came with the feed

            List<ConsumerRecord<String, byte[]>> records = ArticlePublisherIT.readAll(stack, topic, 4);
            var deserializer = AvroSerdes.specific(RawArticle.class, stack.clientSettings(), false)
                    .deserializer();
            List<String> refs = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                RawArticle a = deserializer.deserialize(topic, r.value());
                refs.add(a.getSourceRef());
                assertThat(a.getMetadata()).containsKey("feed");
            }
            assertThat(refs)
                    .containsExactlyInAnyOrder(
                            base + "/rates", base + "/ferry.html", base + "/atom-story", base + "/third.html");
        } finally {
            server.stop(0);
        }
    }
}
