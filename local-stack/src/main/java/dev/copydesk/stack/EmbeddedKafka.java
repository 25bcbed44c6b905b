package dev.copydesk.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka 4.4 KRaft node (broker and controller in one) running in this JVM, from the Maven Central
 * artifacts. Its log directory survives {@link #close()}: starting again on the same directory continues where it
 * stopped (storage is formatted only once, when {@code meta.properties} does not exist yet).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> extra;
    private Map<String, String> saslPlainUsers = Map.of();
    private int saslPort;
    private KafkaRaftServer server;

    /**
     * @param logDir  where the broker keeps its data (created if missing)
     * @param port    client port on 127.0.0.1, 0 for a free one
     * @param extra   broker settings added to or replacing the single-node defaults
     */
    public EmbeddedKafka(Path logDir, int port, Map<String, String> extra) {
        this.logDir = logDir;
        this.port = port == 0 ? FreePorts.pick() : port;
        int controller = FreePorts.pick();
        while (controller == this.port) { // a port given by the caller is not among those handed out
            controller = FreePorts.pick();
        }
        this.controllerPort = controller;
        this.extra = Map.copyOf(extra);
    }

    public EmbeddedKafka(Path logDir) {
        this(logDir, 0, Map.of());
    }

    /**
     * Adds a SASL_PLAINTEXT listener (mechanism PLAIN) that accepts these users and passwords, beside the plain
     * listener, so that clients can be tested against a broker that demands authentication. Call before
     * {@link #start()}.
     */
    public synchronized EmbeddedKafka withSaslPlainListener(Map<String, String> usersAndPasswords) {
        if (usersAndPasswords.isEmpty()) {
            throw new IllegalArgumentException("a SASL listener needs at least one user");
        }
        this.saslPlainUsers = Map.copyOf(usersAndPasswords);
        this.saslPort = FreePorts.pick();
        return this;
    }

    /** The SASL_PLAINTEXT listener's address, once {@link #withSaslPlainListener} was called. */
    public String saslBootstrapServers() {
        if (saslPort == 0) {
            throw new IllegalStateException("this broker has no SASL listener");
        }
        return "127.0.0.1:" + saslPort;
    }

    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka log dir " + logDir, e);
        }
        Properties props = brokerProperties();
        formatOnce(props);
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup(); // returns once the broker is unfenced and serving
        log.info(
                "Embedded Kafka KRaft node up at {} in {} ms (data: {})",
                bootstrapServers(),
                (System.nanoTime() - t0) / 1_000_000,
                logDir);
        return this;
    }

    Properties brokerProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        if (!saslPlainUsers.isEmpty()) {
            p.put("listeners", p.get("listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
            p.put("advertised.listeners", p.get("advertised.listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
            p.put(
                    "listener.security.protocol.map",
                    p.get("listener.security.protocol.map") + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
            p.put("sasl.enabled.mechanisms", "PLAIN");
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
            saslPlainUsers.forEach((user, password) -> jaas.append(" user_")
                    .append(user)
                    .append("=\"")
                    .append(password)
                    .append('"'));
            p.put(
                    "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                    jaas.append(';').toString());
        }
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // the 128 MB default dedupe buffer would triple the idle heap
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        p.put("auto.create.topics.enable", "false");
        p.put("message.max.bytes", String.valueOf(8 * 1024 * 1024 + 1024));
        p.putAll(extra);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    private void formatOnce(Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path config = logDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(out, "written by copydesk to format storage");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int rc = StorageTool.execute(
                new String[] {
                    "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"
                },
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("Formatting Kafka storage in " + logDir + " failed (" + rc + "): "
                    + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
