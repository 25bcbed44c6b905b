package dev.copydesk.sink;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.metrics.Metrics;
import dev.copydesk.registry.RegistryUnreachableException;
import dev.copydesk.registry.SchemaRegistryClient;
import dev.copydesk.registry.SchemaRegistryClients;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.store.ArticleStore;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's consumer loop: {@code articles.enriched} and {@code articles.duplicates} into the database, exactly
 * once. Each batch's rows (one poll's records, or with {@code copydesk.sink.linger.ms} the polls until the batch is
 * full or the linger is over) and the consumer positions after it are committed in one database transaction; on
 * assignment the consumer seeks to the positions stored there. Kafka's group offsets are committed afterwards
 * only so that lag can be watched; they are never trusted on start. A record that cannot be decoded is
 * dead-lettered (acknowledged by Kafka before the batch commits) so nothing is skipped silently.
 */
public final class SinkRunner implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SinkRunner.class);

    private final SinkConfig config;
    private final ArticleStore store;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, DeadLetter> dlqProducer;
    private final KafkaClientMetrics consumerMetrics;
    private static final Timer BATCH_TIME = Metrics.stage("sink", "store-batch");
    private final Deserializer<Article> articles;
    private final Deserializer<DuplicateNotice> notices;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private volatile Throwable failure;
    /** The partitions this instance owns now (kept by the rebalance listener, read from any thread). */
    private volatile Set<TopicPartition> assignment = Set.of();
    /** Positions of the last committed batch, to skip writing when an empty poll moved nothing. */
    private Map<TopicPartition, Long> lastWritten = Map.of();

    public SinkRunner(SinkConfig config) throws SQLException {
        this.config = config;
        this.store = new ArticleStore(config.jdbcUrl(), config.groupId());
        Map<String, Object> settings = config.clientSettings();
        SchemaRegistryClient registry = SchemaRegistryClients.create(settings);
        this.articles =
                AvroSerdes.specific(Article.class, registry, settings, false).deserializer();
        this.notices = AvroSerdes.specific(DuplicateNotice.class, registry, settings, false)
                .deserializer();
        this.consumer =
                new KafkaConsumer<>(config.consumerSettings(), new StringDeserializer(), new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(Metrics.registry());
        Map<String, Object> producerSettings = new HashMap<>(settings);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerSettings.put(ProducerConfig.CLIENT_ID_CONFIG, "copydesk-sink-dlq");
        this.dlqProducer = new KafkaProducer<>(
                producerSettings,
                new StringSerializer(),
                AvroSerdes.specific(DeadLetter.class, registry, settings, false).serializer());
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(config.enrichedTopic(), config.duplicatesTopic()), new SeekToStoredOffsets());
            while (running.get()) {
                List<ConsumerRecord<String, byte[]>> batch = gatherBatch();
                try {
                    writeBatch(batch);
                } catch (SQLException e) {
                    if (!ArticleStore.isTransient(e)) {
                        throw e;
                    }
                    waitForDatabase(e);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failure = e;
            }
        } catch (SQLException e) {
            failure = e;
            log.error(
                    "sink stopped: the database refused a batch ({}); nothing of it was committed and the stored "
                            + "offsets still point before it, so a restart resumes there",
                    e.getMessage());
        } catch (RuntimeException e) {
            failure = e;
            log.error("sink stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** One poll's records, or with a linger the polls until the batch is full or the linger since its first record is over. */
    private List<ConsumerRecord<String, byte[]>> gatherBatch() {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        consumer.poll(config.pollTimeout()).forEach(batch::add);
        long linger = config.linger().toNanos();
        if (linger > 0 && !batch.isEmpty()) {
            long deadline = System.nanoTime() + linger;
            for (long left = linger;
                    left > 0 && running.get() && batch.size() < config.batchSize();
                    left = deadline - System.nanoTime()) {
                consumer.poll(Duration.ofNanos(left)).forEach(batch::add);
            }
        }
        return batch;
    }

    private void writeBatch(List<ConsumerRecord<String, byte[]>> records) throws SQLException {
        List<Article> batchArticles = new ArrayList<>();
        List<DuplicateNotice> batchNotices = new ArrayList<>();
        List<Future<?>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                if (r.value() == null) {
                    throw new IllegalArgumentException("null value");
                }
                if (r.topic().equals(config.enrichedTopic())) {
                    batchArticles.add(articles.deserialize(r.topic(), r.value()));
                } else {
                    batchNotices.add(notices.deserialize(r.topic(), r.value()));
                }
            } catch (RuntimeException e) {
                if (RegistryUnreachableException.isCause(e)) {
                    // not a bad record: nothing of this batch is written and no offset moves; the sink stops loudly
                    throw new IllegalStateException(
                            "Schema Registry unreachable while reading " + r.topic() + "[" + r.partition() + "]@"
                                    + r.offset() + "; stopping before this batch, nothing dead-lettered: "
                                    + e.getMessage(),
                            e);
                }
                deadLetters.add(dlqProducer.send(new ProducerRecord<>(config.dlqTopic(), r.key(), deadLetter(r, e))));
                Metrics.deadLetters("sink", "sink", "deserialization-failed").increment();
            }
        }
        for (var f : deadLetters) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(
                        "could not dead-letter an undecodable record; stopping before its offset is committed", e);
            }
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            positions.put(tp, consumer.position(tp));
        }
        if (records.isEmpty() && positionsUnchanged(positions)) {
            return;
        }
        long start = System.nanoTime();
        store.write(batchArticles, batchNotices, positions);
        BATCH_TIME.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        Metrics.records("sink", "store", "article").increment(batchArticles.size());
        Metrics.records("sink", "store", "duplicate-notice").increment(batchNotices.size());
        lastWritten = positions;
        batches.incrementAndGet();
        Map<TopicPartition, OffsetAndMetadata> forLag = new HashMap<>();
        positions.forEach((tp, offset) -> forLag.put(tp, new OffsetAndMetadata(offset)));
        consumer.commitAsync(forLag, null);
    }

    private boolean positionsUnchanged(Map<TopicPartition, Long> positions) {
        return positions.equals(lastWritten);
    }

    /**
     * The database is gone for now: the batch was rolled back and no offset moved. Stay in the group (paused, still
     * polling), reconnect with backoff, then re-read from the offsets the database holds.
     */
    private void waitForDatabase(SQLException cause) throws SQLException {
        log.warn(
                "sink: the database is unavailable (SQLState {}: {}); the batch was rolled back and no offset "
                        + "advanced; waiting for it to come back",
                cause.getSQLState(),
                brief(cause));
        consumer.pause(consumer.assignment());
        long backoff = 200;
        while (running.get()) {
            consumer.poll(Duration.ofMillis(backoff)); // paused: returns nothing, keeps the membership alive
            try {
                store.reconnect();
                break;
            } catch (SQLException e) {
                if (!ArticleStore.isTransient(e)) {
                    throw e;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
        seekToStoredOffsets(consumer.assignment());
        consumer.resume(consumer.assignment());
        outages.incrementAndGet();
        log.warn("sink: the database is back; resuming from the stored offsets");
    }

    /** The first line of the deepest cause, shortened: drivers quote whole statements, values included. */
    private static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return message.length() > 160 ? message.substring(0, 160) + "..." : message;
    }

    /** How many database outages the sink has waited out. */
    public long outagesSurvived() {
        return outages.get();
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> r, Exception e) {
        return DeadLetter.newBuilder()
                .setStage("sink")
                .setReason("deserialization-failed")
                .setErrorClass(e.getClass().getName())
                .setErrorMessage(String.valueOf(e.getMessage()))
                .setTopic(r.topic())
                .setPartition(r.partition())
                .setOffset(r.offset())
                .setOriginalKey(r.key() == null ? null : ByteBuffer.wrap(r.key().getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(r.value() == null ? null : ByteBuffer.wrap(r.value()))
                .setFailedAt(Instant.now())
                .build();
    }

    /** Puts the partitions' positions where the database says (the beginning where it holds none). */
    private void seekToStoredOffsets(Collection<TopicPartition> partitions) throws SQLException {
        Map<TopicPartition, Long> stored = store.storedOffsets();
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long next = stored.get(tp);
            if (next != null) {
                consumer.seek(tp, next);
            } else {
                fresh.add(tp);
            }
        }
        if (!fresh.isEmpty()) {
            consumer.seekToBeginning(fresh);
        }
        lastWritten = Map.of();
    }

    /** On assignment, resume where the database says, not where Kafka's group offsets say. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            try {
                seekToStoredOffsets(partitions);
                assignment = Set.copyOf(consumer.assignment());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read stored offsets: " + e.getMessage(), e);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to flush or drop, lingering or not: a batch's positions are read from the assignment when it is
            // written, and its rows are upserts by id, collapsed per id within a batch. Records gathered from a
            // revoked partition are rewritten unchanged by its new owner, from the offsets stored with its rows.
            Set<TopicPartition> kept = new HashSet<>(assignment);
            kept.removeAll(partitions);
            assignment = Set.copyOf(kept);
        }
    }

    /** The partitions this instance owns: with several sinks in one group, each owns some. */
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    public long batchesWritten() {
        return batches.get();
    }

    /** Why the loop stopped, if it failed. */
    public Throwable failure() {
        return failure;
    }

    public ArticleStore store() {
        return store;
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }

    /** Releases the database and the DLQ producer once the loop has returned. */
    public void release() throws SQLException {
        consumerMetrics.close();
        dlqProducer.close(Duration.ofSeconds(5));
        store.close();
    }
}
