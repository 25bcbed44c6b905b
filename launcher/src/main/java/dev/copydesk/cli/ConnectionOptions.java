package dev.copydesk.cli;

import dev.copydesk.config.ServiceConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every service command shares: a config file, where Kafka and the registry are, and -D overrides. */
final class ConnectionOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with copydesk.* and Kafka client settings.")
    Path config;

    @Option(
            names = "--bootstrap-server",
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (bootstrap.servers).")
    String bootstrapServers;

    @Option(
            names = "--schema-registry",
            paramLabel = "URL",
            description = "Schema Registry URL(s) (schema.registry.url).")
    String schemaRegistry;

    @Option(
            names = {"-D", "--set"},
            paramLabel = "KEY=VALUE",
            description = "Any setting, e.g. -D security.protocol=SASL_SSL.")
    Map<String, String> settings = new HashMap<>();

    Optional<Path> configFile() {
        return Optional.ofNullable(config);
    }

    /**
     * The settings of a command that is no service of its own (tail, stats, dlq, dashboard): Kafka and the registry
     * on localhost unless told otherwise, then the file, the environment and the overrides.
     */
    ServiceConfig serviceConfig() {
        Map<String, String> defaults =
                Map.of("bootstrap.servers", "127.0.0.1:9092", "schema.registry.url", "http://127.0.0.1:8081");
        return new ServiceConfig(ServiceConfig.load(defaults, configFile(), System.getenv(), overrides())) {};
    }

    /** Explicit overrides: -D settings, then the named flags. */
    Map<String, String> overrides() {
        Map<String, String> out = new HashMap<>(settings);
        if (bootstrapServers != null) {
            out.put("bootstrap.servers", bootstrapServers);
        }
        if (schemaRegistry != null) {
            out.put("schema.registry.url", schemaRegistry);
        }
        return out;
    }
}
