package dev.copydesk.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.DeadLetter;
import dev.copydesk.avro.DuplicateKind;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology on a real broker with exactly_once_v2 and several partitions: a copy published on another
 * partition than its original still meets it (repartition by content hash), and outputs are transactional.
 */
@ExtendWith(KafkaStackExtension.class)
class EnrichTopologyIT {

    @TempDir
    Path stateDir;

    @Test
    void cleansDeduplicatesAcrossPartitionsAndDeadLettersOnTheRealBroker(TestStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String raw = "it-raw-" + run;
        String enriched = "it-enriched-" + run;
        String duplicates = "it-duplicates-" + run;
        String dlq = "it-dlq-" + run;
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(
                    admin,
                    List.of(
                            new NewTopic(raw, 4, (short) 1),
                            new NewTopic(enriched, 4, (short) 1),
                            new NewTopic(duplicates, 1, (short) 1),
                            new NewTopic(dlq, 1, (short) 1)));
        }
        Map<String, String> settings = new HashMap<>(stack.clientStrings());
        settings.put(EnrichConfig.TOPIC_RAW, raw);
        settings.put(EnrichConfig.TOPIC_ENRICHED, enriched);
        settings.put(EnrichConfig.TOPIC_DUPLICATES, duplicates);
        settings.put(EnrichConfig.TOPIC_DLQ, dlq);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "it-enrich-" + run);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        EnrichConfig config = EnrichConfig.load(Optional.empty(), Map.of(), settings);

        var rawSerializer = AvroSerdes.specific(RawArticle.class, stack.clientSettings(), false)
                .serializer();
        try (EnrichApp app = new EnrichApp(config).start();
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            String[][] inputs = {
                {"orig", "reuters-london-rates.txt"}, {"copy", "reuters-london-rates-copy.txt"},
                {"seed", "000_37dfc94a614f9a67.txt"}, {"ap", "ap-washington-budget.txt"}
            };
            int partition = 0;
            for (String[] in : inputs) {
                RawArticle article = RawArticle.newBuilder()
                        .setId(in[0])
                        .setSourceRef(in[1])
                        .setReceivedAt(Instant.now())
                        .setContentType(ContentType.TEXT)
                        .setText(Files.readString(Path.of("..", "samples", "wire", in[1])))
                        .build();
                // explicit partitions: the original and its copy land on different ones
                producer.send(new ProducerRecord<>(raw, partition++ % 4, in[0], rawSerializer.serialize(raw, article)))
                        .get();
            }
            producer.send(new ProducerRecord<>(raw, 3, "poison", new byte[] {0, 0, 0, 0}))
                    .get();

            Map<String, Article> articles = new HashMap<>();
            readUntil(
                            stack,
                            enriched,
                            AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                                    .deserializer(),
                            3)
                    .forEach(r -> articles.put(r.key(), r.value()));
            // the original and its copy are on different partitions: either may be processed first
            assertThat(articles).containsKeys("seed", "ap").hasSize(3);
            String first = articles.containsKey("orig") ? "orig" : "copy";
            assertThat(articles).containsKey(first);
            assertThat(articles.get("seed").getBody()).doesNotContain("相关推荐");

            List<ConsumerRecord<String, DuplicateNotice>> notices = readUntil(
                    stack,
                    duplicates,
                    AvroSerdes.specific(DuplicateNotice.class, stack.clientSettings(), false)
                            .deserializer(),
                    1);
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).value().getDuplicateOf()).isEqualTo(first);
            assertThat(notices.get(0).value().getId()).isEqualTo(first.equals("orig") ? "copy" : "orig");
            assertThat(notices.get(0).value().getKind()).isEqualTo(DuplicateKind.EXACT);

            List<ConsumerRecord<String, DeadLetter>> letters = readUntil(
                    stack,
                    dlq,
                    AvroSerdes.specific(DeadLetter.class, stack.clientSettings(), false)
                            .deserializer(),
                    1);
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).value().getPartition()).isEqualTo(3);
            assertThat(letters.get(0).value().getTopic()).isEqualTo(raw);
        }
        // the bytes on the output topic are Confluent-framed
        List<ConsumerRecord<String, byte[]>> rawOut = readUntil(stack, enriched, new ByteArrayDeserializer(), 3);
        assertThat(rawOut).allSatisfy(r -> assertThat(r.value()[0]).isZero());
    }

    static <V> List<ConsumerRecord<String, V>> readUntil(
            TestStack stack, String topic, Deserializer<V> values, int expected) {
        Map<String, Object> c = new HashMap<>(stack.clientSettings());
        c.put("group.id", "reader-" + UUID.randomUUID());
        c.put("auto.offset.reset", "earliest");
        c.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(c, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 60_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            consumer.poll(Duration.ofMillis(1000)).forEach(out::add); // nothing more may follow
        }
        return out;
    }
}
