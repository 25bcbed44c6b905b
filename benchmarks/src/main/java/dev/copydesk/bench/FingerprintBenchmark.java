package dev.copydesk.bench;

import dev.copydesk.dedup.BodyFingerprint;
import dev.copydesk.sample.SyntheticWire;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** The exact-duplicate fingerprint (fold + SHA-256) the clean stage puts on every article. Score = articles/s. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class FingerprintBenchmark {

    @Param({"2048", "4096"})
    public int bytes;

    private List<SyntheticWire.Copy> stories;

    @Setup
    public void generate() {
        stories = new SyntheticWire().generate(1000, 0.0, bytes, 7);
    }

    @Benchmark
    @OperationsPerInvocation(1000)
    public void fingerprint(Blackhole bh) {
        for (SyntheticWire.Copy story : stories) {
            bh.consume(BodyFingerprint.of(story.text()));
        }
    }
}
