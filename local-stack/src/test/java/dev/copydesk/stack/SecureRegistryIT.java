package dev.copydesk.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.registry.HttpSchemaRegistryClient;
import dev.copydesk.registry.RegistryClientConfig;
import dev.copydesk.registry.RegistryException;
import dev.copydesk.registry.RegistryUnreachableException;
import dev.copydesk.registry.SchemaRegistryClient;
import dev.copydesk.serde.AvroSerializer;
import dev.copydesk.serde.WireFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client against a registry that demands TLS with client certificates, and one that demands a bearer
 * token: our embedded registry serving HTTPS, journaled on a real KRaft broker, with certificates made for the run
 * by the JDK's keytool.
 */
class SecureRegistryIT {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = new EmbeddedKafka(dir.resolve("kafka")).start();
        for (String side : List.of("server", "client")) {
            keytool(
                    "-genkeypair",
                    "-alias",
                    side,
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-dname",
                    "CN=" + side,
                    "-ext",
                    "SAN=ip:127.0.0.1,dns:localhost",
                    "-validity",
                    "2",
                    "-keystore",
                    store(side + "-keys"),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD);
            keytool(
                    "-exportcert",
                    "-alias",
                    side,
                    "-keystore",
                    store(side + "-keys"),
                    "-storepass",
                    PASSWORD,
                    "-file",
                    dir.resolve(side + ".cer").toString());
        }
        // each side trusts the other's certificate
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "server",
                "-file",
                dir.resolve("server.cer").toString(),
                "-keystore",
                store("client-trust"),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "client",
                "-file",
                dir.resolve("client.cer").toString(),
                "-keystore",
                store("server-trust"),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static String store(String name) {
        return dir.resolve(name + ".p12").toString();
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
    }

    private static Map<String, Object> trusting(String url) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("schema.registry.url", url);
        settings.put("schema.registry.retry.max.attempts", "1");
        settings.put("schema.registry.ssl.truststore.location", store("client-trust"));
        settings.put("schema.registry.ssl.truststore.password", PASSWORD);
        settings.put("schema.registry.ssl.truststore.type", "PKCS12");
        return settings;
    }

    @Test
    void aRegistryThatDemandsClientCertificatesAnswersOnlyAClientWithItsKeystore() {
        Map<String, Object> serverTls = Map.of(
                "schema.registry.ssl.keystore.location",
                store("server-keys"),
                "schema.registry.ssl.keystore.password",
                PASSWORD,
                "schema.registry.ssl.keystore.type",
                "PKCS12",
                "schema.registry.ssl.truststore.location",
                store("server-trust"),
                "schema.registry.ssl.truststore.password",
                PASSWORD,
                "schema.registry.ssl.truststore.type",
                "PKCS12");
        try (SchemaRegistryServer registry = new SchemaRegistryServer(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()), "127.0.0.1", 0, Optional.empty())
                .withTls(serverTls, true)
                .start()) {
            assertThat(registry.url()).startsWith("https://127.0.0.1:");
            Map<String, Object> withCertificate = trusting(registry.url());
            withCertificate.put("schema.registry.ssl.keystore.location", store("client-keys"));
            withCertificate.put("schema.registry.ssl.keystore.password", PASSWORD);
            withCertificate.put("schema.registry.ssl.keystore.type", "PKCS12");
            SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.from(withCertificate));
            int id = client.register("tls-value", RawArticle.getClassSchema());
            assertThat(client.getById(id)).isEqualTo(RawArticle.getClassSchema());
            // the serializer, configured by the same settings, frames records under that id over TLS
            AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
            serializer.configure(withCertificate, false);
            assertThat(WireFormat.schemaId(serializer.serialize("tls", sample())))
                    .isEqualTo(id);

            SchemaRegistryClient noCertificate =
                    new HttpSchemaRegistryClient(RegistryClientConfig.from(trusting(registry.url())));
            assertThatThrownBy(noCertificate::subjects).isInstanceOf(RegistryUnreachableException.class);
            Map<String, Object> trustingNobody = new HashMap<>(withCertificate);
            trustingNobody.keySet().removeIf(k -> k.contains("truststore"));
            SchemaRegistryClient distrustful = new HttpSchemaRegistryClient(RegistryClientConfig.from(trustingNobody));
            assertThatThrownBy(distrustful::subjects)
                    .isInstanceOf(RegistryUnreachableException.class)
                    .hasMessageContaining("PKIX");
        }
    }

    @Test
    void aRegistryThatDemandsABearerTokenAnswersOnlyThoseWhoSendIt() {
        try (SchemaRegistryServer registry = new SchemaRegistryServer(kafka.bootstrapServers())
                .withBearerToken("t0ken")
                .start()) {
            Map<String, Object> settings = new HashMap<>(Map.of("schema.registry.url", registry.url()));
            assertThatThrownBy(() -> new HttpSchemaRegistryClient(RegistryClientConfig.from(settings)).subjects())
                    .isInstanceOfSatisfying(
                            RegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(401));
            settings.put("bearer.auth.credentials.source", "STATIC_TOKEN");
            settings.put("bearer.auth.token", "wrong");
            assertThatThrownBy(() -> new HttpSchemaRegistryClient(RegistryClientConfig.from(settings)).subjects())
                    .isInstanceOfSatisfying(
                            RegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(401));
            settings.put("bearer.auth.token", "t0ken");
            SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.from(settings));
            int id = client.register("bearer-value", RawArticle.getClassSchema());
            assertThat(client.latest("bearer-value").id()).isEqualTo(id);
        }
    }

    @Test
    void credentialSettingsThatCannotWorkAreRefusedUpFront() {
        assertThatThrownBy(() -> RegistryClientConfig.from(
                        Map.of("schema.registry.url", "http://h:1", "bearer.auth.credentials.source", "OAUTHBEARER")))
                .hasMessageContaining("copydesk supports STATIC_TOKEN");
        assertThatThrownBy(() -> RegistryClientConfig.from(
                        Map.of("schema.registry.url", "http://h:1", "bearer.auth.credentials.source", "STATIC_TOKEN")))
                .hasMessageContaining("needs bearer.auth.token");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(
                        "schema.registry.url",
                        "http://u:p@h:1",
                        "bearer.auth.credentials.source",
                        "STATIC_TOKEN",
                        "bearer.auth.token",
                        "t")))
                .hasMessageContaining("one kind of credentials");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(
                        "schema.registry.url",
                        "https://h:1",
                        "schema.registry.ssl.truststore.location",
                        dir.resolve("missing.p12").toString())))
                .hasMessageContaining("schema.registry.ssl.*");
    }

    private static RawArticle sample() {
        return RawArticle.newBuilder()
                .setId("a")
                .setSourceRef("a.txt")
                .setReceivedAt(Instant.EPOCH)
                .setContentType(ContentType.TEXT)
                .setText("SEOUL (Yonhap) -- A story.")
                .build();
    }
}
