package dev.copydesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.avro.Alert;
import dev.copydesk.config.ServiceConfig;
import dev.copydesk.serde.AvroDeserializer;
import dev.copydesk.serde.AvroJson;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Follows articles.alerts: one readable line per alert, or JSON. */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = "Follow the alerts watchlists raise, one line each (from now on unless --from-beginning).")
final class AlertsCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--watchlist", paramLabel = "NAME", description = "Only this watchlist's alerts.")
    String watchlist;

    @Option(
            names = "--from-beginning",
            description = "Start at the oldest alert and stop at the end (default: follow from now until Ctrl-C).")
    boolean fromBeginning;

    @Option(
            names = {"-f", "--follow"},
            description = "With --from-beginning, keep waiting for new alerts.")
    boolean follow;

    @Option(names = "--json", description = "One JSON object per line (the Alert fields).")
    boolean json;

    @Option(
            names = {"-n", "--limit"},
            description = "Stop after this many alerts.")
    long limit = Long.MAX_VALUE;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("-n must be at least 1");
        }
        ServiceConfig config = connection.serviceConfig();
        String topic = config.alertsTopic();
        Map<String, Object> settings = new HashMap<>(config.clientSettings());
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer<Alert> alerts = new AvroDeserializer<>(Alert.class);
        alerts.configure(settings, false);
        boolean following = follow || !fromBeginning;
        long printed = 0;
        ObjectMapper mapper = new ObjectMapper();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            printed = TopicReader.read(consumer, topic, fromBeginning, following, limit, r -> {
                if (watchlist != null && !watchlist.equals(r.key())) {
                    return false;
                }
                try {
                    Alert a = alerts.deserialize(topic, r.value());
                    System.out.println(json ? mapper.writeValueAsString(AvroJson.toJson(a)) : line(a));
                } catch (RuntimeException e) {
                    System.out.printf("%s[%d]@%d  undecodable: %s%n", topic, r.partition(), r.offset(), e.getMessage());
                }
                return true;
            });
        }
        System.err.printf("copydesk: %d alerts%n", printed);
        return 0;
    }

    /** {@code 2026-12-06 12:00:01  NEW     boe  orig v1 [en] "Title"  · Bank of England, Andrew Bailey}. */
    static String line(Alert a) {
        List<String> matched = new java.util.ArrayList<>(a.getMatchedTerms());
        a.getMatchedEntities().stream().filter(e -> !matched.contains(e)).forEach(matched::add);
        return String.format(
                "%s  %-6s %s  %s v%d [%s] \"%s\"%s",
                TIME.format(a.getMatchedAt()),
                a.getKind().name().toLowerCase(Locale.ROOT),
                a.getWatchlist(),
                a.getArticleId(),
                a.getVersion(),
                a.getLanguage(),
                a.getTitle(),
                matched.isEmpty() ? "" : "  · " + String.join(", ", matched));
    }
}
