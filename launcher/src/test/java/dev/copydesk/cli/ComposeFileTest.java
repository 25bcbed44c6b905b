package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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
import picocli.CommandLine;

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
        assertThat(services)
                .containsKeys("kafka", "schema-registry", "postgres", "ingest", "enrich", "sink", "dashboard");
        assertThat((String) service("kafka").get("image")).startsWith("apache/kafka:");
        assertThat((String) service("schema-registry").get("image")).startsWith("confluentinc/cp-schema-registry:");
        assertThat((String) service("postgres").get("image")).startsWith("postgres:");
        for (String s : List.of("ingest", "enrich", "sink", "dashboard")) {
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
        assertThat(environment("sink").get("COPYDESK_DB_URL").toString())
                .startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(service("kafka-init").get("command").toString())
                .contains(String.join(" ", Topics.ALL.subList(0, 5)))
                .contains("--topic " + Topics.WATCHLISTS
                        + " --partitions 1 --replication-factor 1 --config cleanup.policy=compact");
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
            assertThat(env)
                    .as(service)
                    .containsKeys("COPYDESK_KAFKA_BOOTSTRAP_SERVERS", "COPYDESK_KAFKA_SCHEMA_REGISTRY_URL");
            ServiceConfig.fromEnvironment(toStrings(env)).keySet().forEach(key -> {
                if (key.startsWith(ServiceConfig.OWN_PREFIX)) {
                    assertThat(keys).as(service + " reads " + key).contains(key);
                } else {
                    assertThat(kafkaNames)
                            .as(service + ": " + key + " is a Kafka or serde setting")
                            .contains(key);
                }
            });
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaKeepsItsDataInItsNamedVolumeAcrossDownAndUp() throws IOException {
        // the apache/kafka image writes to /tmp/kraft-combined-logs unless told: the log dirs must be the volume's path
        String logDirs = environment("kafka").get("KAFKA_LOG_DIRS").toString();
        assertThat((List<String>) service("kafka").get("volumes")).contains("kafka-data:" + logDirs);
        assertThat((List<String>) service("postgres").get("volumes"))
                .contains("postgres-data:/var/lib/postgresql/data");
        try (Reader in = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("kafka-data", "postgres-data");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesMetricsAndTheDashboardAreReachableFromTheHost() {
        Map<String, Integer> published = Map.of(
                "enrich",
                EnrichCommand.METRICS_PORT,
                "sink",
                SinkCommand.METRICS_PORT,
                "dashboard",
                DashboardCommand.DEFAULT_PORT);
        published.forEach((name, port) -> {
            assertThat(service(name).get("ports").toString()).as(name).contains(port + ":" + port);
            List<String> command = (List<String>) service(name).get("command");
            // inside a container 127.0.0.1 is the container's own loopback: a published port needs 0.0.0.0
            String hostFlag = name.equals("dashboard") ? "--host" : "--metrics-host";
            assertThat(command.get(command.indexOf(hostFlag) + 1)).as(name).isEqualTo("0.0.0.0");
        });
        List<String> dashboard = (List<String>) service("dashboard").get("command");
        assertThat(dashboard.get(dashboard.indexOf("--db") + 1))
                .isEqualTo(environment("sink").get("COPYDESK_DB_URL"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void startUpWaitsForHealthyKafkaRegistryAndDatabase() {
        for (String dependency : List.of("kafka", "schema-registry", "postgres")) {
            assertThat(service(dependency))
                    .as(dependency + " has a healthcheck")
                    .containsKey("healthcheck");
        }
        services.forEach((name, definition) -> {
            Map<String, Object> dependsOn =
                    (Map<String, Object>) ((Map<String, Object>) definition).getOrDefault("depends_on", Map.of());
            dependsOn.forEach((dependency, condition) -> {
                String expected =
                        dependency.equals("kafka-init") ? "service_completed_successfully" : "service_healthy";
                assertThat(((Map<String, Object>) condition).get("condition"))
                        .as(name + " waits for " + dependency)
                        .isEqualTo(expected);
            });
        });
        for (String s : List.of("ingest", "enrich", "sink")) {
            assertThat((Map<String, Object>) service(s).get("depends_on"))
                    .as(s)
                    .containsKeys("kafka-init", "schema-registry");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceCommandParsesWithTheRealCommandLine() {
        for (String s : List.of("ingest", "enrich", "sink", "dashboard")) {
            List<String> command = (List<String>) service(s).get("command");
            assertThatCode(() -> new CommandLine(new CopydeskCommand()).parseArgs(command.toArray(String[]::new)))
                    .as(s)
                    .doesNotThrowAnyException();
        }
    }

    private static Map<String, String> toStrings(Map<String, Object> env) {
        Map<String, String> out = new HashMap<>();
        env.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
