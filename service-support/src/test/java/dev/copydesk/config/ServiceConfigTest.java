package dev.copydesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigTest {

    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenOverridesWinAndKafkaSettingsPassThroughUntouched() throws IOException {
        Path file = dir.resolve("svc.properties");
        Files.writeString(file, """
                bootstrap.servers=file:9092
                security.protocol=SASL_SSL
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
                copydesk.db.url=jdbc:sqlite:file.db
                copydesk.batch.size=10
                """);
        Map<String, String> merged = ServiceConfig.load(
                Map.of("copydesk.batch.size", "1", "ssl.truststore.type", "PKCS12"),
                Optional.of(file),
                Map.of(
                        "COPYDESK_KAFKA_BOOTSTRAP_SERVERS",
                        "env:9092",
                        "COPYDESK_DB_URL",
                        "jdbc:postgresql://h/db",
                        "PATH",
                        "/bin"),
                Map.of("copydesk.batch.size", "500"));
        ServiceConfig config = new ServiceConfig(merged) {};
        assertThat(config.get("copydesk.db.url")).isEqualTo("jdbc:postgresql://h/db");
        assertThat(config.getInt("copydesk.batch.size", 0)).isEqualTo(500);
        assertThat(config.clientSettings())
                .containsEntry("bootstrap.servers", "env:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsKey("sasl.jaas.config")
                .doesNotContainKeys("copydesk.db.url", "copydesk.batch.size", "path");
        assertThat(config.clientSettings().get("sasl.jaas.config").toString()).endsWith("password=\"p\";");
    }

    @Test
    void environmentNamesMapBothWays() {
        assertThat(ServiceConfig.environmentName("copydesk.db.url")).isEqualTo("COPYDESK_DB_URL");
        assertThat(ServiceConfig.environmentName("schema.registry.url"))
                .isEqualTo("COPYDESK_KAFKA_SCHEMA_REGISTRY_URL");
        assertThat(ServiceConfig.fromEnvironment(Map.of("COPYDESK_KAFKA_SCHEMA_REGISTRY_URL", "http://r")))
                .containsEntry("schema.registry.url", "http://r");
    }

    @Test
    void badValuesAndMissingKeysAreClearErrors() {
        ServiceConfig config = new ServiceConfig(Map.of("copydesk.batch.size", "lots")) {};
        assertThatThrownBy(() -> config.getInt("copydesk.batch.size", 1))
                .hasMessageContaining("copydesk.batch.size")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> config.get("bootstrap.servers"))
                .hasMessageContaining("COPYDESK_KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> ServiceConfig.readProperties(dir.resolve("missing.properties")))
                .hasMessageContaining("Cannot read config file");
    }
}
