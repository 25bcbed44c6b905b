package dev.copydesk.bench;

import dev.copydesk.dedup.BodyFingerprint;
import dev.copydesk.dedup.DedupSettings;
import dev.copydesk.dedup.DedupState;
import dev.copydesk.dedup.Deduplicator;
import dev.copydesk.dedup.InMemoryDedupState;
import dev.copydesk.sample.SyntheticWire;
import dev.copydesk.streams.StoreDedupState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The dedup stage as the topology's dedup processor runs it, single thread: shingles, MinHash sketch, LSH
 * lookups, verification and remembering, for 10,000 stories (20% exact copies and updates) per invocation, with
 * the state in the same RocksDB stores the topology uses (change-logging off: that cost is the broker's, measured
 * by the pipeline bench) or in memory. The content fingerprint comes with the article from the clean stage, as in
 * the topology (its own cost: {@link FingerprintBenchmark}). Score = articles per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Thread)
public class DedupBenchmark {

    static final int ARTICLES = 10_000;

    @Param({"rocksdb", "memory"})
    public String state;

    @Param({"2048", "4096"})
    public int bytes;

    private List<SyntheticWire.Copy> stories;
    private String[] fingerprints;
    private Path stateDir;
    private MockProcessorContext<Object, Object> context;
    private List<KeyValueStore<?, ?>> stores;
    private Deduplicator dedup;
    private long clock;

    @Setup(Level.Trial)
    public void generate() {
        stories = new SyntheticWire().generate(ARTICLES, 0.2, bytes, 42);
        fingerprints = stories.stream().map(s -> BodyFingerprint.of(s.text())).toArray(String[]::new);
    }

    @Setup(Level.Invocation)
    public void freshState() throws IOException {
        DedupState dedupState;
        if (state.equals("rocksdb")) {
            stateDir = Files.createTempDirectory("copydesk-bench-dedup");
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
            stores = new ArrayList<>();
            for (StoreBuilder<?> builder : StoreDedupState.storeBuilders()) {
                KeyValueStore<?, ?> store = (KeyValueStore<?, ?>)
                        builder.withLoggingDisabled().withCachingDisabled().build();
                store.init(context.getStateStoreContext(), store);
                context.addStateStore(store);
                stores.add(store);
            }
            dedupState = new StoreDedupState(context);
        } else {
            dedupState = new InMemoryDedupState();
        }
        dedup = new Deduplicator(DedupSettings.defaults(), dedupState);
    }

    @TearDown(Level.Invocation)
    public void closeState() throws IOException {
        if (stores != null) {
            stores.forEach(KeyValueStore::close);
            stores = null;
        }
        if (stateDir != null) {
            try (Stream<Path> walk = Files.walk(stateDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            stateDir = null;
        }
    }

    @Benchmark
    @OperationsPerInvocation(ARTICLES)
    public void dedupStage(Blackhole bh) {
        for (int i = 0; i < ARTICLES; i++) {
            SyntheticWire.Copy story = stories.get(i);
            bh.consume(dedup.decide(story.name(), fingerprints[i], story.text(), clock++));
        }
    }
}
