package dev.copydesk.streams;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.DuplicateKind;
import dev.copydesk.avro.DuplicateNotice;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Exact deduplication. Records arrive keyed by content hash (so every copy of a body meets on one partition);
 * the store remembers the first article id per hash. The first copy goes on; a later copy under another id is a
 * duplicate; the same id again (a re-sent input) goes on unchanged, so re-running an ingest is idempotent
 * downstream. Output is keyed by article id again.
 */
final class ExactDedup implements Processor<String, Article, String, Step> {

    private final String storeName;
    private final Clock clock;
    private KeyValueStore<String, String> firstIdByHash;
    private ProcessorContext<String, Step> context;

    ExactDedup(String storeName, Clock clock) {
        this.storeName = storeName;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Step> context) {
        this.context = context;
        this.firstIdByHash = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        String hash = article.getContentHash();
        String firstId = firstIdByHash.get(hash);
        if (firstId == null) {
            firstIdByHash.put(hash, article.getId());
            firstId = article.getId();
        }
        if (firstId.equals(article.getId())) {
            context.forward(record.withKey(article.getId()).withValue(new Step.Ok(article)));
            return;
        }
        DuplicateNotice notice = DuplicateNotice.newBuilder()
                .setId(article.getId())
                .setSourceRef(article.getSourceRef())
                .setDuplicateOf(firstId)
                .setKind(DuplicateKind.EXACT)
                .setSimilarity(1.0)
                .setStoryId(firstId)
                .setDetectedAt(clock.instant())
                .build();
        context.forward(record.withKey(article.getId()).withValue(new Step.Duplicate(notice)));
    }
}
