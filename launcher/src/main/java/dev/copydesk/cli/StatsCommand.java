package dev.copydesk.cli;

import dev.copydesk.config.ServiceConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What flows: records per topic (offset spans: with exactly-once producers these include transaction markers, so
 * they slightly over-count), rates between refreshes, the lag of the streams app and the sink per partition,
 * the share of copies that were duplicates, and the dead letters.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Per-topic counts and rates, consumer lag of enrich-streams and the sink, dedup ratio, dead letters.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--watch", paramLabel = "SECONDS", description = "Refresh every SECONDS until Ctrl-C, with rates.")
    Integer watch;

    @Option(names = "--enrich-group", description = "The streams app's application.id (default: copydesk-enrich or the config's).")
    String enrichGroup;

    @Option(names = "--sink-group", description = "The sink's group.id (default: copydesk-sink or the config's).")
    String sinkGroup;

    record Snapshot(long at, Map<String, Long> records) {
    }

    @Override
    public Integer call() throws Exception {
        ServiceConfig config = DlqCommand.config(connection);
        String enrich = enrichGroup != null ? enrichGroup : config.get("application.id", "copydesk-enrich");
        String sink = sinkGroup != null ? sinkGroup : config.get("group.id", "copydesk-sink");
        try (Admin admin = Admin.create(config.clientSettings())) {
            Snapshot previous = null;
            do {
                previous = print(admin, config, enrich, sink, previous);
                if (watch != null) {
                    Thread.sleep(watch * 1000L);
                }
            } while (watch != null);
        }
        return 0;
    }

    private Snapshot print(Admin admin, ServiceConfig config, String enrich, String sink, Snapshot previous)
            throws ExecutionException, InterruptedException {
        List<String> topics = List.of(config.rawTopic(), config.enrichedTopic(), config.duplicatesTopic(), config.dlqTopic());
        Set<String> existing = admin.listTopics().names().get();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                continue;
            }
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            d.partitions().forEach(p -> {
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            });
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> first = admin.listOffsets(earliest).all().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> last = admin.listOffsets(latest).all().get();
        Map<String, Long> records = new LinkedHashMap<>();
        for (String topic : topics) {
            long sum = 0;
            for (var e : last.entrySet()) {
                if (e.getKey().topic().equals(topic)) {
                    sum += e.getValue().offset() - first.get(e.getKey()).offset();
                }
            }
            records.put(topic, existing.contains(topic) ? sum : -1);
        }
        long now = System.currentTimeMillis();
        System.out.printf("%-28s %12s %12s%n", "topic", "records", previous == null ? "" : "per second");
        for (String topic : topics) {
            long n = records.get(topic);
            String rate = previous == null || n < 0 ? ""
                    : String.format("%.1f", (n - previous.records().getOrDefault(topic, 0L)) * 1000.0 / Math.max(1, now - previous.at()));
            System.out.printf("%-28s %12s %12s%n", topic, n < 0 ? "(missing)" : String.valueOf(n), rate);
        }
        long enriched = Math.max(0, records.get(config.enrichedTopic()));
        long duplicates = Math.max(0, records.get(config.duplicatesTopic()));
        System.out.printf("dedup: %d of %d copies were duplicates (%.1f%%); dead letters: %d%n", duplicates, enriched + duplicates,
                enriched + duplicates == 0 ? 0.0 : 100.0 * duplicates / (enriched + duplicates), Math.max(0, records.get(config.dlqTopic())));
        lag(admin, enrich, List.of(config.rawTopic()), last);
        lag(admin, sink, List.of(config.enrichedTopic(), config.duplicatesTopic()), last);
        System.out.println();
        return new Snapshot(now, records);
    }

    /** Committed position of the group on each partition of its topics, and how far behind the end it is. */
    private static void lag(Admin admin, String group, List<String> topics, Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> last)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        List<String> parts = new ArrayList<>();
        long total = 0;
        for (var e : last.entrySet()) {
            TopicPartition tp = e.getKey();
            if (!topics.contains(tp.topic())) {
                continue;
            }
            OffsetAndMetadata at = committed.get(tp);
            long lag = e.getValue().offset() - (at == null ? 0 : at.offset());
            total += lag;
            parts.add(tp.topic() + "[" + tp.partition() + "] " + lag);
        }
        parts.sort(String::compareTo);
        System.out.printf("lag of %s: %d%s%s%n", group, total, committed.isEmpty() ? " (no committed offsets)" : "",
                parts.isEmpty() ? "" : "  (" + String.join(", ", parts) + ")");
    }
}
