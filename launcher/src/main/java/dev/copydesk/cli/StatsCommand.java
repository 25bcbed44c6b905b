package dev.copydesk.cli;

import dev.copydesk.config.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What flows: records per topic as a read-committed subscriber sees them (the demo summary's numbers), rates between
 * refreshes, the lag of the streams app and the sink per partition,
 * the share of copies that were duplicates, and the dead letters.
 */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description =
                "Per-topic counts and rates, consumer lag of enrich-streams and the sink, dedup ratio, dead letters.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--watch", paramLabel = "SECONDS", description = "Refresh every SECONDS until Ctrl-C, with rates.")
    Integer watch;

    @Option(
            names = "--enrich-group",
            description = "The streams app's application.id (default: copydesk-enrich or the config's).")
    String enrichGroup;

    @Option(names = "--sink-group", description = "The sink's group.id (default: copydesk-sink or the config's).")
    String sinkGroup;

    @Override
    public Integer call() throws Exception {
        ServiceConfig config = connection.serviceConfig();
        String enrich = enrichGroup != null ? enrichGroup : config.get("application.id", "copydesk-enrich");
        String sink = sinkGroup != null ? sinkGroup : config.get("group.id", "copydesk-sink");
        try (Admin admin = Admin.create(config.clientSettings());
                RecordCounter counter = new RecordCounter(config.clientSettings())) {
            FlowStats.Snapshot previous = null;
            do {
                previous = print(admin, counter, config, enrich, sink, previous);
                if (watch != null) {
                    Thread.sleep(watch * 1000L);
                }
            } while (watch != null);
        }
        return 0;
    }

    private FlowStats.Snapshot print(
            Admin admin,
            RecordCounter counter,
            ServiceConfig config,
            String enrich,
            String sink,
            FlowStats.Snapshot previous)
            throws ExecutionException, InterruptedException {
        FlowStats.Snapshot now = FlowStats.take(admin, counter, config, enrich, sink);
        System.out.printf("%-28s %12s %12s%n", "topic", "records", previous == null ? "" : "per second");
        for (Map.Entry<String, Long> e : now.records().entrySet()) {
            long n = e.getValue();
            String rate = previous == null || n < 0
                    ? ""
                    : String.format(
                            "%.1f",
                            (n - previous.records().getOrDefault(e.getKey(), 0L))
                                    * 1000.0
                                    / Math.max(1, now.at() - previous.at()));
            System.out.printf("%-28s %12s %12s%n", e.getKey(), n < 0 ? "(missing)" : String.valueOf(n), rate);
        }
        long enriched = Math.max(0, now.records().get(config.enrichedTopic()));
        long duplicates = Math.max(0, now.records().get(config.duplicatesTopic()));
        System.out.printf(
                "dedup: %d of %d copies were duplicates (%.1f%%); dead letters: %d%n",
                duplicates,
                enriched + duplicates,
                enriched + duplicates == 0 ? 0.0 : 100.0 * duplicates / (enriched + duplicates),
                Math.max(0, now.records().get(config.dlqTopic())));
        for (FlowStats.Lag lag : List.of(now.enrich(), now.sink())) {
            List<String> parts = new ArrayList<>();
            lag.perPartition().forEach((partition, n) -> parts.add(partition + " " + n));
            System.out.printf(
                    "lag of %s: %d%s%s%n",
                    lag.group(),
                    lag.total(),
                    lag.committed() ? "" : " (no committed offsets)",
                    parts.isEmpty() ? "" : "  (" + String.join(", ", parts) + ")");
        }
        System.out.println();
        return now;
    }
}
