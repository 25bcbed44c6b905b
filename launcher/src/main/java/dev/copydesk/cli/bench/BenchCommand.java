package dev.copydesk.cli.bench;

import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.ingest.InputDecoder;
import dev.copydesk.ingest.RawInput;
import dev.copydesk.sample.SyntheticWire;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.streams.EnrichConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The measuring stick: in one run, on the same records, the physical limit (produce + consume of the bytes), a
 * pass-through Kafka Streams app (same partitions, exactly-once), the full copydesk pipeline (enrich-streams and
 * the sink into SQLite, or PostgreSQL with --db) per thread count, and end-to-end latency at a fixed offered rate.
 * Writes bench.json and report.html under the results folder; the last line is for scripts.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = {StreamBenchCommand.class, AlertBenchCommand.class},
        description =
                "End-to-end throughput and latency against the physical limit, in one run (embedded broker unless --bootstrap-server).")
public final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--articles",
            description =
                    "Articles per throughput stage (default 30000; fewer make the fast stages, "
                            + "done in a few transactions, hard to time, and leave the full pipeline's stage to the JIT's last compilations).")
    int articles = 30000;

    @Option(names = "--dup-rate", description = "Share of exact and near copies (default 0.2).")
    double dupRate = 0.2;

    @Option(names = "--size", description = "Story size in bytes; 0 draws 1-8 KB (default 4096).")
    int size = 4096;

    @Option(names = "--partitions", description = "Partitions of every topic (default 4).")
    int partitions = 4;

    @Option(
            names = "--threads",
            split = ",",
            description =
                    "Stream threads for the full pipeline, e.g. 1,2,4,8 (default: as enrich-streams runs, one per core up to 8).")
    List<Integer> threads =
            List.of(Integer.parseInt(EnrichConfig.DEFAULTS.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)));

    @Option(names = "--rate", description = "Offered rate for the latency stage, articles/s (default 500).")
    int rate = 500;

    @Option(names = "--latency-seconds", description = "How long the latency stage offers load (default 20).")
    int latencySeconds = 20;

    @Option(
            names = "--warmup",
            description = "Articles run through a full pipeline before any stage is measured, so the JIT has "
                    + "compiled broker, Streams, enrichment and sink code as in a service that has been running (default 20000, about a "
                    + "minute on two cores; 0 for none).")
    int warmup = 20000;

    @Option(
            names = "--latency-warmup",
            description = "Seconds the latency stage offers load before it measures (default 5); "
                    + "their p99 is reported apart as start-up.")
    int latencyWarmup = 5;

    @Option(
            names = "--db",
            paramLabel = "JDBC-URL",
            description = "Sink into PostgreSQL (jdbc:postgresql://...; a fresh schema per stage) instead of SQLite.")
    String db;

    @Option(names = "--results", description = "Folder for bench.json and report.html (default bench-results).")
    Path results = Path.of("bench-results");

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws Exception {
        checkHeap(Runtime.getRuntime().maxMemory());
        Path out = results.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path workDir = Files.createDirectories(out.resolve("work"));
        BenchTarget.Opened opened = target.open(workDir);
        Map<String, Object> clients = opened.clients();
        try {
            return measure(new BenchCluster(clients, workDir, partitions, db), out);
        } finally {
            opened.close();
            deleteRecursively(workDir);
        }
    }

    /**
     * Every stage replays the same generated copy, so it is held in memory: refuse up front, with what to change,
     * a run that would end in an OutOfMemoryError minutes in (200,000 warm-up articles did, in the default 1 GB).
     */
    void checkHeap(long maxHeapBytes) {
        long perArticle = 3L * (size == 0 ? 4608 : size); // the story's text, its Avro record, the generator's copy
        long needed = ((long) articles + warmup) * perArticle + (256L << 20); // plus the embedded broker and registry
        if (needed > maxHeapBytes) {
            throw new IllegalArgumentException(String.format(
                    "--articles %d and --warmup %d need about %d MB of heap, this JVM has %d MB:"
                            + " use fewer articles, or give it more (COPYDESK_JAVA_OPTS=-Xmx%dg)",
                    articles, warmup, needed >> 20, maxHeapBytes >> 20, (needed >> 30) + 1));
        }
    }

    private int measure(BenchCluster cluster, Path out) throws Exception {
        // a running service has its language profiles and gazetteers loaded: load them before any clock starts
        new ArticleBuilder()
                .build(
                        RawArticle.newBuilder()
                                .setId("warm")
                                .setSourceRef("warm.txt")
                                .setReceivedAt(Instant.now())
                                .setContentType(ContentType.TEXT)
                                .setText(
                                        "SEOUL, Nov. 13 (Yonhap) -- Defense Minister Shin Won-sik met US Defense Secretary Lloyd Austin on Monday.")
                                .build(),
                        Instant.now());
        SyntheticWire corpus = new SyntheticWire();
        List<byte[]> records = encode(cluster.clients(), corpus.generate(articles, dupRate, size, 1));
        long bytes = records.stream().mapToLong(r -> r.length).sum();
        double bytesPerArticle = (double) bytes / articles;
        say(
                "%d articles, %.1f MB, %d partitions, dup rate %.2f, sizes %s",
                articles, bytes / 1e6, partitions, dupRate, size == 0 ? "1-8 KB" : size + " B");
        StageMeter meter = new StageMeter();
        RawPipeStage rawPipe = new RawPipeStage(cluster);
        FullPipelineStage fullPipeline = new FullPipelineStage(cluster);

        if (warmup > 0) {
            // a short stage on a cold JVM measures the JIT as much as copydesk: on two cores C2 spends most of a
            // core for the first minute compiling broker, client, Streams and enrichment code
            long start = System.nanoTime();
            meter.measure("warmup", () -> {
                List<byte[]> warm = encode(cluster.clients(), corpus.generate(warmup, dupRate, size, 99));
                fullPipeline.run(warm, threads.get(0), "warm");
                return rawPipe.run(warm, "pipe-warm");
            });
            say(
                    "0. warm-up: %d articles through the full pipeline and the raw pipe in %.0f s (not measured; JIT %.2f cores)",
                    warmup, (System.nanoTime() - start) / 1e9, meter.jit("warmup"));
            say("   %s", meter.describeCpu("warmup"));
        }
        StageResult raw = meter.measure("raw", () -> rawPipe.run(records, "pipe"));
        say(
                "1. raw produce+consume:      %8.0f articles/s  %6.1f MB/s  (JIT %.2f cores)",
                raw.perSecond(), raw.megabytesPerSecond(bytesPerArticle), meter.jit("raw"));
        say("   %s", meter.describeCpu("raw"));
        StageResult pass =
                meter.measure("passThrough", () -> new PassThroughStage(cluster).run(records, threads.get(0)));
        say(
                "2. pass-through streams:     %8.0f articles/s  %6.1f MB/s  (EOS, %d thread%s; JIT %.2f cores)",
                pass.perSecond(),
                pass.megabytesPerSecond(bytesPerArticle),
                threads.get(0),
                threads.get(0) == 1 ? "" : "s",
                meter.jit("passThrough"));
        say("   %s", meter.describeCpu("passThrough"));
        List<PipelineResult> full = new ArrayList<>();
        for (int t : threads) {
            PipelineResult f = meter.measure("full" + t, () -> fullPipeline.run(records, t, "t" + t));
            say(
                    "3. full pipeline, %d thread%s: %8.0f articles/s  %6.1f MB/s  (enrich-streams alone %.0f/s; JIT %.2f cores)",
                    t,
                    t == 1 ? " " : "s",
                    f.fullPerSecond(),
                    f.fullPerSecond() * bytesPerArticle / 1e6,
                    f.enrichPerSecond(),
                    meter.jit("full" + t));
            say("   %s", meter.describeCpu("full" + t));
            full.add(f);
        }
        LatencyResult latency = meter.measure(
                "latency",
                () -> new LatencyStage(cluster)
                        .run(
                                corpus,
                                rate,
                                latencyWarmup,
                                latencySeconds,
                                size,
                                threads.get(0),
                                out.resolve("latency.csv")));
        say(
                "4. end-to-end latency at %d/s offered: p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  (%d articles after %d s of start-up, "
                        + "whose p99 was %.0f ms; JIT %.2f cores)",
                rate,
                latency.p50(),
                latency.p95(),
                latency.p99(),
                latency.samples(),
                latencyWarmup,
                latency.startUpP99(),
                meter.jit("latency"));
        say("   %s", meter.describeCpu("latency"));

        BenchReport report = new BenchReport(
                new BenchReport.Workload(articles, bytes / 1e6, partitions, dupRate, size),
                raw,
                pass,
                full,
                latency,
                meter);
        report.write(out);
        System.out.println("results: " + out.resolve("bench.json") + ", " + out.resolve("report.html"));
        System.out.printf(
                "full/pass-through = %.2f  full/raw = %.2f  p99 = %.0f ms%n",
                report.fullOverPassThrough(), report.fullOverRaw(), latency.p99());
        return 0;
    }

    /** The records as they sit on articles.raw: Confluent-framed Avro RawArticles. */
    static List<byte[]> encode(Map<String, Object> clients, List<SyntheticWire.Copy> copies) {
        InputDecoder decoder = new InputDecoder(8 * 1024 * 1024);
        var serializer = AvroSerdes.specific(RawArticle.class, clients, false).serializer();
        List<byte[]> out = new ArrayList<>();
        for (SyntheticWire.Copy c : copies) {
            RawArticle article = decoder.decode(
                            new RawInput(c.name(), c.text().getBytes(StandardCharsets.UTF_8)), Instant.now())
                    .article();
            out.add(serializer.serialize("bench-raw", article));
        }
        return out;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // the work folder is scratch space: leaving it behind is harmless
        }
    }
}
