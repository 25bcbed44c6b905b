package dev.copydesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.config.ServiceConfig;
import dev.copydesk.serde.AvroDeserializer;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * kafka-avro-console-consumer for copydesk's topics: decodes each record through the registry (whatever schema
 * version wrote it) and prints one readable line, or one JSON object per line. A record it cannot decode is
 * shown as such, with its size, and the tail goes on.
 */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description =
                "Print the records of a topic (raw, enriched, duplicates, dlq or any Avro topic), decoded through the registry.")
final class TailCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(
            paramLabel = "TOPIC",
            arity = "0..1",
            description = "A topic name, or raw, enriched, duplicates, dlq for copydesk's own.")
    String topic;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic, as kafka-console-consumer names it.")
    String topicOption;

    @Option(
            names = "--property",
            paramLabel = "KEY=VALUE",
            description = "A client or deserializer setting, as the Kafka tools take it (schema.registry.url=...).")
    Map<String, String> properties = new HashMap<>();

    @Option(
            names = "--consumer.config",
            paramLabel = "FILE",
            description = "A properties file of consumer settings, as kafka-console-consumer reads it.")
    Path consumerConfig;

    @Option(
            names = "--from-beginning",
            description = "Start at the oldest record and stop at the end (default: follow what arrives from now on).")
    boolean fromBeginning;

    @Option(
            names = {"-f", "--follow"},
            description = "With --from-beginning, keep waiting for new records until Ctrl-C.")
    boolean follow;

    @Option(names = "--json", description = "One JSON object per line (bytes as base64), for scripts and jq.")
    boolean json;

    @Option(
            names = {"-n", "--limit", "--max-messages"},
            description = "Stop after this many records.")
    long limit = Long.MAX_VALUE;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        ServiceConfig config = connection.serviceConfig();
        if ((topic == null) == (topicOption == null)) {
            throw new IllegalArgumentException("name one topic: tail TOPIC or tail --topic TOPIC");
        }
        String given = topic != null ? topic : topicOption;
        String name = switch (given) {
            case "raw" -> config.rawTopic();
            case "enriched" -> config.enrichedTopic();
            case "duplicates" -> config.duplicatesTopic();
            case "dlq" -> config.dlqTopic();
            default -> given;
        };
        Map<String, Object> settings = new HashMap<>(config.clientSettings());
        if (consumerConfig != null) {
            Properties file = new Properties();
            try (Reader in = Files.newBufferedReader(consumerConfig)) {
                file.load(in);
            }
            file.forEach((k, v) -> settings.put(k.toString(), v.toString()));
        }
        settings.putAll(properties);
        // as kafka-console-consumer: without --from-beginning, what arrives from now on, until Ctrl-C or -n
        boolean following = follow || !fromBeginning;
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put("specific.avro.reader", "false");
        AvroDeserializer<Object> values = new AvroDeserializer<>();
        values.configure(settings, false);
        long printed = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            printed = TopicReader.read(consumer, name, fromBeginning, following, limit, r -> {
                System.out.println(render(r, values));
                return true;
            });
        }
        System.err.printf("copydesk: %d records from %s%n", printed, name);
        return 0;
    }

    private String render(ConsumerRecord<String, byte[]> r, AvroDeserializer<Object> values) throws Exception {
        String where = r.topic() + "[" + r.partition() + "]@" + r.offset();
        Object value;
        try {
            value = r.value() == null ? null : values.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("topic", r.topic());
                out.put("partition", r.partition());
                out.put("offset", r.offset());
                out.put("key", r.key());
                out.put("undecodable", e.getMessage());
                out.put("bytes", r.value().length);
                return JSON.writeValueAsString(out);
            }
            return where + "  undecodable (" + r.value().length + " bytes): " + e.getMessage();
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("topic", r.topic());
            out.put("partition", r.partition());
            out.put("offset", r.offset());
            out.put("timestamp", Instant.ofEpochMilli(r.timestamp()).toString());
            out.put("key", r.key());
            out.put("value", plain(value));
            return JSON.writeValueAsString(out);
        }
        return where + "  " + (value instanceof GenericRecord g ? line(g) : String.valueOf(value));
    }

    /** One readable line for copydesk's record types; Avro's own JSON rendering for anything else. */
    private static String line(GenericRecord g) {
        return switch (g.getSchema().getName()) {
            case "Article" ->
                String.format(
                        "article %s v%s [%s%s] \"%s\" %s words%s",
                        g.get("id"),
                        g.get("version"),
                        g.get("language"),
                        has(g, "agency") ? " " + g.get("agency") : "",
                        g.get("title"),
                        g.get("wordCount"),
                        entities(g));
            case "RawArticle" ->
                String.format(
                        "raw %s %s %s, %d chars",
                        g.get("id"),
                        g.get("sourceRef"),
                        g.get("contentType"),
                        String.valueOf(g.get("text")).length());
            case "DuplicateNotice" ->
                String.format(
                        "duplicate %s %s of %s similarity %.3f (%s)",
                        g.get("id"),
                        g.get("kind"),
                        g.get("duplicateOf"),
                        (Double) g.get("similarity"),
                        g.get("sourceRef"));
            case "DeadLetter" ->
                String.format(
                        "dead letter %s/%s from %s[%s]@%s: %s",
                        g.get("stage"),
                        g.get("reason"),
                        g.get("topic"),
                        g.get("partition"),
                        g.get("offset"),
                        g.get("errorMessage"));
            default -> g.toString();
        };
    }

    private static boolean has(GenericRecord g, String field) {
        return g.getSchema().getField(field) != null
                && g.get(field) != null
                && !g.get(field).toString().isEmpty();
    }

    private static String entities(GenericRecord g) {
        if (g.getSchema().getField("entities") == null
                || !(g.get("entities") instanceof Collection<?> list)
                || list.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (Object e : list) {
            if (names.size() == 4) {
                break;
            }
            names.add(String.valueOf(((GenericRecord) e).get("name")));
        }
        return " · " + String.join(", ", names);
    }

    /** Avro values as plain JSON-able values: strings, numbers, lists, maps; bytes as base64. */
    private static Object plain(Object v) {
        if (v instanceof GenericRecord g) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Schema.Field f : g.getSchema().getFields()) {
                out.put(f.name(), plain(g.get(f.name())));
            }
            return out;
        }
        if (v instanceof ByteBuffer b) {
            ByteBuffer copy = b.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof CharSequence || v instanceof GenericEnumSymbol<?>) {
            return v.toString();
        }
        return v;
    }
}
