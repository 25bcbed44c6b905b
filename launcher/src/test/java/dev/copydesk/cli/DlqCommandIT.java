package dev.copydesk.cli;

import static dev.copydesk.cli.DemoCommandIT.copydesk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaStackExtension.class)
class DlqCommandIT {

    @Test
    void deadLettersAreListedByReasonAndReplayedToTheirTopicWithTheirBytes(TestStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String dlq = "dlq-it-" + run;
        String raw = "raw-it-" + run;
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(admin, List.of(new NewTopic(dlq, 1, (short) 1), new NewTopic(raw, 1, (short) 1)));
        }
        byte[] story = {0, 0, 0, 0, 9, 1, 2, 3};
        var serializer = AvroSerdes.specific(DeadLetter.class, stack.clientSettings(), false)
                .serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            dlq, "a", serializer.serialize(dlq, letter("clean", "empty-body", raw, "a", story))))
                    .get();
            producer.send(new ProducerRecord<>(
                            dlq,
                            "b",
                            serializer.serialize(
                                    dlq, letter("deserialize", "deserialization-failed", raw, "b", new byte[] {7, 7}))))
                    .get();
            producer.send(new ProducerRecord<>(
                            dlq,
                            "c",
                            serializer.serialize(dlq, letter("sink", "null-value", "articles.enriched", "c", null))))
                    .get();
            producer.send(new ProducerRecord<>(dlq, "junk", new byte[] {1, 2, 3}))
                    .get(); // not a dead letter at all
        }
        String[] connection = {
            "--bootstrap-server",
            stack.bootstrapServers(),
            "--schema-registry",
            stack.schemaRegistryUrl(),
            "-D",
            "copydesk.topic.dlq=" + dlq
        };

        DemoCommandIT.Run all = copydesk(concat(new String[] {"dlq", "list"}, connection));
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out())
                .contains("3 dead letters match")
                .contains("clean/empty-body")
                .contains("deserialize/deserialization-failed");
        assertThat(all.err()).contains("dead letter 3@0 cannot be read");
        assertThat(copydesk(concat(new String[] {"dlq", "list", "--reason", "empty-body"}, connection))
                        .out())
                .contains("1 dead letters match");

        DemoCommandIT.Run unchosen = copydesk(concat(new String[] {"dlq", "replay"}, connection));
        assertThat(unchosen.exit()).isNotZero();
        assertThat(unchosen.err()).contains("choose what to replay");

        DemoCommandIT.Run dry =
                copydesk(concat(new String[] {"dlq", "replay", "--reason", "empty-body", "--dry-run"}, connection));
        assertThat(dry.out()).contains("would replay 1");
        DemoCommandIT.Run replay =
                copydesk(concat(new String[] {"dlq", "replay", "--reason", "empty-body"}, connection));
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("replayed 1, skipped 0");

        List<ConsumerRecord<byte[], byte[]>> replayed = readAll(stack, raw);
        assertThat(replayed).hasSize(1); // the dry run sent nothing
        assertThat(replayed.get(0).key()).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
        assertThat(replayed.get(0).value()).isEqualTo(story);
        assertThat(new String(
                        replayed.get(0)
                                .headers()
                                .lastHeader("copydesk.replayed-from")
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo(dlq + "[0]@0");

        DemoCommandIT.Run nothingToSend =
                copydesk(concat(new String[] {"dlq", "replay", "--stage", "sink"}, connection));
        assertThat(nothingToSend.exit()).isEqualTo(2);
        assertThat(nothingToSend.err()).contains("no original value");
    }

    private static DeadLetter letter(String stage, String reason, String topic, String key, byte[] value) {
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setReason(reason)
                .setErrorClass(reason)
                .setErrorMessage("because " + reason)
                .setTopic(topic)
                .setPartition(0)
                .setOffset(42)
                .setOriginalKey(ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setFailedAt(Instant.now())
                .build();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(TestStack stack, String topic) {
        Map<String, Object> c = new HashMap<>(stack.clientSettings());
        c.put("group.id", "dlq-it-" + UUID.randomUUID());
        c.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
