package dev.copydesk.cli.bench;

import java.time.Duration;
import java.util.List;

/** The physical limit: the records produced to a topic and consumed back, nothing in between. */
final class RawPipeStage {

    private final BenchCluster cluster;

    RawPipeStage(BenchCluster cluster) {
        this.cluster = cluster;
    }

    StageResult run(List<byte[]> records, String name) throws Exception {
        String topic = cluster.topic(name);
        cluster.create(topic);
        Thread producing = new Thread(
                () -> {
                    try {
                        cluster.load(topic, records);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "bench-driver-producer");
        producing.start();
        Delivery got = cluster.consumeTimed(topic, records.size(), Duration.ofMinutes(5));
        producing.join();
        BenchCluster.check(got.count(), records.size(), "raw pipe");
        return new StageResult(name, got.steadyRate());
    }
}
