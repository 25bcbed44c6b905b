package dev.copydesk.cli.bench;

import dev.copydesk.cli.PipelineProgress;
import dev.copydesk.sink.SinkConfig;
import dev.copydesk.sink.SinkRunner;
import dev.copydesk.streams.EnrichApp;
import dev.copydesk.streams.EnrichConfig;
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
        String rowCount = "SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM duplicates)";
        return running(pipeline, () -> {
            try (PipelineProgress progress = new PipelineProgress(cluster.clients())) {
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                long enrichFirst = 0;
                long consumedAtFirst = 0;
                long enrichDone = 0;
                long rows = 0;
                long expected = -1;
                while (System.nanoTime() < deadline) {
                    if (enrichFirst == 0) {
                        Map<TopicPartition, Long> committed = progress.groupOffsets(pipeline.appId());
                        if (!committed.isEmpty()) {
                            enrichFirst = System.nanoTime();
                            consumedAtFirst = committed.entrySet().stream()
                                    .filter(e -> e.getKey().topic().equals(pipeline.raw()))
                                    .mapToLong(Map.Entry::getValue)
                                    .sum();
                        }
                    } else if (enrichDone == 0 && progress.streamsCaughtUp(pipeline.raw(), pipeline.appId())) {
                        enrichDone = System.nanoTime();
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
                BenchCluster.check(rows, expected, "full pipeline");
                return new PipelineResult(
                        streamThreads,
                        Delivery.steady(records.size() - consumedAtFirst, enrichFirst, enrichDone),
                        Delivery.steady(records.size() - consumedAtFirst, enrichFirst, System.nanoTime()));
            }
        });
    }
}
