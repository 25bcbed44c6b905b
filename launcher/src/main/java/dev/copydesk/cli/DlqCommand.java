package dev.copydesk.cli;

import dev.copydesk.avro.DeadLetter;
import dev.copydesk.config.ServiceConfig;
import dev.copydesk.serde.AvroSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Looks into {@code articles.dlq} and sends chosen dead letters back where they came from once the cause is fixed.
 * Replay re-publishes the original key and bytes to the original topic, with headers saying where they were; the
 * pipeline is idempotent on article ids, so replaying twice does not double anything downstream.
 */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = {
            "Inspect and replay dead letters.",
            "  dlq list   [--reason R] [--stage S] [--since 2h|2026-11-27] [--limit N]",
            "  dlq replay [--reason R] [--stage S] [--since ...] [--offset N,...] [--dry-run]"
        },
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("say dlq list or dlq replay");
    }

    /** Which dead letters: by reason, stage, age and offset. */
    static final class Filter {
        @Option(
                names = "--reason",
                paramLabel = "REASON",
                description = "Only this reason, e.g. empty-body, deserialization-failed.")
        String reason;

        @Option(names = "--stage", paramLabel = "STAGE", description = "Only this stage: deserialize, clean, sink...")
        String stage;

        @Option(
                names = "--since",
                paramLabel = "AGE|DATE",
                description = "Only those that failed since: 30m, 12h, 2d, 1w, or 2026-11-01.")
        String since;

        @Option(
                names = "--offset",
                split = ",",
                paramLabel = "N",
                description = "Only these offsets of the dead-letter topic.")
        List<Long> offsets;

        /** The dead letters on the topic now that these options choose, oldest first. */
        List<Letter> chosen(ServiceConfig config) {
            Instant after = since == null ? null : TimeArgs.since(since, Instant.now());
            return readAll(config).stream()
                    .filter(l -> (reason == null || reason.equals(l.value().getReason()))
                            && (stage == null || stage.equals(l.value().getStage()))
                            && (after == null || !l.value().getFailedAt().isBefore(after))
                            && (offsets == null || offsets.contains(l.offset())))
                    .toList();
        }
    }

    record Letter(long offset, int partition, DeadLetter value) {}

    /** Every dead letter on the topic now, oldest first (read_committed; undecodable ones are reported and skipped). */
    static List<Letter> readAll(ServiceConfig config) {
        Map<String, Object> c = new HashMap<>(config.clientSettings());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        var deserializer = AvroSerdes.specific(DeadLetter.class, config.clientSettings(), false)
                .deserializer();
        List<Letter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.dlqTopic(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        letters.add(
                                new Letter(r.offset(), r.partition(), deserializer.deserialize(r.topic(), r.value())));
                    } catch (RuntimeException e) {
                        System.err.printf(
                                "copydesk: dead letter %d@%d cannot be read: %s%n",
                                r.offset(), r.partition(), e.getMessage());
                    }
                }
            }
        }
        return letters;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List dead letters: when, stage, reason, where from, error.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Mixin
        Filter filter;

        @Option(names = "--limit", description = "Most to show, newest last (default 50).")
        int limit = 50;

        @Override
        public Integer call() {
            List<Letter> chosen = filter.chosen(connection.serviceConfig());
            List<Letter> shown = chosen.subList(Math.max(0, chosen.size() - limit), chosen.size());
            for (Letter l : shown) {
                DeadLetter d = l.value();
                String message = d.getErrorMessage().length() > 120
                        ? d.getErrorMessage().substring(0, 120) + "…"
                        : d.getErrorMessage();
                System.out.printf(
                        "%d@%d  %s  %s/%s  from %s[%d]@%d  %s  (%d bytes)%n",
                        l.offset(),
                        l.partition(),
                        d.getFailedAt(),
                        d.getStage(),
                        d.getReason(),
                        d.getTopic(),
                        d.getPartition(),
                        d.getOffset(),
                        message,
                        d.getOriginalValue() == null ? 0 : d.getOriginalValue().remaining());
            }
            System.out.printf("%d dead letters match (%d shown)%n", chosen.size(), shown.size());
            return 0;
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description =
                    "Re-publish the original key and bytes of the chosen dead letters to the topic they came from.")
    static final class Replay implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Mixin
        Filter filter;

        @Option(names = "--dry-run", description = "Say what would be replayed, send nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            if (filter.reason == null && filter.stage == null && filter.since == null && filter.offsets == null) {
                throw new IllegalArgumentException(
                        "choose what to replay: --reason, --stage, --since or --offset (all of them at once is rarely meant)");
            }
            ServiceConfig config = connection.serviceConfig();
            List<Letter> chosen = filter.chosen(config);
            Map<String, Object> p = new HashMap<>(config.clientSettings());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            int replayed = 0;
            int skipped = 0;
            try (KafkaProducer<byte[], byte[]> producer =
                    new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                List<Future<?>> sent = new ArrayList<>();
                for (Letter l : chosen) {
                    DeadLetter d = l.value();
                    if (d.getOriginalValue() == null
                            || d.getTopic().isEmpty()
                            || Set.of(config.dlqTopic()).contains(d.getTopic())) {
                        System.err.printf(
                                "copydesk: dead letter %d@%d has no original value or topic to replay%n",
                                l.offset(), l.partition());
                        skipped++;
                        continue;
                    }
                    System.out.printf(
                            "%s %d@%d (%s/%s) -> %s%n",
                            dryRun ? "would replay" : "replaying",
                            l.offset(),
                            l.partition(),
                            d.getStage(),
                            d.getReason(),
                            d.getTopic());
                    if (!dryRun) {
                        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                                d.getTopic(), bytes(d.getOriginalKey()), bytes(d.getOriginalValue()));
                        record.headers()
                                .add(
                                        "copydesk.replayed-from",
                                        (config.dlqTopic() + "[" + l.partition() + "]@" + l.offset())
                                                .getBytes(StandardCharsets.UTF_8));
                        record.headers()
                                .add(
                                        "copydesk.dead-letter-reason",
                                        d.getReason().getBytes(StandardCharsets.UTF_8));
                        sent.add(producer.send(record));
                    }
                    replayed++;
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            }
            System.out.printf("%s %d, skipped %d%n", dryRun ? "would replay" : "replayed", replayed, skipped);
            return skipped == 0 ? 0 : 2;
        }

        private static byte[] bytes(ByteBuffer buffer) {
            if (buffer == null) {
                return null;
            }
            ByteBuffer b = buffer.duplicate();
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        }
    }
}
