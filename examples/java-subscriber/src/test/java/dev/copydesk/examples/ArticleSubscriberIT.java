package dev.copydesk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.avro.Article;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example as shipped: its own subscriber.properties, pointed at the test broker and registry. */
@ExtendWith(KafkaStackExtension.class)
class ArticleSubscriberIT {

    private final String topic =
            "example-enriched-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void readsArticlesSkipsABadRecordAndResumesFromItsCommittedOffsets(TestStack stack) throws Exception {
        try (Admin admin = Admin.create(stack.clientSettings())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Article first = article("a1", "a1", 1, "Seoul and Tokyo agree on chip export rules");
        first.setAgency("Yonhap");
        first.setCountries(List.of("KR", "JP"));
        publish(stack, first, null, article("a2", "a1", 2, "UPDATE 1-Seoul and Tokyo agree on chip rules"));

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        try (ArticleSubscriber subscriber = new ArticleSubscriber(settings(stack), new PrintStream(errors, true))) {
            assertThat(subscriber.run(a -> lines.add(ArticleSubscriber.describe(a)), 2))
                    .isEqualTo(2);
        }
        assertThat(lines)
                .containsExactly(
                        "a1 v1 [en Yonhap] KR,JP \"Seoul and Tokyo agree on chip export rules\"",
                        "a2 v2 [en] - \"UPDATE 1-Seoul and Tokyo agree on chip rules\" (update of a1)");
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("skipping undecodable record at " + topic + "-0@1")
                .contains("Confluent");

        // the same group again: only what arrived since its commit
        publish(stack, article("a3", "a3", 1, "Ferry crews strike"));
        List<String> later = new ArrayList<>();
        try (ArticleSubscriber subscriber = new ArticleSubscriber(settings(stack), new PrintStream(errors, true))) {
            subscriber.run(a -> later.add(a.getId()), 1);
        }
        assertThat(later).containsExactly("a3");
    }

    @Test
    void withoutARegistryUrlTheConsumerIsRefusedNamingTheSetting(TestStack stack) throws Exception {
        Properties settings = settings(stack);
        settings.remove("schema.registry.url");
        assertThatThrownBy(() -> new ArticleSubscriber(settings, System.err).close())
                .rootCause()
                .hasMessageContaining("schema.registry.url");
    }

    private Properties settings(TestStack stack) throws Exception {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("subscriber.properties"))) {
            settings.load(in);
        }
        settings.setProperty("bootstrap.servers", stack.bootstrapServers());
        settings.setProperty("schema.registry.url", stack.schemaRegistryUrl());
        settings.setProperty("group.id", "example-" + topic);
        settings.setProperty("topic", topic);
        return settings;
    }

    /** Publishes the articles in order; a null is a record that is not Avro at all. */
    private void publish(TestStack stack, Article... articles) throws Exception {
        var serializer = AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                .serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            for (Article a : articles) {
                byte[] value = a == null ? new byte[] {1, 2, 3} : serializer.serialize(topic, a);
                producer.send(new ProducerRecord<>(topic, a == null ? "bad" : a.getId(), value))
                        .get();
            }
        }
    }

    private static Article article(String id, String storyId, int version, String title) {
        return Article.newBuilder()
                .setId(id)
                .setStoryId(storyId)
                .setVersion(version)
                .setSourceRef(id + ".txt")
                .setReceivedAt(Instant.ofEpochMilli(1000))
                .setProcessedAt(Instant.ofEpochMilli(2000))
                .setTitle(title)
                .setBody("Body of " + id)
                .setLanguage("en")
                .setContentHash("h-" + id)
                .setWordCount(3)
                .setRemovedLines(0)
                .build();
    }
}
