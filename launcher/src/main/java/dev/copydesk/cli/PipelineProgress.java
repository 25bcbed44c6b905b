package dev.copydesk.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the pipeline has caught up: the streams application has committed past the end of
 * {@code articles.raw}, and the sink's stored positions (from the database) have reached the last committed
 * offsets of the topics it reads.
 */
public final class PipelineProgress implements AutoCloseable {

    private final Admin admin;

    public PipelineProgress(Map<String, Object> clientSettings) {
        this.admin = Admin.create(clientSettings);
    }

    /** Last committed (read_committed) end offsets of every partition of the topics. */
    Map<TopicPartition, Long> endOffsets(List<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((name, description) -> description
                        .partitions()
                        .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get()
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    public Map<TopicPartition, Long> groupOffsets(String groupId) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> out = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get();
        committed.forEach((tp, om) -> {
            if (om != null) {
                out.put(tp, om.offset());
            }
        });
        return out;
    }

    static boolean reached(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> positions) {
        return ends.entrySet().stream()
                .allMatch(e -> e.getValue() == 0 || positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /**
     * Whether the streams app has consumed everything committed on its input and on its own repartition topics:
     * the raw topic can be fully consumed while records still wait between the two sub-topologies.
     */
    public boolean streamsCaughtUp(String rawTopic, String streamsGroup)
            throws ExecutionException, InterruptedException {
        List<String> inputs = new ArrayList<>(List.of(rawTopic));
        admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(streamsGroup + "-") && t.endsWith("-repartition"))
                .forEach(inputs::add);
        return reached(endOffsets(inputs), groupOffsets(streamsGroup));
    }

    /** Waits until the streams group and the sink have consumed everything committed so far. */
    void awaitCaughtUp(
            String rawTopic,
            String streamsGroup,
            List<String> sinkTopics,
            Supplier<Map<TopicPartition, Long>> sinkPositions,
            Supplier<String> failure,
            Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int stableRounds = 0;
        while (System.nanoTime() < deadline) {
            String failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException(failed);
            }
            boolean streamsDone = streamsCaughtUp(rawTopic, streamsGroup);
            boolean sinkDone = streamsDone && reached(endOffsets(sinkTopics), sinkPositions.get());
            stableRounds = sinkDone ? stableRounds + 1 : 0;
            if (stableRounds >= 2) { // twice in a row: nothing was still in flight between the two stages
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the pipeline did not catch up within " + timeout.toSeconds() + " s");
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
