package dev.copydesk.ingest;

import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.metrics.Metrics;
import dev.copydesk.serde.AvroSerdes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes inputs to {@code articles.raw} as {@link RawArticle}s keyed by id: idempotent producer, acks=all,
 * zstd. A rejected input (empty, binary, too large, undecodable, unreadable, refused by Kafka) is reported with
 * its reason and does not stop the others.
 */
public final class ArticlePublisher implements AutoCloseable {

    private final IngestConfig config;
    private final KafkaProducer<String, RawArticle> producer;
    private final InputDecoder decoder;
    private final Clock clock;
    private final KafkaClientMetrics producerMetrics;

    public ArticlePublisher(IngestConfig config) {
        this(config, Clock.systemUTC());
    }

    public ArticlePublisher(IngestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.decoder = new InputDecoder(config.maxBytes());
        Map<String, Object> settings = new HashMap<>(producerDefaults());
        settings.putAll(config.clientSettings()); // the user's Kafka settings win
        this.producer = new KafkaProducer<>(
                settings,
                new StringSerializer(),
                AvroSerdes.specific(RawArticle.class, settings, false).serializer());
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(Metrics.registry());
    }

    static Map<String, Object> producerDefaults() {
        return Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024),
                ProducerConfig.CLIENT_ID_CONFIG, "copydesk-ingest");
    }

    /** Publishes every input and waits until Kafka has acknowledged or refused each one. */
    public IngestReport publish(List<InputSource> inputs, Consumer<String> progress) {
        List<String> published = Collections.synchronizedList(new ArrayList<>());
        List<Rejection> rejected = Collections.synchronizedList(new ArrayList<>());
        int done = 0;
        for (InputSource input : inputs) {
            byte[] bytes;
            try {
                bytes = input.read(config.maxBytes());
            } catch (NoSuchFileException e) {
                rejected.add(new Rejection(input.sourceRef(), "unreadable: no such file"));
                continue;
            } catch (IOException e) {
                rejected.add(new Rejection(input.sourceRef(), "unreadable: " + e.getMessage()));
                continue;
            }
            InputDecoder.Result result = decoder.decode(new RawInput(input.sourceRef(), bytes), clock.instant());
            if (!result.accepted()) {
                rejected.add(new Rejection(input.sourceRef(), result.rejection()));
                continue;
            }
            RawArticle article = result.article();
            try {
                producer.send(new ProducerRecord<>(config.topic(), article.getId(), article), (metadata, error) -> {
                    if (error == null) {
                        published.add(article.getId());
                        PUBLISHED.increment();
                    } else {
                        rejected.add(new Rejection(input.sourceRef(), "not published: " + error));
                    }
                });
            } catch (RuntimeException e) { // serialisation or registry failure for this record
                rejected.add(new Rejection(input.sourceRef(), "not published: " + e.getMessage()));
            }
            if (++done % 1000 == 0) {
                progress.accept("sent " + done + " of " + inputs.size());
            }
        }
        producer.flush();
        synchronized (rejected) {
            rejected.forEach(r -> countRejection(r.reason()));
        }
        return new IngestReport(List.copyOf(published), List.copyOf(rejected));
    }

    /** The outcome of publishing one input synchronously. */
    public record Outcome(Status status, String id, String reason) {
        public enum Status {
            PUBLISHED,
            TOO_LARGE,
            REJECTED,
            UNAVAILABLE
        }
    }

    /**
     * Publishes one input and waits for Kafka's acknowledgement, at most {@code timeout}: for callers that must
     * answer someone (the HTTP endpoint). Extra metadata is added to the record's metadata map; a declared
     * content type replaces the one guessed from the name and the text.
     */
    public Outcome publishNow(
            RawInput input, Map<String, String> extraMetadata, Optional<ContentType> declared, Duration timeout) {
        if (input.bytes().length > config.maxBytes()) {
            countRejection("too large");
            return new Outcome(
                    Outcome.Status.TOO_LARGE,
                    null,
                    "too large: " + input.bytes().length + " bytes, the limit is " + config.maxBytes());
        }
        InputDecoder.Result result = decoder.decode(input, clock.instant());
        if (!result.accepted()) {
            countRejection(result.rejection());
            return new Outcome(Outcome.Status.REJECTED, null, result.rejection());
        }
        RawArticle article = result.article();
        declared.ifPresent(article::setContentType); // what the sender says beats the guess from name and text
        if (!extraMetadata.isEmpty()) {
            Map<String, String> metadata =
                    new HashMap<>(article.getMetadata() == null ? Map.of() : article.getMetadata());
            metadata.putAll(extraMetadata);
            article.setMetadata(metadata);
        }
        try {
            producer.send(new ProducerRecord<>(config.topic(), article.getId(), article))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            PUBLISHED.increment();
            return new Outcome(Outcome.Status.PUBLISHED, article.getId(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.Status.UNAVAILABLE, null, "interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            Metrics.records("ingest", "publish", "unavailable").increment();
            return new Outcome(Outcome.Status.UNAVAILABLE, null, "Kafka did not acknowledge: " + cause);
        }
    }

    private static final Counter PUBLISHED = Metrics.records("ingest", "publish", "published");

    /** Rejections counted by the kind of reason: the words before the colon ("too large", "binary", "not published"). */
    private static void countRejection(String reason) {
        Metrics.records(
                        "ingest",
                        "publish",
                        "rejected-" + reason.split(":")[0].strip().replace(' ', '-'))
                .increment();
    }

    @Override
    public void close() {
        producerMetrics.close();
        producer.close(Duration.ofSeconds(10));
    }
}
