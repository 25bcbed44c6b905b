package dev.copydesk.testkit;

import dev.copydesk.stack.EmbeddedKafka;
import dev.copydesk.stack.SchemaRegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Gives tests one Kafka broker and one Schema Registry per test run (per JVM): Testcontainers' Apache Kafka
 * container where a Docker engine answers, a real embedded KRaft node otherwise, so no integration test is ever
 * skipped for lack of Docker. Choose with {@code -Dcopydesk.test.broker=auto|docker|embedded} (default auto).
 * The registry is Confluent's own ({@code confluentinc/cp-schema-registry}) beside the Kafka container where Docker
 * runs, so the whole suite checks copydesk against it there, and copydesk's embedded server journaled on the
 * embedded broker otherwise ({@code -Dcopydesk.test.registry=embedded} keeps ours under Docker too). Inject a
 * {@link TestStack} parameter to use it.
 */
public final class KafkaStackExtension implements ParameterResolver {

    public static final String MODE_PROPERTY = "copydesk.test.broker";
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningStack.class, k -> RunningStack.start(), RunningStack.class)
                .stack;
    }

    /** The started stack, closed by JUnit when the run ends. */
    static final class RunningStack implements AutoCloseable {
        final TestStack stack;
        private final AutoCloseable broker;
        private final AutoCloseable registry;

        private RunningStack(TestStack stack, AutoCloseable broker, AutoCloseable registry) {
            this.stack = stack;
            this.broker = broker;
            this.registry = registry;
        }

        static RunningStack start() {
            String mode = System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
            boolean docker = switch (mode) {
                case "docker" -> true;
                case "embedded" -> false;
                case "auto" -> dockerAvailable();
                default ->
                    throw new IllegalArgumentException(
                            MODE_PROPERTY + " must be auto, docker or embedded, not " + mode);
            };
            long t0 = System.nanoTime();
            AutoCloseable broker;
            String bootstrap;
            String kind;
            AutoCloseable registry;
            String registryUrl;
            if (docker) {
                String image = System.getProperty("copydesk.test.kafka.image", "apache/kafka:4.1.1");
                Network network = Network.newNetwork();
                KafkaContainer container =
                        new KafkaContainer(image).withNetwork(network).withListener("kafka:19092");
                container.start();
                broker = container;
                bootstrap = container.getBootstrapServers();
                kind = "Testcontainers " + image;
                if (!"embedded".equals(System.getProperty("copydesk.test.registry", "confluent"))) {
                    String registryImage =
                            System.getProperty("copydesk.test.registry.image", "confluentinc/cp-schema-registry:7.9.0");
                    GenericContainer<?> confluent = new GenericContainer<>(registryImage)
                            .withNetwork(network)
                            .withExposedPorts(8081)
                            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
                    confluent.start();
                    registry = confluent;
                    registryUrl = "http://" + confluent.getHost() + ":" + confluent.getMappedPort(8081);
                    kind += " with " + registryImage;
                } else {
                    SchemaRegistryServer ours = embeddedRegistry(bootstrap);
                    registry = ours;
                    registryUrl = ours.url();
                }
            } else {
                Path dir;
                try {
                    dir = Files.createTempDirectory("copydesk-test-kafka");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                EmbeddedKafka kafka = new EmbeddedKafka(dir).start();
                broker = kafka;
                bootstrap = kafka.bootstrapServers();
                kind = "embedded KRaft (kafka_2.13 4.4.0" + ("auto".equals(mode) ? ", no Docker engine found" : "")
                        + ")";
                SchemaRegistryServer ours = embeddedRegistry(bootstrap);
                registry = ours;
                registryUrl = ours.url();
            }
            TestStack stack = new TestStack(kind, bootstrap, registryUrl);
            System.out.printf(
                    "copydesk tests: broker = %s at %s, schema registry at %s (%d ms)%n",
                    kind, bootstrap, registryUrl, (System.nanoTime() - t0) / 1_000_000);
            return new RunningStack(stack, broker, registry);
        }

        private static SchemaRegistryServer embeddedRegistry(String bootstrap) {
            return new SchemaRegistryServer(Map.of("bootstrap.servers", bootstrap), "127.0.0.1", 0, Optional.empty())
                    .start();
        }

        private static boolean dockerAvailable() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | Error e) {
                return false;
            }
        }

        @Override
        public void close() throws Exception {
            registry.close();
            broker.close();
        }
    }
}
