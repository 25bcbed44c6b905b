package dev.copydesk.registry;

import java.util.Map;

/** Builds the client a configuration asks for: in-memory for {@code mock://scope}, HTTP otherwise. */
public final class SchemaRegistryClients {
    private SchemaRegistryClients() {}

    public static SchemaRegistryClient create(Map<String, ?> configs) {
        RegistryClientConfig config = RegistryClientConfig.from(configs);
        return config.mockScope()
                .<SchemaRegistryClient>map(InMemorySchemaRegistryClient::forScope)
                .orElseGet(() -> new HttpSchemaRegistryClient(config));
    }
}
