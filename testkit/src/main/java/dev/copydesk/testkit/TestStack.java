package dev.copydesk.testkit;

import java.util.HashMap;
import java.util.Map;

/** The broker and registry a test run shares, whichever kind started them. */
public record TestStack(String kind, String bootstrapServers, String schemaRegistryUrl) {

    /** Kafka client and serde settings reaching this stack. */
    public Map<String, Object> clientSettings() {
        Map<String, Object> m = new HashMap<>();
        m.put("bootstrap.servers", bootstrapServers);
        m.put("schema.registry.url", schemaRegistryUrl);
        return m;
    }

    /** The same as strings, for service configs. */
    public Map<String, String> clientStrings() {
        return Map.of("bootstrap.servers", bootstrapServers, "schema.registry.url", schemaRegistryUrl);
    }
}
