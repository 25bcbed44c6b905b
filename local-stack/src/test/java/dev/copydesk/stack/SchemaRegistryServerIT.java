package dev.copydesk.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.registry.CompatibilityLevel;
import dev.copydesk.registry.HttpSchemaRegistryClient;
import dev.copydesk.registry.RegistryClientConfig;
import dev.copydesk.registry.RegistryException;
import dev.copydesk.registry.RegistryUnreachableException;
import dev.copydesk.registry.SchemaRegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our registry server and our HTTP client, over real HTTP, journaled on a real KRaft broker. */
class SchemaRegistryServerIT {

    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;
    static SchemaRegistryServer server;
    static SchemaRegistryClient client;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafka(dir.resolve("kafka")).start();
        server = new SchemaRegistryServer(kafka.bootstrapServers()).start();
        client = new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of("schema.registry.url", server.url())));
    }

    @AfterAll
    static void stop() {
        server.close();
        kafka.close();
    }

    @Test
    void sameSchemaGetsSameIdInEverySubjectAndAfterWhitespaceChanges() {
        int first = client.register("a-value", RawArticle.getClassSchema());
        int again = client.register(
                "a-value", new Schema.Parser().parse(RawArticle.getClassSchema().toString(true)));
        int otherSubject = client.register("b-value", RawArticle.getClassSchema());
        assertThat(again).isEqualTo(first);
        assertThat(otherSubject).isEqualTo(first);
        assertThat(client.getById(first)).isEqualTo(RawArticle.getClassSchema());
        assertThat(client.versions("a-value")).containsExactly(1);
        assertThat(client.subjects()).contains("a-value", "b-value");
    }

    @Test
    void backwardCompatibleEvolutionIsAcceptedAndIncompatibleIsRefusedWith409() {
        Schema v1 = SchemaBuilder.record("Evolving")
                .namespace("t")
                .fields()
                .requiredString("a")
                .endRecord();
        Schema v2 = SchemaBuilder.record("Evolving")
                .namespace("t")
                .fields()
                .requiredString("a")
                .name("b")
                .type()
                .stringType()
                .stringDefault("x")
                .endRecord();
        Schema breaking = SchemaBuilder.record("Evolving")
                .namespace("t")
                .fields()
                .requiredString("a")
                .requiredLong("c")
                .endRecord();
        int id1 = client.register("evolving-value", v1);
        int id2 = client.register("evolving-value", v2);
        assertThat(id2).isNotEqualTo(id1);
        assertThat(client.latest("evolving-value").version()).isEqualTo(2);
        assertThat(client.isCompatible("evolving-value", breaking)).isFalse();
        assertThatThrownBy(() -> client.register("evolving-value", breaking))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                });
        client.setCompatibility("evolving-value", CompatibilityLevel.NONE);
        assertThat(client.compatibility("evolving-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(client.compatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.register("evolving-value", breaking)).isPositive();
    }

    @Test
    void lookupFindsOnlyWhatIsRegistered() {
        client.register("lookup-value", Article.getClassSchema());
        assertThat(client.lookup("lookup-value", Article.getClassSchema()))
                .hasValueSatisfying(r -> assertThat(r.version()).isEqualTo(1));
        assertThat(client.lookup("lookup-value", RawArticle.getClassSchema())).isEmpty();
        assertThat(client.lookup("no-such-subject", RawArticle.getClassSchema()))
                .isEmpty();
    }

    @Test
    void errorsCarryConfluentErrorCodes() throws Exception {
        assertThatThrownBy(() -> client.getById(987654))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.latest("missing-subject"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> invalid = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/subjects/x-value/versions"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"{not avro\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"error_code\":42201");
        HttpResponse<String> noLevel = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/config/x-value"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noLevel.body()).contains("40408");
        HttpResponse<String> badVersion = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/subjects/a-value/versions/zero?ignored=1"))
                        .header("Accept", "*/*")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        client.register("a-value", RawArticle.getClassSchema());
        assertThat(badVersion.body()).containsAnyOf("42202", "40401");
    }

    @Test
    void idsSurviveARegistryRestartBecauseTheyAreInTheSchemasTopic() {
        Schema restartSchema = SchemaBuilder.record("Restart")
                .namespace("t")
                .fields()
                .requiredInt("n")
                .endRecord();
        int id = client.register("restart-value", restartSchema);
        try (SchemaRegistryServer second = new SchemaRegistryServer(kafka.bootstrapServers()).start()) {
            SchemaRegistryClient secondClient = new HttpSchemaRegistryClient(
                    RegistryClientConfig.from(Map.of("schema.registry.url", second.url())));
            assertThat(secondClient.getById(id)).isEqualTo(restartSchema);
            assertThat(secondClient.latest("restart-value").id()).isEqualTo(id);
            assertThat(secondClient.compatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);
        }
    }

    @Test
    void basicAuthIsEnforcedAndAcceptedFromUserInfoSettings() {
        try (SchemaRegistryServer secured = new SchemaRegistryServer(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        "127.0.0.1",
                        0,
                        Optional.of("desk:s3cret"))
                .start()) {
            SchemaRegistryClient anonymous = new HttpSchemaRegistryClient(
                    RegistryClientConfig.from(Map.of("schema.registry.url", secured.url())));
            assertThatThrownBy(anonymous::subjects)
                    .isInstanceOfSatisfying(
                            RegistryException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(401));
            SchemaRegistryClient authorised = new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                    "schema.registry.url", secured.url(),
                    "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "desk:s3cret")));
            assertThat(authorised.subjects()).isNotNull();
        }
    }

    @Test
    void unreachableRegistryIsRetriedOverEveryUrlThenReportedLoudly() {
        int deadPort = FreePorts.pick();
        SchemaRegistryClient dead = new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of(
                "schema.registry.url", "http://127.0.0.1:" + deadPort,
                "schema.registry.retry.max.attempts", "3",
                "schema.registry.retry.backoff.ms", "10")));
        assertThatThrownBy(() -> dead.getById(1))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("unreachable")
                .hasMessageContaining("3 attempts");
        // a dead first URL is skipped in favour of a live second one
        SchemaRegistryClient failover = new HttpSchemaRegistryClient(RegistryClientConfig.from(
                Map.of("schema.registry.url", "http://127.0.0.1:" + deadPort + "," + server.url())));
        assertThat(failover.register("failover-value", RawArticle.getClassSchema()))
                .isPositive();
    }
}
