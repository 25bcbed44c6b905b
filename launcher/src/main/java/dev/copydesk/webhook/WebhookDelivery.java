package dev.copydesk.webhook;

import dev.copydesk.avro.Alert;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.Watchlist;
import dev.copydesk.config.ServiceConfig;
import dev.copydesk.metrics.Metrics;
import dev.copydesk.serde.AvroDeserializer;
import dev.copydesk.serde.AvroJson;
import dev.copydesk.serde.AvroSerdes;
import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to their watchlists' webhooks, in a consumer group of its own ({@code copydesk.webhooks.group}),
 * so a slow or dead endpoint holds up deliveries and never the pipeline. It follows the watchlists topic for the
 * URLs and secrets, reads committed alerts, and commits a batch's offsets once each of its alerts was delivered
 * or dead-lettered: at least once, and a redelivery after a crash carries the same {@code Idempotency-Key}. An
 * alert whose deliveries all failed goes to the dead-letter topic (stage {@code webhook}) with the reason and its
 * bytes, where {@code copydesk dlq} shows it.
 */
public final class WebhookDelivery implements Runnable, AutoCloseable {

    public static final String GROUP = "copydesk.webhooks.group";
    public static final String MAX_ATTEMPTS = "copydesk.webhooks.max.attempts";
    public static final String BACKOFF_MS = "copydesk.webhooks.backoff.ms";
    public static final String TIMEOUT_MS = "copydesk.webhooks.timeout.ms";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final Counter DELIVERED = outcome("delivered");
    private static final Counter FAILED = outcome("failed");
    private static final Counter RETRIED = outcome("retried");

    private static Counter outcome(String outcome) {
        return Counter.builder("copydesk.webhook.deliveries")
                .description("Webhook delivery attempts' outcomes: delivered, retried, failed (dead-lettered)")
                .tag("outcome", outcome)
                .register(Metrics.registry());
    }

    private final ServiceConfig config;
    private final KafkaConsumer<String, byte[]> alerts;
    private final KafkaConsumer<String, byte[]> watchlistReader;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final AvroDeserializer<Alert> alertDecoder = new AvroDeserializer<>(Alert.class);
    private final AvroDeserializer<Watchlist> watchlistDecoder = new AvroDeserializer<>(Watchlist.class);
    private final org.apache.kafka.common.serialization.Serializer<DeadLetter> deadLetterEncoder;
    private final WebhookSender sender;
    private final Map<String, Watchlist> watchlists = new HashMap<>();
    private volatile boolean closed;
    private volatile Exception failure;

    public WebhookDelivery(ServiceConfig config) {
        this.config = config;
        Map<String, Object> clients = new HashMap<>(config.clientSettings());
        Map<String, Object> c = new HashMap<>(clients);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.get(GROUP, "copydesk-webhooks"));
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a batch is delivered one alert after another, each retried for up to attempts x timeout: small batches and
        // a long poll interval keep a dead endpoint from getting this member thrown out of its group mid-batch
        c.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        c.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 30 * 60 * 1000);
        this.alerts = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> w = new HashMap<>(clients);
        w.remove(ConsumerConfig.GROUP_ID_CONFIG);
        w.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        w.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.watchlistReader = new KafkaConsumer<>(w, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> p = new HashMap<>(clients);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.deadLetters = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        alertDecoder.configure(clients, false);
        watchlistDecoder.configure(clients, false);
        this.deadLetterEncoder =
                AvroSerdes.specific(DeadLetter.class, clients, false).serializer();
        this.sender = new WebhookSender(
                Integer.parseInt(config.get(MAX_ATTEMPTS, "5")),
                Duration.ofMillis(Long.parseLong(config.get(BACKOFF_MS, "500"))),
                Duration.ofMillis(Long.parseLong(config.get(TIMEOUT_MS, "10000"))));
    }

    @Override
    public void run() {
        try {
            String topic = config.watchlistsTopic();
            List<TopicPartition> partitions = watchlistReader.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            watchlistReader.assign(partitions);
            watchlistReader.seekToBeginning(partitions);
            catchUpWatchlists(); // every watchlist written so far, before the first alert
            alerts.subscribe(List.of(config.alertsTopic()));
            while (!closed) {
                followWatchlists(Duration.ZERO);
                ConsumerRecords<String, byte[]> batch = alerts.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    continue;
                }
                // an alert can only name a watchlist that was written before it: read up to now, so one added a
                // moment ago finds its webhook
                catchUpWatchlists();
                for (ConsumerRecord<String, byte[]> record : batch) {
                    deliver(record);
                }
                deadLetters.flush();
                alerts.commitSync();
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!closed) {
                failure = e;
                LOG.error("webhook delivery stopped", e);
            }
        } finally {
            alerts.close(Duration.ofSeconds(10));
            watchlistReader.close(Duration.ofSeconds(5));
            deadLetters.close(Duration.ofSeconds(10));
        }
    }

    /** Reads the watchlists topic up to its end as of now. */
    private void catchUpWatchlists() {
        var assigned = watchlistReader.assignment();
        var end = watchlistReader.endOffsets(assigned, Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (assigned.stream().anyMatch(p -> watchlistReader.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + config.watchlistsTopic() + " to its end in 30 s");
            }
            followWatchlists(Duration.ofMillis(200));
        }
    }

    private void followWatchlists(Duration wait) {
        for (ConsumerRecord<String, byte[]> r : watchlistReader.poll(wait)) {
            if (r.value() == null) {
                watchlists.remove(r.key());
                continue;
            }
            try {
                watchlists.put(r.key(), watchlistDecoder.deserialize(r.topic(), r.value()));
            } catch (RuntimeException e) {
                LOG.error("watchlist {} does not decode; its previous version stays: {}", r.key(), e.getMessage());
            }
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Alert alert;
        try {
            alert = alertDecoder.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            deadLetter(record, "undecodable-alert", e.getClass().getName(), e.getMessage());
            return;
        }
        if (alert == null) {
            return;
        }
        Watchlist w = watchlists.get(alert.getWatchlist());
        if (w == null || w.getWebhookUrl() == null) {
            return; // no webhook for this watchlist (or it was removed): the alert stays on the topic for readers
        }
        byte[] body = AvroJson.toJson(alert).toString().getBytes(StandardCharsets.UTF_8);
        WebhookSender.Outcome outcome = sender.send(
                URI.create(w.getWebhookUrl()),
                body,
                alert.getId(),
                alert.getWatchlist(),
                Optional.ofNullable(w.getSecret()),
                (attempt, reason) -> {
                    RETRIED.increment();
                    LOG.warn("webhook of {} failed ({}), attempt {}; retrying", alert.getWatchlist(), reason, attempt);
                });
        if (outcome.delivered()) {
            DELIVERED.increment();
        } else {
            FAILED.increment();
            deadLetter(
                    record,
                    "webhook-failed",
                    "WebhookDeliveryFailed",
                    w.getWebhookUrl() + " gave " + outcome.reason() + " after " + outcome.attempts() + " attempt"
                            + (outcome.attempts() == 1 ? "" : "s"));
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String errorClass, String message) {
        LOG.error("alert at {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(), message);
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage("webhook")
                .setReason(reason)
                .setErrorClass(errorClass)
                .setErrorMessage(String.valueOf(message))
                .setTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setOriginalKey(
                        record.key() == null
                                ? null
                                : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setFailedAt(Instant.now())
                .build();
        String dlq = config.dlqTopic();
        deadLetters.send(new ProducerRecord<>(dlq, record.key(), deadLetterEncoder.serialize(dlq, letter)));
    }

    public Exception failure() {
        return failure;
    }

    @Override
    public void close() {
        closed = true;
        alerts.wakeup();
    }
}
