package dev.copydesk.cli.bench;

import dev.copydesk.streams.EnrichConfig;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** A Kafka Streams app that copies the records through, exactly once, on the same partitions: what Streams itself costs. */
final class PassThroughStage {

    private final BenchCluster cluster;

    PassThroughStage(BenchCluster cluster) {
        this.cluster = cluster;
    }

    StageResult run(List<byte[]> records, int streamThreads) throws Exception {
        String in = cluster.topic("pass-in");
        String out = cluster.topic("pass-out");
        cluster.create(in, out);
        cluster.load(in, records);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties props = new Properties();
        props.putAll(cluster.clients());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-pass-" + cluster.run());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        // commits as often as enrich-streams does, so the two stages pay the same transaction overhead
        props.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                EnrichConfig.DEFAULTS.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                cluster.workDir().resolve("pass-state").toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            Delivery got = cluster.consumeTimed(out, records.size(), Duration.ofMinutes(10));
            BenchCluster.check(got.count(), records.size(), "pass-through");
            double perSecond = got.steadyRate();
            streams.close(Duration.ofSeconds(30));
            return new StageResult("passThrough", perSecond);
        }
    }
}
