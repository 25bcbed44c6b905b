package dev.copydesk.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Records on a topic as its subscribers see them: read committed, so transaction markers and aborted records do
 * not count, as offset spans would count them (copydesk writes exactly once, so every commit leaves a marker).
 * Counting needs a read; it is incremental, so a second look reads only what arrived since the first.
 */
final class RecordCounter implements AutoCloseable {

    /** How long one look may read before it reports what it has counted so far. */
    private static final Duration MAX_READ = Duration.ofSeconds(20);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<TopicPartition, Long> counts = new HashMap<>();
    /** Where each partition's count began: its earliest offset when first counted. */
    private final Map<TopicPartition, Long> countedFrom = new HashMap<>();

    RecordCounter(Map<String, Object> clientSettings) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group: counting commits nothing
        consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Committed records per partition from the earliest retained offset up to {@code stableEnds} (each partition's
     * last stable offset, as Admin lists it for read_committed).
     */
    Map<TopicPartition, Long> count(Map<TopicPartition, Long> earliest, Map<TopicPartition, Long> stableEnds) {
        List<TopicPartition> behind = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> e : stableEnds.entrySet()) {
            TopicPartition tp = e.getKey();
            long start = earliest.getOrDefault(tp, 0L);
            if (!countedFrom.containsKey(tp) || countedFrom.get(tp) < start) {
                // first look, or retention removed records that were counted: count again from what is there
                countedFrom.put(tp, start);
                positions.put(tp, start);
                counts.put(tp, 0L);
            }
            if (positions.get(tp) < e.getValue()) {
                behind.add(tp);
            }
        }
        long deadline = System.nanoTime() + MAX_READ.toNanos();
        while (!behind.isEmpty() && System.nanoTime() < deadline) {
            consumer.assign(behind);
            behind.forEach(tp -> consumer.seek(tp, positions.get(tp)));
            boolean progressed = false;
            while (!progressed && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (TopicPartition tp : records.partitions()) {
                    counts.merge(tp, (long) records.records(tp).size(), Long::sum);
                }
                for (TopicPartition tp : behind) {
                    long position = consumer.position(tp);
                    progressed |= position != positions.get(tp);
                    positions.put(tp, position);
                }
            }
            behind.removeIf(tp -> positions.get(tp) >= stableEnds.get(tp));
        }
        consumer.assign(List.of());
        Map<TopicPartition, Long> out = new HashMap<>();
        stableEnds.keySet().forEach(tp -> out.put(tp, counts.getOrDefault(tp, 0L)));
        return out;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
