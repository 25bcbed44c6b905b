package dev.copydesk.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the Schema Registry's HTTP, from key and trust stores under Confluent's names with the
 * {@code schema.registry.} prefix: {@code ssl.truststore.location|password|type} (whom to trust),
 * {@code ssl.keystore.location|password|type} and {@code ssl.key.password} (this side's certificate, for a registry
 * that asks clients for one), {@code ssl.protocol} (default TLS). Store types default to JKS, which also reads
 * PKCS12 files. The embedded registry builds its server side from the same settings.
 */
public final class TlsContexts {

    public static final String PREFIX = "schema.registry.";

    private TlsContexts() {}

    /** The context the settings describe, or empty when they name no store (the JDK's defaults then apply). */
    public static Optional<SSLContext> from(Map<String, ?> configs, String prefix) {
        String trust = string(configs, prefix + "ssl.truststore.location");
        String keys = string(configs, prefix + "ssl.keystore.location");
        if (trust == null && keys == null) {
            return Optional.empty();
        }
        try {
            TrustManagerFactory trustManagers = null;
            if (trust != null) {
                trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(load(
                        trust,
                        string(configs, prefix + "ssl.truststore.password"),
                        string(configs, prefix + "ssl.truststore.type")));
            }
            KeyManagerFactory keyManagers = null;
            if (keys != null) {
                String storePassword = string(configs, prefix + "ssl.keystore.password");
                String keyPassword = Optional.ofNullable(string(configs, prefix + "ssl.key.password"))
                        .orElse(storePassword);
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(
                        load(keys, storePassword, string(configs, prefix + "ssl.keystore.type")),
                        keyPassword == null ? null : keyPassword.toCharArray());
            }
            SSLContext context = SSLContext.getInstance(Optional.ofNullable(string(configs, prefix + "ssl.protocol"))
                    .orElse("TLS"));
            context.init(
                    keyManagers == null ? null : keyManagers.getKeyManagers(),
                    trustManagers == null ? null : trustManagers.getTrustManagers(),
                    null);
            return Optional.of(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "Schema Registry TLS settings (" + prefix + "ssl.*) are not usable: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String location, String password, String type)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type == null || type.isBlank() ? "JKS" : type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }

    private static String string(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
