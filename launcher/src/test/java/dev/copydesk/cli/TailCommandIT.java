package dev.copydesk.cli;

import static dev.copydesk.cli.DemoCommandIT.copydesk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.DuplicateKind;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.avro.Entity;
import dev.copydesk.avro.EntityType;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaStackExtension.class)
class TailCommandIT {

    @Test
    void recordsAreDecodedThroughTheRegistryAsLinesOrJsonAndBadOnesAreShownNotFatal(TestStack stack) throws Exception {
        String topic = "tail-it-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(admin, List.of(new NewTopic(topic, 1, (short) 1)));
        }
        Article first = article("a1", "Rates held as inflation cools");
        first.setAgency("Reuters");
        first.setEntities(List.of(Entity.newBuilder()
                .setType(EntityType.PERSON)
                .setName("Andrew Bailey")
                .setMentions(2)
                .build()));
        Article second = article("a2", "Ferry crews strike");
        var serializer = AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                .serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "a1", serializer.serialize(topic, first)))
                    .get();
            producer.send(new ProducerRecord<>(topic, "bad", new byte[] {9, 9, 9}))
                    .get();
            producer.send(new ProducerRecord<>(topic, "a2", serializer.serialize(topic, second)))
                    .get();
        }
        String[] connection = {
            "--bootstrap-server", stack.bootstrapServers(), "--schema-registry", stack.schemaRegistryUrl()
        };

        DemoCommandIT.Run lines = copydesk(concat(new String[] {"tail", topic, "--from-beginning"}, connection));
        assertThat(lines.exit()).as(lines.err()).isZero();
        List<String> out = lines.out().lines().toList();
        assertThat(out).hasSize(3);
        assertThat(out.get(0))
                .startsWith(topic + "[0]@0  article a1 v1 [en Reuters] \"Rates held as inflation cools\"")
                .endsWith("· Andrew Bailey");
        assertThat(out.get(1))
                .startsWith(topic + "[0]@1  undecodable (3 bytes)")
                .contains("Not a Confluent-framed Avro record");
        assertThat(out.get(2)).contains("article a2", "Ferry crews strike");

        DemoCommandIT.Run json = copydesk(
                concat(new String[] {"tail", topic, "--from-beginning", "--json", "--limit", "1"}, connection));
        List<String> objects = json.out().lines().toList();
        assertThat(objects).hasSize(1);
        JsonNode node = new ObjectMapper().readTree(objects.get(0));
        assertThat(node.path("value").path("title").asText()).isEqualTo("Rates held as inflation cools");
        assertThat(node.path("value").path("entities").get(0).path("type").asText())
                .isEqualTo("PERSON");
        assertThat(node.path("offset").asLong()).isZero();

        // as kafka-console-consumer: without --from-beginning it follows what arrives from now on, and takes the
        // Kafka tools' names (--topic, --max-messages, --property, --consumer.config)
        DemoCommandIT.Run[] following = new DemoCommandIT.Run[1];
        Thread tail = new Thread(() -> following[0] = copydesk(
                "tail",
                "--topic",
                topic,
                "--max-messages",
                "1",
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--property",
                "schema.registry.url=" + stack.schemaRegistryUrl()));
        tail.start();
        Thread.sleep(3000);
        Article third = Article.newBuilder(second)
                .setId("a3")
                .setTitle("Published after tail started")
                .build();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "a3", serializer.serialize(topic, third)))
                    .get();
        }
        tail.join(30_000);
        assertThat(following[0].exit()).as(following[0].err()).isZero();
        assertThat(following[0].out().lines().toList())
                .hasSize(1)
                .allMatch(l -> l.contains("Published after tail started"));
        Path consumerConfig = Files.createTempFile("consumer", ".properties");
        Files.writeString(consumerConfig, "schema.registry.url=" + stack.schemaRegistryUrl() + "\n");
        DemoCommandIT.Run configured = copydesk(
                "tail",
                "--topic",
                topic,
                "--from-beginning",
                "--max-messages",
                "1",
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--consumer.config",
                consumerConfig.toString());
        assertThat(configured.out()).contains("article a1 v1");

        // the duplicates and dead-letter topics have their own lines
        String other = topic + "-dup";
        String dlq = topic + "-dlq";
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(admin, List.of(new NewTopic(other, 1, (short) 1), new NewTopic(dlq, 1, (short) 1)));
        }
        var notices = AvroSerdes.specific(DuplicateNotice.class, stack.clientSettings(), false)
                .serializer();
        var letters = AvroSerdes.specific(DeadLetter.class, stack.clientSettings(), false)
                .serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            other,
                            "d1",
                            notices.serialize(
                                    other,
                                    DuplicateNotice.newBuilder()
                                            .setId("d1")
                                            .setSourceRef("copy.txt")
                                            .setDuplicateOf("a1")
                                            .setKind(DuplicateKind.NEAR)
                                            .setSimilarity(0.81)
                                            .setStoryId("a1")
                                            .setDetectedAt(Instant.now())
                                            .build())))
                    .get();
            producer.send(new ProducerRecord<>(
                            dlq,
                            "x",
                            letters.serialize(
                                    dlq,
                                    DeadLetter.newBuilder()
                                            .setStage("clean")
                                            .setReason("empty-body")
                                            .setErrorClass("empty-body")
                                            .setErrorMessage("nothing left")
                                            .setTopic("articles.raw")
                                            .setPartition(0)
                                            .setOffset(7)
                                            .setFailedAt(Instant.now())
                                            .build())))
                    .get();
        }
        assertThat(copydesk(concat(new String[] {"tail", other, "--from-beginning"}, connection))
                        .out())
                .contains("duplicate d1 NEAR of a1 similarity 0.810 (copy.txt)");
        // the dlq alias resolves to the configured dead-letter topic
        assertThat(copydesk(concat(
                                new String[] {"tail", "dlq", "--from-beginning", "-D", "copydesk.topic.dlq=" + dlq},
                                connection))
                        .out())
                .contains("dead letter clean/empty-body from articles.raw[0]@7: nothing left");

        DemoCommandIT.Run missing =
                copydesk(concat(new String[] {"tail", "no-such-topic-" + UUID.randomUUID()}, connection));
        assertThat(missing.exit()).isNotZero();
    }

    private static Article article(String id, String title) {
        return Article.newBuilder()
                .setId(id)
                .setStoryId(id)
                .setVersion(1)
                .setSourceRef(id + ".txt")
                .setReceivedAt(Instant.ofEpochMilli(1000))
                .setProcessedAt(Instant.ofEpochMilli(2000))
                .setTitle(title)
                .setBody("Body of " + id)
                .setLanguage("en")
                .setContentHash("h-" + id)
                .setWordCount(3)
                .build();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
