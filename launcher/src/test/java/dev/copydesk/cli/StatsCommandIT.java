package dev.copydesk.cli;

import static dev.copydesk.cli.DemoCommandIT.copydesk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaStackExtension.class)
class StatsCommandIT {

    @Test
    void countsDedupRatioDeadLettersAndLagPerPartition(TestStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String raw = "st-raw-" + run;
        String enriched = "st-enriched-" + run;
        String duplicates = "st-dup-" + run;
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(
                    admin,
                    List.of(
                            new NewTopic(raw, 2, (short) 1),
                            new NewTopic(enriched, 1, (short) 1),
                            new NewTopic(duplicates, 1, (short) 1)));
        }
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(raw, i % 2, "k" + i, "v")).get();
            }
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>(duplicates, "d" + i, "v")).get();
            }
        }
        // enrich-streams writes exactly once: 6 records in 3 transactions, and a transaction that aborted. Offset spans
        // would say 12 (3 commit markers, 2 aborted records and their abort marker); a subscriber reads 6
        Map<String, Object> tx = new HashMap<>(stack.clientSettings());
        tx.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "st-tx-" + run);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(tx, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            for (int t = 0; t < 3; t++) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(enriched, "k" + (2 * t), "v"));
                producer.send(new ProducerRecord<>(enriched, "k" + (2 * t + 1), "v"));
                producer.commitTransaction();
            }
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(enriched, "aborted-1", "v"));
            producer.send(new ProducerRecord<>(enriched, "aborted-2", "v"));
            producer.flush();
            producer.abortTransaction();
        }
        String enrichGroup = "st-enrich-" + run;
        Map<String, Object> c = new HashMap<>(stack.clientSettings());
        c.put("group.id", enrichGroup);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.commitSync(Map.of(
                    new TopicPartition(raw, 0),
                    new OffsetAndMetadata(5),
                    new TopicPartition(raw, 1),
                    new OffsetAndMetadata(2)));
        }

        DemoCommandIT.Run stats = copydesk(
                "stats",
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--schema-registry",
                stack.schemaRegistryUrl(),
                "-D",
                "copydesk.topic.raw=" + raw,
                "-D",
                "copydesk.topic.enriched=" + enriched,
                "-D",
                "copydesk.topic.duplicates=" + duplicates,
                "-D",
                "copydesk.topic.dlq=st-dlq-" + run,
                "--enrich-group",
                enrichGroup,
                "--sink-group",
                "st-sink-" + run);
        assertThat(stats.exit()).as(stats.err()).isZero();
        assertThat(stats.out())
                .containsPattern(raw + "\\s+10")
                .containsPattern(enriched + "\\s+6\\b")
                .containsPattern("st-dlq-" + run + "\\s+\\(missing\\)")
                .contains("dedup: 2 of 8 copies were duplicates (25.0%); dead letters: 0")
                .contains("lag of " + enrichGroup + ": 3  (" + raw + "[0] 0, " + raw + "[1] 3)")
                // lag is in offsets, as kafka-consumer-groups shows it: the 12 offsets of enriched and the 2 of
                // duplicates
                .contains("lag of st-sink-" + run + ": 14 (no committed offsets)");
    }
}
