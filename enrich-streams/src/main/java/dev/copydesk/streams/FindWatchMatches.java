package dev.copydesk.streams;

import dev.copydesk.metrics.Metrics;
import dev.copydesk.watch.WatchMatch;
import dev.copydesk.watch.WatchMatcher;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
                headers.add(HEADER, encode(matches));
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
            return decode(header.value());
        } catch (IOException e) {
            throw new IllegalStateException("a watch-matches header that does not decode", e);
        }
    }

    /**
     * The matches in a compact binary form: count, then per match its watchlist, score, snippet, terms and entities.
     * As JSON (Jackson, with a type reference) writing and reading the header cost as much as finding the matches,
     * at 21.6 matches a story in the bench. Strings are cut at {@link #MAX_CHARS}: writeUTF takes 64 KB at most.
     */
    static byte[] encode(List<WatchMatch> matches) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * matches.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(matches.size());
            for (WatchMatch m : matches) {
                out.writeUTF(cut(m.watchlist()));
                out.writeDouble(m.score());
                out.writeUTF(cut(m.snippet()));
                writeStrings(out, m.terms());
                writeStrings(out, m.entities());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does no I/O
        }
        return bytes.toByteArray();
    }

    static List<WatchMatch> decode(byte[] value) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
        int count = in.readInt();
        if (count < 0 || count > value.length) {
            throw new IOException("a watch-matches header of " + count + " matches in " + value.length + " bytes");
        }
        List<WatchMatch> matches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String watchlist = in.readUTF();
            double score = in.readDouble();
            String snippet = in.readUTF();
            matches.add(new WatchMatch(watchlist, readStrings(in), readStrings(in), snippet, score));
        }
        return matches;
    }

    private static final int MAX_CHARS = 16_000;

    private static String cut(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS);
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(cut(s));
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) {
            throw new IOException("a list of " + n + " strings in a watch-matches header");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
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
