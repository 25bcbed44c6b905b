package dev.copydesk.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a whole topic as Kafka's console tools do, with a consumer of no group: from the beginning, stopping at the
 * end as it was at the start (or going on with {@code following}), or from now on; until {@code limit} records
 * were taken. Shared by {@code tail} and {@code alerts}.
 */
final class TopicReader {

    /** Takes one record; true when it counts toward the limit (shown), false when it was passed over. */
    interface Handler {
        boolean take(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    private TopicReader() {}

    /** @return how many records the handler took */
    static long read(
            KafkaConsumer<String, byte[]> consumer,
            String topic,
            boolean fromBeginning,
            boolean following,
            long limit,
            Handler handler)
            throws Exception {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no topic " + topic);
        }
        List<TopicPartition> partitions = infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long taken = 0;
        while (taken < limit) {
            var records = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<String, byte[]> r : records) {
                if (handler.take(r) && ++taken >= limit) {
                    break;
                }
            }
            if (!following
                    && records.isEmpty()
                    && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                break;
            }
        }
        return taken;
    }
}
