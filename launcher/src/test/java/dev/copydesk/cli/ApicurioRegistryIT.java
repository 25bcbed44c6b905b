package dev.copydesk.cli;

import static dev.copydesk.cli.DemoCommandIT.copydesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.avro.Article;
import dev.copydesk.registry.CompatibilityLevel;
import dev.copydesk.registry.HttpSchemaRegistryClient;
import dev.copydesk.registry.RegistryClientConfig;
import dev.copydesk.registry.RegistryException;
import dev.copydesk.registry.SchemaRegistryClient;
import dev.copydesk.stack.EmbeddedKafka;
import dev.copydesk.stack.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * copydesk's whole pipeline through a Schema Registry nobody here wrote: Apicurio Registry 3 (from Maven Central,
 * unpacked by the build into target/apicurio) serving Confluent's API at /apis/ccompat/v7, on a Java 21+ JDK. The
 * producer, enrich-streams and the sink register and resolve every schema there; tail decodes every record.
 */
class ApicurioRegistryIT {

    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;
    static Process apicurio;
    static String registryUrl;

    @BeforeAll
    static void start() throws Exception {
        kafka = new EmbeddedKafka(dir.resolve("kafka")).start();
        Path app = Path.of(System.getProperty("copydesk.apicurio.dir", "target/apicurio"))
                .resolve("quarkus-run.jar")
                .toAbsolutePath();
        assertThat(app)
                .as("Apicurio Registry unpacked by the build (mvn verify runs maven-dependency-plugin:unpack)")
                .isRegularFile();
        int port = FreePorts.pick();
        apicurio = new ProcessBuilder(
                        java21().toString(),
                        "-Xmx512m",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + port,
                        "-Dquarkus.management.enabled=false",
                        "-jar",
                        app.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("apicurio.log").toFile())
                .start();
        registryUrl = "http://127.0.0.1:" + port + "/apis/ccompat/v7";
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(registryUrl + "/subjects"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(apicurio.isAlive())
                    .as(Files.readString(dir.resolve("apicurio.log")))
                    .isTrue();
            assertThat(System.nanoTime()).as("Apicurio answered within 120 s").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (apicurio != null) {
            apicurio.destroy();
            apicurio.waitFor();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /** A JDK of version 21 or later: COPYDESK_JAVA21 if set, else the newest one under /usr/lib/jvm. */
    static Path java21() throws IOException {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("COPYDESK_JAVA21")).map(Path::of).ifPresent(candidates::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                homes.sorted((a, b) -> b.getFileName()
                                .toString()
                                .compareTo(a.getFileName().toString()))
                        .forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            Path release = home.resolve("release");
            Path java = home.resolve("bin").resolve("java");
            if (Files.isRegularFile(release) && Files.isExecutable(java)) {
                String version = Files.readAllLines(release).stream()
                        .filter(l -> l.startsWith("JAVA_VERSION="))
                        .map(l -> l.replaceAll("[^0-9.]", ""))
                        .findFirst()
                        .orElse("0");
                if (Integer.parseInt(version.split("\\.")[0]) >= 21) {
                    return java;
                }
            }
        }
        throw new AssertionError(
                "Apicurio Registry needs a Java 21+ JDK: set COPYDESK_JAVA21 to one (none under /usr/lib/jvm)");
    }

    @Test
    void theWholePipelineRunsThroughApicurioAndEveryRecordDecodes() throws Exception {
        DemoCommandIT.Run demo = copydesk(
                "demo",
                "--data-dir",
                dir.resolve("world").toString(),
                "--bootstrap-server",
                kafka.bootstrapServers(),
                "--schema-registry",
                registryUrl);
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("articles stored        6", "duplicates stored      2")
                .containsPattern("magic byte 0, schema id \\d+ -> GET /schemas/ids/\\d+: HTTP 200");

        JsonNode subjects = new ObjectMapper()
                .readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(registryUrl + "/subjects"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        List<String> names = new ArrayList<>();
        subjects.forEach(s -> names.add(s.asText()));
        assertThat(names).contains("articles.raw-value", "articles.enriched-value", "articles.duplicates-value");

        for (String[] topic :
                List.of(new String[] {"raw", "7"}, new String[] {"enriched", "6"}, new String[] {"duplicates", "2"})) {
            DemoCommandIT.Run tail = copydesk(
                    "tail",
                    topic[0],
                    "--from-beginning",
                    "--json",
                    "--bootstrap-server",
                    kafka.bootstrapServers(),
                    "--schema-registry",
                    registryUrl);
            assertThat(tail.exit()).as(tail.err()).isZero();
            List<String> lines =
                    tail.out().lines().filter(l -> l.startsWith("{")).toList();
            assertThat(lines).as(topic[0]).hasSize(Integer.parseInt(topic[1]));
            assertThat(tail.out() + tail.err()).as(topic[0]).doesNotContain("undecodable");
        }
    }

    @Test
    void anIncompatibleSchemaIsRefusedWithApicuriosConflictAsCopydesksClearError() {
        SchemaRegistryClient client =
                new HttpSchemaRegistryClient(RegistryClientConfig.from(Map.of("schema.registry.url", registryUrl)));
        String subject = "conflict-" + System.nanoTime() + "-value";
        int id = client.register(subject, Article.getClassSchema());
        client.setCompatibility(subject, CompatibilityLevel.BACKWARD);
        assertThat(client.compatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
        // a required field without a default: readers of the new schema cannot read what was written before
        Schema incompatible = new Schema.Parser()
                .parse(Article.getClassSchema()
                        .toString()
                        .replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"desk\",\"type\":\"string\"},"));
        assertThat(client.isCompatible(subject, incompatible)).isFalse();
        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.getMessage()).containsIgnoringCase("incompatible");
                });
        assertThat(client.latest(subject).id()).isEqualTo(id);
    }
}
