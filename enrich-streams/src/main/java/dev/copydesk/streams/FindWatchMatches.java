package dev.copydesk.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.metrics.Metrics;
import dev.copydesk.watch.WatchMatch;
import dev.copydesk.watch.WatchMatcher;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Matches each prepared article against every watchlist, in the clean step where the raw topic's partitions spread
 * the work over every stream thread (after dedup, every story of a language meets one task: matching there ran on
 * one thread). The matches ride with the article as a record header through the dedup repartition; after dedup
 * {@link RaiseAlerts} turns those of new stories and versions into alerts, and duplicates' are dropped. A header
 * of that name arriving from outside is removed first, so no producer can forge an alert.
 */
final class FindWatchMatches implements FixedKeyProcessor<String, Step, Step> {

    static final String HEADER = "copydesk.watch.matches";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Timer MATCH_TIME = Metrics.stage("enrich", "watch-match");

    private final WatchMatcher matcher;
    private FixedKeyProcessorContext<String, Step> context;

    FindWatchMatches(WatchMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Step> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Step> record) {
        Headers headers = record.headers();
        headers.remove(HEADER);
        if (record.value() instanceof Step.Ok ok && matcher.size() > 0) {
            long start = System.nanoTime();
            List<WatchMatch> matches = matcher.match(ok.article());
            MATCH_TIME.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (!matches.isEmpty()) {
                try {
                    headers.add(HEADER, JSON.writeValueAsBytes(matches));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("watch matches do not serialise", e);
                }
            }
        }
        context.forward(record);
    }

    /** The matches a record carries, none when it has no header. */
    static List<WatchMatch> of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null) {
            return List.of();
        }
        try {
            return JSON.readValue(header.value(), new TypeReference<List<WatchMatch>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("a watch-matches header that does not decode", e);
        }
    }

    /** Removes the header before a record leaves for a public topic: it is the topology's, not the contract's. */
    static final class Strip<V> implements FixedKeyProcessor<String, V, V> {
        private FixedKeyProcessorContext<String, V> context;

        @Override
        public void init(FixedKeyProcessorContext<String, V> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, V> record) {
            record.headers().remove(HEADER);
            context.forward(record);
        }
    }
}
