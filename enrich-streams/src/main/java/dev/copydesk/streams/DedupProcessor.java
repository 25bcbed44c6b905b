package dev.copydesk.streams;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.DuplicateKind;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.dedup.Decision;
import dev.copydesk.dedup.DedupSettings;
import dev.copydesk.dedup.Deduplicator;
import dev.copydesk.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs the {@link Deduplicator} on articles of one dedup scope (all copies that could match meet on one
 * partition) and turns its decisions into output: a new story or a re-sent article goes to articles.enriched; an
 * exact copy only to articles.duplicates; a near duplicate to both (policy VERSION) or only to duplicates (DROP).
 * Expiry runs on stream time, so state stays bounded by the retention window. Output is keyed by article id.
 */
final class DedupProcessor implements Processor<String, Article, String, Step> {

    private final DedupSettings settings;
    private final Duration expiryInterval;
    private final Clock clock;
    private Deduplicator dedup;
    private ProcessorContext<String, Step> context;

    DedupProcessor(DedupSettings settings, Duration expiryInterval, Clock clock) {
        this.settings = settings;
        this.expiryInterval = expiryInterval;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Step> context) {
        this.context = context;
        this.dedup = new Deduplicator(settings, new StoreDedupState(context));
        context.schedule(expiryInterval, PunctuationType.STREAM_TIME, dedup::expire);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        Decision decision =
                dedup.decide(article.getId(), article.getContentHash(), article.getBody(), record.timestamp());
        Record<String, Step> out = record.withKey(article.getId()).withValue(null);
        outcome(decision).increment();
        if (decision instanceof Decision.NewStory) {
            context.forward(out.withValue(new Step.Ok(article)));
        } else if (decision instanceof Decision.Resent resent) {
            article.setStoryId(resent.storyId());
            article.setVersion(resent.version());
            context.forward(out.withValue(new Step.Ok(article)));
        } else if (decision instanceof Decision.Exact exact) {
            EXACT_DUPLICATES.increment();
            context.forward(out.withValue(new Step.Duplicate(
                    notice(article, exact.duplicateOf(), exact.storyId(), DuplicateKind.EXACT, 1.0, 1.0, 0))));
        } else if (decision instanceof Decision.Near near) {
            NEAR_DUPLICATES.increment();
            boolean emitted = settings.policy() == DedupSettings.NearDuplicatePolicy.VERSION;
            if (emitted) {
                article.setStoryId(near.storyId());
                article.setVersion(near.version());
                context.forward(out.withValue(new Step.Ok(article)));
            }
            context.forward(out.withValue(new Step.Duplicate(notice(
                    article,
                    near.duplicateOf(),
                    near.storyId(),
                    DuplicateKind.NEAR,
                    near.jaccard(),
                    near.containment(),
                    emitted ? near.version() : 0))));
        }
    }

    // looked up once: a meter lookup per record builds its id and tags on the hot path
    private static final Counter NEW_STORY = Metrics.records("enrich", "dedup", "new-story");
    private static final Counter RESENT = Metrics.records("enrich", "dedup", "resent");
    private static final Counter EXACT = Metrics.records("enrich", "dedup", "exact-duplicate");
    private static final Counter NEAR = Metrics.records("enrich", "dedup", "near-duplicate");
    private static final Counter EXACT_DUPLICATES = Metrics.duplicates("exact");
    private static final Counter NEAR_DUPLICATES = Metrics.duplicates("near");

    private static Counter outcome(Decision decision) {
        if (decision instanceof Decision.NewStory) {
            return NEW_STORY;
        }
        if (decision instanceof Decision.Resent) {
            return RESENT;
        }
        return decision instanceof Decision.Exact ? EXACT : NEAR;
    }

    private DuplicateNotice notice(
            Article article,
            String duplicateOf,
            String storyId,
            DuplicateKind kind,
            double similarity,
            double containment,
            int version) {
        return DuplicateNotice.newBuilder()
                .setId(article.getId())
                .setSourceRef(article.getSourceRef())
                .setDuplicateOf(duplicateOf)
                .setKind(kind)
                .setSimilarity(similarity)
                .setContainment(containment)
                .setVersion(version)
                .setStoryId(storyId)
                .setDetectedAt(clock.instant())
                .build();
    }
}
