package dev.copydesk.cli.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.copydesk.avro.Article;
import dev.copydesk.serde.AvroDeserializer;
import dev.copydesk.serde.AvroJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One subscriber's Server-Sent Events stream of a topic ({@code articles.enriched}, {@code articles.alerts}): a
 * consumer of its own (read committed,
 * assigned every partition, no group, so it commits nothing and no subscriber slows another or the pipeline) puts
 * the events its {@link Events} makes of the records (those that pass the client's filter) into a bounded buffer,
 * and the HTTP thread writes them out, each with the stream's position after it as its id. The reader waits while the buffer is full, so a client
 * catching up on a backlog is served at its own pace; one that takes nothing from a full buffer for the stall time
 * gets {@code event: dropped} with the reason and is disconnected, and may reconnect from its last event id.
 */
final class EventStream {

    /** How long the writer waits for an event before it sends a keep-alive comment (proxies close idle streams). */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    /** How long a dropped client's writer may take to deliver the notice before the connection is cut. */
    private static final Duration DROP_GRACE = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> clientSettings;
    private final String topic;
    private final int bufferEvents;
    private final Duration stall;
    private volatile boolean closed;

    /** What a client sees of a record: an event name and its JSON data, or nothing (filtered out, undecodable). */
    interface Events {
        /** @return {event name, JSON data}, or null to skip the record */
        String[] of(String key, byte[] value);
    }

    EventStream(Map<String, Object> clientSettings, String topic, int bufferEvents, Duration stall) {
        this.clientSettings = clientSettings;
        this.topic = topic;
        this.bufferEvents = bufferEvents;
        this.stall = stall;
    }

    /** Where a stream starts: after a last event id, or {@code from=beginning|now|<ISO instant>}. */
    record Start(StreamPosition resume, String from) {}

    /** Streams until the client goes away, falls too far behind, or the server closes; runs on the HTTP thread. */
    void serve(HttpExchange exchange, Events events, Start start) throws IOException {
        BlockingQueue<String> buffer = new ArrayBlockingQueue<>(bufferEvents + 1); // +1: room for the drop notice
        CountDownLatch written = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(
                () -> {
                    read(events, start, buffer, stop);
                    // a client that stopped reading holds the writer in a blocked write: end it after a grace
                    try {
                        if (!written.await(DROP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                            exchange.close();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "copydesk-sse-reader");
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        reader.setDaemon(true);
        reader.start();
        try (exchange) {
            write(out, "retry: 2000\n: copydesk " + topic + " stream\n\n");
            while (!closed) {
                String frame = buffer.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (frame == null) {
                    write(out, ": keep-alive\n\n");
                    continue;
                }
                write(out, frame);
                if (frame.startsWith("event: dropped") || frame.startsWith("event: error")) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: nothing to tell it
        } finally {
            stop.set(true); // the reader sees it within a poll and closes its consumer
            written.countDown();
        }
    }

    /**
     * Articles as events: {@code article} for a new story, {@code update} for a new version, the article as JSON
     * ({@link AvroJson}); those the filter refuses, and records that do not decode (the sink dead-letters those), are
     * skipped.
     */
    static Events articles(Map<String, Object> clientSettings, ArticleFilter filter) {
        AvroDeserializer<Article> articles = new AvroDeserializer<>(Article.class);
        articles.configure(clientSettings, false);
        return (key, value) -> {
            Article article;
            try {
                article = articles.deserialize(null, value);
            } catch (RuntimeException e) {
                return null;
            }
            if (article == null || !filter.matches(article)) {
                return null;
            }
            return new String[] {
                article.getVersion() > 1 ? "update" : "article",
                AvroJson.toJson(article).toString()
            };
        };
    }

    private static void write(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void read(Events events, Start start, BlockingQueue<String> buffer, AtomicBoolean stop) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1 << 20);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 << 20);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            seek(consumer, partitions, start);
            Map<Integer, Long> next = new HashMap<>();
            partitions.forEach(tp -> next.put(tp.partition(), consumer.position(tp)));
            while (!closed && !stop.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    next.put(record.partition(), record.offset() + 1);
                    String[] event = events.of(record.key(), record.value());
                    if (event == null) {
                        continue;
                    }
                    String frame = "id: " + new StreamPosition(next).encode() + "\nevent: " + event[0] + "\ndata: "
                            + event[1] + "\n\n";
                    if (!offer(buffer, frame, stop)) {
                        if (stop.get() || closed) {
                            return;
                        }
                        buffer.clear();
                        buffer.offer("event: dropped\ndata: "
                                + JSON.writeValueAsString(Map.of(
                                        "reason",
                                        "this client took nothing for " + stall.toMillis() + " ms with " + bufferEvents
                                                + " events waiting; reconnect with the last event id you got"))
                                + "\n\n");
                        return;
                    }
                }
            }
        } catch (InterruptException e) {
            // the stream ended
        } catch (Exception e) {
            buffer.clear();
            try {
                buffer.offer("event: error\ndata: "
                        + JSON.writeValueAsString(Map.of("reason", String.valueOf(e.getMessage()))) + "\n\n");
            } catch (IOException ignored) {
                // nothing more to tell
            }
        }
    }

    /**
     * Waits for room in the buffer while the client takes events; false when it took none for the stall time, or
     * the stream is stopping.
     */
    private boolean offer(BlockingQueue<String> buffer, String frame, AtomicBoolean stop) {
        long deadline = System.nanoTime() + stall.toNanos();
        try {
            while (!stop.get() && !closed) {
                if (buffer.offer(frame, 200, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void seek(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, Start start) {
        if (start.resume() != null) {
            for (TopicPartition tp : partitions) {
                Long offset = start.resume().next().get(tp.partition());
                if (offset == null) {
                    consumer.seekToBeginning(List.of(tp)); // a partition added since the id was given
                } else {
                    consumer.seek(tp, offset);
                }
            }
            return;
        }
        switch (start.from()) {
            case "beginning" -> consumer.seekToBeginning(partitions);
            case "now" -> consumer.seekToEnd(partitions);
            default -> {
                long at = Instant.parse(start.from()).toEpochMilli();
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(tp -> times.put(tp, at));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
                for (TopicPartition tp : partitions) {
                    OffsetAndTimestamp o = found.get(tp);
                    if (o == null) {
                        consumer.seekToEnd(List.of(tp));
                    } else {
                        consumer.seek(tp, o.offset());
                    }
                }
            }
        }
    }

    /** Ends every stream of this server: their writers stop at their next event or keep-alive. */
    void close() {
        closed = true;
    }
}
