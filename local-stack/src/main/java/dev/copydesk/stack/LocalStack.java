package dev.copydesk.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded local stack copydesk runs on without Docker: one Kafka KRaft node and one Schema Registry on
 * 127.0.0.1, their data under one folder ({@code <dataDir>/kafka}), kept between runs.
 */
public final class LocalStack implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final int registryPort;
    private SchemaRegistryServer registry;

    public LocalStack(Path dataDir) {
        this(dataDir, 0, Map.of());
    }

    public LocalStack(Path dataDir, int kafkaPort, Map<String, String> brokerSettings) {
        this(dataDir, kafkaPort, 0, brokerSettings);
    }

    /** @param registryPort the Schema Registry's port on 127.0.0.1, 0 for a free one */
    public LocalStack(Path dataDir, int kafkaPort, int registryPort, Map<String, String> brokerSettings) {
        this.kafka = new EmbeddedKafka(dataDir.resolve("kafka"), kafkaPort, brokerSettings);
        this.registryPort = registryPort;
    }

    public LocalStack start() {
        kafka.start();
        registry = new SchemaRegistryServer(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        "127.0.0.1",
                        registryPort,
                        Optional.empty())
                .start();
        return this;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** Client settings reaching this stack: bootstrap servers and registry URL. */
    public Map<String, Object> clientSettings() {
        Map<String, Object> m = new HashMap<>();
        m.put("bootstrap.servers", bootstrapServers());
        m.put("schema.registry.url", schemaRegistryUrl());
        return m;
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
        kafka.close();
    }
}
