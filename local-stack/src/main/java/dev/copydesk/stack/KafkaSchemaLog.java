package dev.copydesk.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.registry.CompatibilityLevel;
import dev.copydesk.registry.RegistryException;
import dev.copydesk.registry.RegistryState;
import dev.copydesk.registry.SchemaRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The registry's durable log: a one-partition compacted topic ({@code _schemas}) holding records in Confluent's
 * layout (JSON keys {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}}, JSON values
 * {@code {subject,version,id,schema,deleted}}; CONFIG records for compatibility levels). Replayed into a
 * {@link RegistryState} at start, so ids survive restarts; each change is written and acknowledged
 * (acks=all) before it is applied.
 */
final class KafkaSchemaLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final Map<String, Object> clientSettings;
    private final KafkaProducer<byte[], byte[]> producer;

    KafkaSchemaLog(String topic, Map<String, Object> clientSettings) {
        this.topic = topic;
        this.clientSettings = Map.copyOf(clientSettings);
        Map<String, Object> p = new HashMap<>(clientSettings);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "copydesk-registry-writer");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    void ensureTopic() {
        try (Admin admin = Admin.create(clientSettings)) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!names.contains(topic)) {
                short rf = (short) Math.min(
                        3,
                        admin.describeCluster()
                                .nodes()
                                .get(30, TimeUnit.SECONDS)
                                .size());
                NewTopic t = new NewTopic(topic, 1, rf)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
            }
            TopicAdmin.awaitLeaders(admin, List.of(topic), Duration.ofSeconds(30));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "Cannot create registry topic " + topic + ": " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Cannot reach Kafka to create registry topic " + topic + ": " + e, e);
        }
    }

    /** Reads the whole log into the state; returns the number of records applied. */
    int replayInto(RegistryState state) {
        Map<String, Object> c = new HashMap<>(clientSettings);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "copydesk-registry-reader");
        int applied = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    SchemaRecord record = decode(r.key(), r.value());
                    if (record != null) {
                        state.apply(record);
                        applied++;
                    }
                }
            }
        }
        return applied;
    }

    /** Writes the record and waits for the broker's acknowledgement. */
    void append(SchemaRecord record) {
        try {
            byte[][] kv = encode(record);
            producer.send(new ProducerRecord<>(topic, 0, kv[0], kv[1])).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(500, RegistryException.STORE_ERROR, "Interrupted while writing to " + topic);
        } catch (ExecutionException | TimeoutException e) {
            throw new RegistryException(
                    500, RegistryException.STORE_ERROR, "Error while writing to Kafka topic " + topic + ": " + e);
        }
    }

    static byte[][] encode(SchemaRecord record) {
        ObjectNode key = JSON.createObjectNode();
        ObjectNode value = JSON.createObjectNode();
        if (record instanceof SchemaRecord.SchemaVersion v) {
            key.put("keytype", "SCHEMA")
                    .put("subject", v.subject())
                    .put("version", v.version())
                    .put("magic", 1);
            value.put("subject", v.subject())
                    .put("version", v.version())
                    .put("id", v.id())
                    .put("schema", v.schema())
                    .put("deleted", v.deleted());
        } else if (record instanceof SchemaRecord.Config c) {
            key.put("keytype", "CONFIG");
            if (c.subject() == null) {
                key.putNull("subject");
            } else {
                key.put("subject", c.subject());
            }
            key.put("magic", 0);
            if (c.level() == null) {
                return new byte[][] {bytes(key), null};
            }
            value.put("compatibilityLevel", c.level().name());
        }
        return new byte[][] {bytes(key), bytes(value)};
    }

    static SchemaRecord decode(byte[] keyBytes, byte[] valueBytes) {
        try {
            JsonNode key = JSON.readTree(keyBytes);
            String type = key.path("keytype").asText();
            switch (type) {
                case "SCHEMA" -> {
                    if (valueBytes == null) {
                        return null; // hard delete tombstone: Confluent's permanent delete, not used by copydesk
                    }
                    JsonNode v = JSON.readTree(valueBytes);
                    return new SchemaRecord.SchemaVersion(
                            v.get("subject").asText(),
                            v.get("version").asInt(),
                            v.get("id").asInt(),
                            v.get("schema").asText(),
                            v.path("deleted").asBoolean(false));
                }
                case "CONFIG" -> {
                    String subject =
                            key.path("subject").isNull() || key.path("subject").isMissingNode()
                                    ? null
                                    : key.get("subject").asText();
                    CompatibilityLevel level = valueBytes == null
                            ? null
                            : CompatibilityLevel.parse(JSON.readTree(valueBytes)
                                    .get("compatibilityLevel")
                                    .asText());
                    return new SchemaRecord.Config(subject, level);
                }
                default -> {
                    return null; // NOOP, MODE, DELETE_SUBJECT...: nothing copydesk's state tracks
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Unreadable record in the schema log: " + new String(keyBytes, StandardCharsets.UTF_8), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
