package dev.copydesk.cli.bench;

import dev.copydesk.stack.LocalStack;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a bench runs: a cluster named by its options, or else the embedded stack in the run's work folder. */
final class BenchTarget {

    @Option(names = "--bootstrap-server", description = "Use this Kafka cluster instead of the embedded one.")
    String bootstrapServers;

    @Option(names = "--schema-registry", description = "Schema Registry to use with --bootstrap-server.")
    String schemaRegistry;

    /** The client settings reaching the target; the embedded stack, when started, closes with it. */
    record Opened(Map<String, Object> clients, LocalStack stack) implements AutoCloseable {
        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    Opened open(Path workDir) {
        if ((bootstrapServers == null) != (schemaRegistry == null)) {
            throw new IllegalArgumentException("--bootstrap-server and --schema-registry go together");
        }
        Map<String, Object> clients = new HashMap<>();
        if (bootstrapServers != null) {
            clients.put("bootstrap.servers", bootstrapServers);
            clients.put("schema.registry.url", schemaRegistry);
            return new Opened(clients, null);
        }
        LocalStack stack = new LocalStack(workDir.resolve("stack")).start();
        clients.put("bootstrap.servers", stack.bootstrapServers());
        clients.put("schema.registry.url", stack.schemaRegistryUrl());
        return new Opened(clients, stack);
    }
}
