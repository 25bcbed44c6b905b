package dev.copydesk.bench;

import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.enrich.DocumentFrequencies;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throws hostile inputs at the whole clean-and-enrich step (text and HTML paths: normalisation, mojibake repair,
 * cleaning or extraction, fingerprint, language, dateline, entities, keywords) and counts what escapes. Run:
 * {@code java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.copydesk.bench.Fuzz [inputs] [seed]} from the
 * repository root. Exit 1 if any input threw or took longer than the hang limit.
 */
public final class Fuzz {

    /** One input taking longer than this is reported as a hang. */
    static final long HANG_MS = 10_000;

    public record Result(long inputs, long failures, long hangs, long slowestMs, long maxHeapMb) {}

    public static void main(String[] args) throws Exception {
        long inputs = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        long t0 = System.nanoTime();
        Result r = run(inputs, seed, true);
        System.out.printf(
                "fuzz: %d inputs (seed %d) through clean+enrich, text and HTML: %d exceptions, %d hangs (> %d ms), "
                        + "slowest %d ms, heap peak %d MB, %.0f s%n",
                r.inputs(),
                seed,
                r.failures(),
                r.hangs(),
                HANG_MS,
                r.slowestMs(),
                r.maxHeapMb(),
                (System.nanoTime() - t0) / 1e9);
        System.exit(r.failures() + r.hangs() == 0 ? 0 : 1);
    }

    public static Result run(long inputs, long seed, boolean progress) throws Exception {
        String story = Files.readString(Path.of(
                Files.isDirectory(Path.of("samples")) ? "samples" : "../samples", "wire", "000_37dfc94a614f9a67.txt"));
        FuzzInputs generator = new FuzzInputs(seed, story);
        ArticleBuilder builder = new ArticleBuilder();
        DocumentFrequencies frequencies = DocumentFrequencies.inMemory();
        var memory = ManagementFactory.getMemoryMXBean();
        long failures = 0;
        long hangs = 0;
        long slowest = 0;
        long maxHeap = 0;
        AtomicLong current = new AtomicLong(-1);
        for (long n = 0; n < inputs; n++) {
            String input = generator.next(n);
            current.set(n);
            for (ContentType type : ContentType.values()) {
                long start = System.nanoTime();
                try {
                    builder.build(
                            RawArticle.newBuilder()
                                    .setId("fuzz-" + n)
                                    .setSourceRef("fuzz")
                                    .setReceivedAt(Instant.EPOCH)
                                    .setContentType(type)
                                    .setText(input)
                                    .build(),
                            Instant.EPOCH,
                            frequencies);
                } catch (RuntimeException | StackOverflowError e) {
                    failures++;
                    if (failures <= 5) {
                        System.err.printf("input %d (%s, %d chars) threw %s%n", n, type, input.length(), e);
                    }
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                slowest = Math.max(slowest, ms);
                if (ms > HANG_MS) {
                    hangs++;
                    System.err.printf("input %d (%s, %d chars) took %d ms%n", n, type, input.length(), ms);
                }
            }
            if (n % 1000 == 0) {
                maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed() / 1048576);
                if (n % 100_000 == 0 && progress) {
                    System.err.printf(
                            "fuzz: %d inputs, %d exceptions, %d hangs, slowest %d ms%n", n, failures, hangs, slowest);
                }
            }
        }
        return new Result(inputs, failures, hangs, slowest, maxHeap);
    }
}
