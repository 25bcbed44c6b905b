package dev.copydesk.streams;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.metrics.Metrics;
import dev.copydesk.registry.RegistryUnreachableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes a raw record and builds its article. Decoding here rather than in the source serde keeps the original
 * bytes in hand, so any failure (bad framing, unknown schema id, corrupt Avro, a null value, an empty story, a bug)
 * becomes a dead letter with the bytes, the coordinates and the reason.
 */
final class PrepareArticle implements FixedKeyProcessor<String, byte[], Step> {

    private final Deserializer<RawArticle> rawDeserializer;
    private final ArticleBuilder builder;
    private final Clock clock;
    private FixedKeyProcessorContext<String, Step> context;

    private final int maxRecordBytes;

    PrepareArticle(Deserializer<RawArticle> rawDeserializer, ArticleBuilder builder, Clock clock, int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
        this.rawDeserializer = rawDeserializer;
        this.builder = builder;
        this.clock = clock;
    }

    private StoreDocumentFrequencies frequencies;

    @Override
    public void init(FixedKeyProcessorContext<String, Step> context) {
        this.context = context;
        this.frequencies = new StoreDocumentFrequencies(context.getStateStore(StoreDocumentFrequencies.STORE));
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> frequencies.flush());
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            fail(record, "deserialize", "null-value", null);
            return;
        }
        if (value.length > maxRecordBytes) {
            // its article would not fit the output topics, and cleaning megabytes of one "story" is no story
            fail(
                    record,
                    "deserialize",
                    "too-large",
                    new IllegalArgumentException("record of " + value.length + " bytes is over "
                            + EnrichConfig.MAX_RECORD_BYTES + " (" + maxRecordBytes + ")"));
            return;
        }
        RawArticle raw;
        try {
            raw = rawDeserializer.deserialize(
                    context.recordMetadata().map(m -> m.topic()).orElse(""), value);
        } catch (RuntimeException e) {
            if (RegistryUnreachableException.isCause(e)) {
                // not a bad record: stop (exactly-once aborts, the record stays on the topic) and let the operator
                // restart
                throw new IllegalStateException(
                        "Schema Registry unreachable while reading "
                                + context.recordMetadata()
                                        .map(m -> m.topic() + "[" + m.partition() + "]@" + m.offset())
                                        .orElse("a record")
                                + "; stopping without dead-lettering it: " + e.getMessage(),
                        e);
            }
            fail(record, "deserialize", "deserialization-failed", e);
            return;
        }
        try {
            long start = System.nanoTime();
            Optional<Article> article = builder.build(raw, clock.instant(), frequencies);
            CLEAN_TIME.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (article.isEmpty()) {
                fail(record, "clean", "empty-body", null);
            } else {
                CLEANED.increment();
                context.forward(record.withValue(new Step.Ok(article.get())));
            }
        } catch (RuntimeException e) {
            fail(record, "clean", "processing-failed", e);
        }
    }

    private static final Timer CLEAN_TIME = Metrics.stage("enrich", "clean");
    private static final Counter CLEANED = Metrics.records("enrich", "clean", "ok");
    private static final Counter DEAD_LETTERED = Metrics.records("enrich", "clean", "dead-letter");

    private void fail(FixedKeyRecord<String, byte[]> record, String stage, String reason, Throwable error) {
        DEAD_LETTERED.increment();
        Metrics.deadLetters("enrich", stage, reason).increment();
        context.forward(record.withValue(new Step.Failed(DeadLetters.of(
                stage, reason, error, context.recordMetadata(), record.key(), record.value(), clock.instant()))));
    }
}
