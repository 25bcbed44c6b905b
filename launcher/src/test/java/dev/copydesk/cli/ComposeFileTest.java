package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.config.ServiceConfig;
import dev.copydesk.ingest.IngestConfig;
import dev.copydesk.sink.SinkConfig;
import dev.copydesk.streams.EnrichConfig;
import dev.copydesk.topics.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker-compose.yml is checked by reading it: the services exist, the ports are
 * the ones the code defaults to, and every COPYDESK_* variable names a setting the service really reads.
 */
class ComposeFileTest {

    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(String name) {
        return (Map<String, Object>) service(name).get("environment");
    }

    @Test
    void theFullStackIsThere() {
        assertThat(services).containsKeys("kafka", "schema-registry", "postgres", "ingest", "enrich", "sink");
        assertThat((String) service("kafka").get("image")).startsWith("apache/kafka:");
        assertThat((String) service("schema-registry").get("image")).startsWith("confluentinc/cp-schema-registry:");
        assertThat((String) service("postgres").get("image")).startsWith("postgres:");
        for (String s : List.of("ingest", "enrich", "sink")) {
            assertThat(service(s).get("build")).isEqualTo(".");
        }
        assertThat(Files.exists(Path.of("..", "Dockerfile"))).isTrue();
    }

    @Test
    void portsMatchTheDefaultsTheCodeUses() {
        assertThat(IngestConfig.DEFAULTS.get("bootstrap.servers")).endsWith(":9092");
        assertThat(service("kafka").get("ports").toString()).contains("9092:9092");
        assertThat(IngestConfig.DEFAULTS.get("schema.registry.url")).endsWith(":8081");
        assertThat(service("schema-registry").get("ports").toString()).contains("8081:8081");
        assertThat(service("postgres").get("ports").toString()).contains("5432:5432");
        assertThat(environment("sink").get("COPYDESK_DB_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(service("kafka-init").get("command").toString()).contains(String.join(" ", Topics.ALL));
    }

    @Test
    void everyCopydeskVariableNamesASettingTheServiceReads() {
        Set<String> kafkaNames = new HashSet<>();
        kafkaNames.addAll(ProducerConfig.configNames());
        kafkaNames.addAll(ConsumerConfig.configNames());
        kafkaNames.addAll(StreamsConfig.configDef().names());
        kafkaNames.add("schema.registry.url");
        Map<String, Set<String>> ownKeys = Map.of(
                "ingest", IngestConfig.DEFAULTS.keySet(),
                "enrich", EnrichConfig.DEFAULTS.keySet(),
                "sink", SinkConfig.DEFAULTS.keySet());
        ownKeys.forEach((service, keys) -> {
            Map<String, Object> env = environment(service);
            assertThat(env).as(service).containsKeys("COPYDESK_KAFKA_BOOTSTRAP_SERVERS", "COPYDESK_KAFKA_SCHEMA_REGISTRY_URL");
            ServiceConfig.fromEnvironment(toStrings(env)).keySet().forEach(key -> {
                if (key.startsWith(ServiceConfig.OWN_PREFIX)) {
                    assertThat(keys).as(service + " reads " + key).contains(key);
                } else {
                    assertThat(kafkaNames).as(service + ": " + key + " is a Kafka or serde setting").contains(key);
                }
            });
        });
    }

    private static Map<String, String> toStrings(Map<String, Object> env) {
        Map<String, String> out = new HashMap<>();
        env.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
