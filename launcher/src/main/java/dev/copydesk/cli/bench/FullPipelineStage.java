package dev.copydesk.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.copydesk.cli.PipelineProgress;
import dev.copydesk.sink.SinkConfig;
import dev.copydesk.sink.SinkRunner;
import dev.copydesk.streams.EnrichApp;
import dev.copydesk.streams.EnrichConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;

/** The whole copydesk pipeline, enrich-streams and the sink, on topics and a database of its own. */
final class FullPipelineStage {

    /** One full copydesk pipeline of the bench: its topics, its streams app and its sink's database. */
    record Pipeline(String raw, String dlq, String appId, String jdbc, EnrichConfig enrich, SinkConfig sink) {

        String alerts() {
            return enrich.alertsTopic();
        }

        String watchlists() {
            return enrich.watchlistsTopic();
        }
    }

    private final BenchCluster cluster;

    FullPipelineStage(BenchCluster cluster) {
        this.cluster = cluster;
    }

    Pipeline pipeline(String suffix, int streamThreads) throws Exception {
        String raw = cluster.topic("raw-" + suffix);
        cluster.create(
                raw,
                cluster.topic("enriched-" + suffix),
                cluster.topic("duplicates-" + suffix),
                cluster.topic("dlq-" + suffix),
                cluster.topic("alerts-" + suffix),
                cluster.topic("watchlists-" + suffix));
        Map<String, String> common = new HashMap<>();
        cluster.clients().forEach((k, v) -> common.put(k, String.valueOf(v)));
        common.put("copydesk.topic.raw", raw);
        common.put("copydesk.topic.enriched", cluster.topic("enriched-" + suffix));
        common.put("copydesk.topic.duplicates", cluster.topic("duplicates-" + suffix));
        common.put("copydesk.topic.dlq", cluster.topic("dlq-" + suffix));
        common.put("copydesk.topic.alerts", cluster.topic("alerts-" + suffix));
        common.put("copydesk.topic.watchlists", cluster.topic("watchlists-" + suffix));
        String appId = "bench-enrich-" + suffix + "-" + cluster.run();
        Map<String, String> e = new HashMap<>(common);
        e.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        e.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(streamThreads));
        e.put(
                StreamsConfig.STATE_DIR_CONFIG,
                cluster.workDir().resolve("state-" + suffix).toString());
        e.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        String jdbc = cluster.database(suffix);
        Map<String, String> s = new HashMap<>(common);
        s.put(SinkConfig.DB, jdbc);
        s.put("group.id", "bench-sink-" + suffix + "-" + cluster.run());
        return new Pipeline(
                raw,
                cluster.topic("dlq-" + suffix),
                appId,
                jdbc,
                EnrichConfig.load(Optional.empty(), Map.of(), e),
                SinkConfig.load(Optional.empty(), Map.of(), s));
    }

    /** Runs {@code work} while the pipeline's streams app and sink run, and stops both afterwards. */
    static <T> T running(Pipeline pipeline, StageMeter.Work<T> work) throws Exception {
        try (EnrichApp app = new EnrichApp(pipeline.enrich()).start()) {
            SinkRunner sink = new SinkRunner(pipeline.sink());
            Thread loop = new Thread(sink, "bench-sink");
            loop.start();
            try {
                return work.run();
            } finally {
                sink.close();
                loop.join(30_000);
                sink.release();
            }
        }
    }

    /**
     * Both rates over the same work: the raw records enrich-streams had not yet consumed at its first commit
     * (start-up left out), from that commit to its catching up (enrich-streams) or to the sink's last row (the
     * pipeline).
     */
    PipelineResult run(List<byte[]> records, int streamThreads, String name) throws Exception {
        return run(records, streamThreads, name, Map.of());
    }

    /** The same, with these watchlists (name to Avro Watchlist record) in force from the start. */
    PipelineResult run(List<byte[]> records, int streamThreads, String name, Map<String, byte[]> watchlists)
            throws Exception {
        Pipeline pipeline = pipeline(name, streamThreads);
        cluster.load(pipeline.watchlists(), watchlists);
        cluster.load(pipeline.raw(), records);
        // the broker's writes of the copy just loaded and the garbage of the run before settle first: without this,
        // whichever run of a pair went first cost 5-15% more CPU an article, with or without watchlists
        System.gc();
        Thread.sleep(3000);
        String rowCount = "SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM duplicates)";
        return running(pipeline, () -> {
            try (PipelineProgress progress = new PipelineProgress(cluster.clients())) {
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                long enrichFirst = 0;
                long cpuFirst = 0;
                long appCpuFirst = 0;
                long appCpu = 0;
                long consumedAtFirst = 0;
                long enrichDone = 0;
                long rows = 0;
                long expected = -1;
                while (System.nanoTime() < deadline) {
                    if (enrichFirst == 0) {
                        Map<TopicPartition, Long> committed = progress.groupOffsets(pipeline.appId());
                        if (!committed.isEmpty()) {
                            enrichFirst = System.nanoTime();
                            cpuFirst = processCpuNanos();
                            appCpuFirst = threadCpuNanos(pipeline.appId());
                            consumedAtFirst = committed.entrySet().stream()
                                    .filter(e -> e.getKey().topic().equals(pipeline.raw()))
                                    .mapToLong(Map.Entry::getValue)
                                    .sum();
                        }
                    } else if (enrichDone == 0 && progress.streamsCaughtUp(pipeline.raw(), pipeline.appId())) {
                        enrichDone = System.nanoTime();
                        appCpu = threadCpuNanos(pipeline.appId()) - appCpuFirst;
                        expected = records.size()
                                - cluster.consumeCount(pipeline.dlq(), Long.MAX_VALUE, Duration.ofSeconds(2));
                    }
                    if (expected >= 0 && (rows = BenchCluster.count(pipeline.jdbc(), rowCount)) >= expected) {
                        break; // the sink trails enrich-streams: its rows are only counted once there is a total to
                        // reach
                    }
                    Thread.sleep(20);
                }
                if (expected < 0) {
                    throw new IllegalStateException("enrich-streams did not consume " + pipeline.raw() + " in time");
                }
                long cpu = processCpuNanos() - cpuFirst;
                BenchCluster.check(rows, expected, "full pipeline");
                long measured = records.size() - consumedAtFirst;
                return new PipelineResult(
                        streamThreads,
                        Delivery.steady(measured, enrichFirst, enrichDone),
                        Delivery.steady(measured, enrichFirst, System.nanoTime()),
                        cpu / 1e3 / Math.max(1, measured),
                        appCpu / 1e3 / Math.max(1, measured));
            }
        });
    }

    /**
     * The CPU time of the whole process so far, every thread. On a shared two-core machine the wall-clock rate of two
     * runs of the same work differed by up to 26%; the CPU they cost differs far less, and what a stage adds to it is
     * what it takes from the throughput of a pipeline that uses all its cores.
     */
    /**
     * The CPU time of the streams app's own threads (stream threads, their producers, the global thread: every thread
     * named after the application id): the topology's work, without the broker's, the sink's, the collector's or the
     * compiler's, which made the process's CPU per article differ by 10-30% between two runs of the same work.
     */
    static long threadCpuNanos(String appId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains(appId)) {
                long cpu = threads.getThreadCpuTime(t.getId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }

    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
