package dev.copydesk.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.DuplicateKind;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.dedup.ClusterScore;
import dev.copydesk.sample.WireEditSet;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.SharedData;
import dev.copydesk.testkit.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dedup on the real broker: the same wire-edit set through 1 partition and 1 instance, and through 8 partitions
 * and 2 instances, gives the same story clusters; and dedup state survives the loss of every local state
 * directory because it is restored from the changelog topics.
 */
@ExtendWith(KafkaStackExtension.class)
class DedupPartitioningIT {

    @TempDir
    Path dir;

    record Run(String raw, String enriched, String duplicates, String applicationId) {}

    @Test
    void eightPartitionsAndTwoInstancesClusterLikeOnePartitionAndStateIsRestoredFromTheChangelog(TestStack stack)
            throws Exception {
        List<WireEditSet.Item> items =
                WireEditSet.generate(SharedData.bodies(80).subList(0, 120), 7);

        Run single = topics(stack, "single", 1);
        Map<String, String> clustersSingle;
        try (EnrichApp app = new EnrichApp(config(stack, single, dir.resolve("single"))).start()) {
            publish(stack, single.raw(), items);
            clustersSingle = clusters(stack, single, items.size());
        }

        Run spread = topics(stack, "spread", 8);
        Map<String, String> clustersSpread;
        try (EnrichApp first = new EnrichApp(config(stack, spread, dir.resolve("spread-a"))).start();
                EnrichApp second = new EnrichApp(config(stack, spread, dir.resolve("spread-b"))).start()) {
            publish(stack, spread.raw(), items);
            clustersSpread = clusters(stack, spread, items.size());
        }

        assertThat(asPartition(clustersSpread)).isEqualTo(asPartition(clustersSingle));
        List<String> truth = items.stream().map(WireEditSet.Item::story).toList();
        ClusterScore score = ClusterScore.of(
                truth, items.stream().map(i -> clustersSpread.get(i.id())).toList());
        System.out.printf(
                "dedup on the broker: %d items, 8 partitions x 2 instances: precision %.4f recall %.4f%n",
                items.size(), score.precision(), score.recall());
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.95);

        // every local state directory gone: a new instance restores dedup state from the changelogs
        WireEditSet.Item original = items.stream()
                .filter(i -> i.kind().equals("original"))
                .findFirst()
                .orElseThrow();
        try (EnrichApp fresh = new EnrichApp(config(stack, spread, dir.resolve("spread-fresh"))).start()) {
            WireEditSet.Item copy = new WireEditSet.Item(
                    "late-copy", original.story(), "exact", original.text().replace("\n", "\r\n\r\n"));
            publish(stack, spread.raw(), List.of(copy));
            DuplicateNotice notice = readNotice(stack, spread.duplicates(), "late-copy");
            assertThat(notice.getKind()).isEqualTo(DuplicateKind.EXACT);
            assertThat(clustersSpread.get(notice.getDuplicateOf())).isEqualTo(clustersSpread.get(original.id()));
        }
    }

    private Run topics(TestStack stack, String name, int partitions) throws Exception {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        Run r = new Run("dp-raw-" + run, "dp-enriched-" + run, "dp-duplicates-" + run, "dp-app-" + run);
        try (Admin admin = Admin.create(stack.clientSettings())) {
            TopicAdmin.create(
                    admin,
                    List.of(
                            new NewTopic(r.raw(), partitions, (short) 1),
                            new NewTopic(r.enriched(), partitions, (short) 1),
                            new NewTopic(r.duplicates(), 1, (short) 1),
                            new NewTopic("dp-dlq-" + run, 1, (short) 1)));
        }
        return r;
    }

    private static EnrichConfig config(TestStack stack, Run run, Path stateDir) {
        Map<String, String> settings = new HashMap<>(stack.clientStrings());
        settings.put(EnrichConfig.TOPIC_RAW, run.raw());
        settings.put(EnrichConfig.TOPIC_ENRICHED, run.enriched());
        settings.put(EnrichConfig.TOPIC_DUPLICATES, run.duplicates());
        settings.put(EnrichConfig.TOPIC_DLQ, run.raw().replace("dp-raw-", "dp-dlq-"));
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, run.applicationId());
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        return EnrichConfig.load(Optional.empty(), Map.of(), settings);
    }

    private static void publish(TestStack stack, String topic, List<WireEditSet.Item> items) throws Exception {
        var serializer = AvroSerdes.specific(RawArticle.class, stack.clientSettings(), false)
                .serializer();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(stack.clientSettings(), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (WireEditSet.Item item : items) {
                RawArticle raw = RawArticle.newBuilder()
                        .setId(item.id())
                        .setSourceRef(item.id())
                        .setReceivedAt(Instant.now())
                        .setContentType(ContentType.TEXT)
                        .setText(item.text())
                        .build();
                sent.add(producer.send(new ProducerRecord<>(topic, item.id(), serializer.serialize(topic, raw))));
            }
            for (var future : sent) {
                future.get(); // a lost input would otherwise show up as a clustering failure
            }
        }
    }

    /** Story of every item: from articles.enriched, or from the notice of an exact copy that was not emitted. */
    private static Map<String, String> clusters(TestStack stack, Run run, int expected) {
        var articles = AvroSerdes.specific(Article.class, stack.clientSettings(), false)
                .deserializer();
        var notices = AvroSerdes.specific(DuplicateNotice.class, stack.clientSettings(), false)
                .deserializer();
        Map<String, String> storyOf = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack)) {
            consumer.subscribe(List.of(run.enriched(), run.duplicates()));
            long deadline = System.currentTimeMillis() + 120_000;
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() < deadline
                    && (storyOf.size() < expected || System.currentTimeMillis() - quietSince < 1500)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    quietSince = System.currentTimeMillis();
                    if (r.topic().equals(run.enriched())) {
                        storyOf.put(
                                r.key(),
                                articles.deserialize(r.topic(), r.value()).getStoryId());
                    } else {
                        DuplicateNotice n = notices.deserialize(r.topic(), r.value());
                        storyOf.putIfAbsent(n.getId(), n.getStoryId());
                    }
                }
            }
        }
        assertThat(storyOf).hasSize(expected);
        return storyOf;
    }

    private static DuplicateNotice readNotice(TestStack stack, String topic, String id) {
        var notices = AvroSerdes.specific(DuplicateNotice.class, stack.clientSettings(), false)
                .deserializer();
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(r.key())) {
                        return notices.deserialize(topic, r.value());
                    }
                }
            }
        }
        throw new AssertionError("no duplicate notice for " + id);
    }

    private static KafkaConsumer<String, byte[]> consumer(TestStack stack) {
        Map<String, Object> c = new HashMap<>(stack.clientSettings());
        c.put("group.id", "dp-reader-" + UUID.randomUUID());
        c.put("auto.offset.reset", "earliest");
        c.put("isolation.level", "read_committed");
        return new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The clustering as a set of sets of ids, independent of which id names each story. */
    private static Set<Set<String>> asPartition(Map<String, String> storyOf) {
        Map<String, Set<String>> groups = new HashMap<>();
        storyOf.forEach((id, story) ->
                groups.computeIfAbsent(story, s -> new HashSet<>()).add(id));
        return new HashSet<>(groups.values());
    }
}
