package dev.copydesk.cli.bench;

import dev.copydesk.avro.RawArticle;
import dev.copydesk.ingest.InputDecoder;
import dev.copydesk.ingest.RawInput;
import dev.copydesk.sample.SyntheticWire;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end latency: articles offered at a fixed rate for the start-up seconds and then the measured seconds, each
 * timed from its publish to its row in the sink's database. The percentiles are over the later ones, what a running
 * pipeline does; the start-up p99 over the first ones (a fresh app opening its stores, joining its group, compiling).
 */
final class LatencyStage {

    private final BenchCluster cluster;
    private final FullPipelineStage pipelines;

    LatencyStage(BenchCluster cluster) {
        this.cluster = cluster;
        this.pipelines = new FullPipelineStage(cluster);
    }

    LatencyResult run(
            SyntheticWire corpus, int rate, int startUpSeconds, int seconds, int size, int streamThreads, Path csv)
            throws Exception {
        int skipped = rate * startUpSeconds;
        int n = skipped + rate * seconds;
        List<SyntheticWire.Copy> copies = corpus.generate(n, 0, size, 2);
        FullPipelineStage.Pipeline pipeline = pipelines.pipeline("lat", streamThreads);
        String raw = pipeline.raw();
        InputDecoder decoder = new InputDecoder(8 * 1024 * 1024);
        var serializer =
                AvroSerdes.specific(RawArticle.class, cluster.clients(), false).serializer();
        Map<String, Long> sentAt = new HashMap<>();
        Set<String> startUpIds = new HashSet<>();
        FullPipelineStage.running(pipeline, () -> {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    cluster.producerSettings(5), new StringSerializer(), new ByteArraySerializer())) {
                Thread.sleep(3000); // let both join their groups: the latency of a rebalance is not the pipeline's
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    RawArticle article = decoder.decode(
                                    new RawInput(
                                            "lat/" + i + ".txt",
                                            copies.get(i).text().getBytes(StandardCharsets.UTF_8)),
                                    Instant.now())
                            .article();
                    sentAt.put(article.getId(), System.currentTimeMillis());
                    if (i < skipped) {
                        startUpIds.add(article.getId());
                    }
                    producer.send(new ProducerRecord<>(raw, article.getId(), serializer.serialize(raw, article)));
                }
                producer.flush();
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (BenchCluster.count(pipeline.jdbc(), "SELECT COUNT(*) FROM articles") < n
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            return null;
        });
        List<Long> latencies = new ArrayList<>();
        List<Long> startUp = new ArrayList<>();
        StringBuilder rows = new StringBuilder("sent_ms,stored_ms,latency_ms\n"); // latency over time, for stalls
        try (Connection c = Database.connect(pipeline.jdbc());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, stored_at_ms FROM articles ORDER BY stored_at_ms")) {
            while (rs.next()) {
                String id = rs.getString(1);
                long stored = rs.getLong(2);
                Long sent = sentAt.get(id);
                if (sent != null) {
                    (startUpIds.contains(id) ? startUp : latencies).add(stored - sent);
                    rows.append(sent)
                            .append(',')
                            .append(stored)
                            .append(',')
                            .append(stored - sent)
                            .append('\n');
                }
            }
        }
        Files.writeString(csv, rows);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no article of the latency stage was stored");
        }
        long[] first = startUp.stream().mapToLong(Long::longValue).sorted().toArray();
        return new LatencyResult(
                rate,
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                sorted.length,
                startUpSeconds,
                first.length == 0 ? 0 : percentile(first, 0.99));
    }

    static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
