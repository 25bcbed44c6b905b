package dev.copydesk.cli;

import dev.copydesk.config.ServiceConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * One look at what flows: records per copydesk topic as a read-committed subscriber sees them ({@link RecordCounter}:
 * no transaction markers, no aborted records), and the lag of the streams app and the sink per partition, in
 * offsets as Kafka's own tools show it. Shared by {@code stats} and the dashboard.
 */
final class FlowStats {

    /** Lag of one consumer group: total, per partition, and whether it has committed anything. */
    record Lag(String group, long total, Map<String, Long> perPartition, boolean committed) {}

    /** Records per topic (-1 when the topic does not exist), and the two groups' lag. */
    record Snapshot(long at, Map<String, Long> records, Lag enrich, Lag sink) {}

    private FlowStats() {}

    static Snapshot take(Admin admin, RecordCounter counter, ServiceConfig config, String enrichGroup, String sinkGroup)
            throws ExecutionException, InterruptedException {
        List<String> topics =
                List.of(config.rawTopic(), config.enrichedTopic(), config.duplicatesTopic(), config.dlqTopic());
        Set<String> existing = admin.listTopics().names().get();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (!present.isEmpty()) {
            for (TopicDescription d :
                    admin.describeTopics(present).allTopicNames().get().values()) {
                d.partitions().forEach(p -> {
                    earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
                    latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                });
            }
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> first =
                admin.listOffsets(earliest).all().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> last =
                admin.listOffsets(latest).all().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> stable = admin.listOffsets(
                        latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get();
        Map<TopicPartition, Long> counted = counter.count(offsets(first), offsets(stable));
        Map<String, Long> records = new LinkedHashMap<>();
        for (String topic : topics) {
            long sum = 0;
            for (var e : counted.entrySet()) {
                if (e.getKey().topic().equals(topic)) {
                    sum += e.getValue();
                }
            }
            records.put(topic, existing.contains(topic) ? sum : -1);
        }
        return new Snapshot(
                System.currentTimeMillis(),
                records,
                lag(admin, enrichGroup, List.of(config.rawTopic()), last),
                lag(admin, sinkGroup, List.of(config.enrichedTopic(), config.duplicatesTopic()), last));
    }

    private static Map<TopicPartition, Long> offsets(
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> listed) {
        Map<TopicPartition, Long> out = new HashMap<>();
        listed.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private static Lag lag(
            Admin admin,
            String group,
            List<String> topics,
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> last)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<String, Long> perPartition = new LinkedHashMap<>();
        long total = 0;
        List<TopicPartition> partitions = new ArrayList<>(last.keySet());
        partitions.sort((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition())
                : a.topic().compareTo(b.topic()));
        for (TopicPartition tp : partitions) {
            if (!topics.contains(tp.topic())) {
                continue;
            }
            OffsetAndMetadata at = committed.get(tp);
            long lag = last.get(tp).offset() - (at == null ? 0 : at.offset());
            total += lag;
            perPartition.put(tp.topic() + "[" + tp.partition() + "]", lag);
        }
        return new Lag(group, total, perPartition, !committed.isEmpty());
    }
}
