package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.sink.SinkConfig;
import dev.copydesk.sink.SinkRunner;
import dev.copydesk.stack.EmbeddedKafka;
import dev.copydesk.stack.SchemaRegistryServer;
import dev.copydesk.store.Database;
import dev.copydesk.streams.EnrichApp;
import dev.copydesk.streams.EnrichConfig;
import dev.copydesk.topics.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka security settings pass through untouched to every client copydesk makes: a broker that accepts only
 * SASL (PLAIN) on the listener the services are given, and a Schema Registry that demands basic auth and itself
 * stores schemas through the SASL listener. Producer, enrich-streams, the sink and the tools all work with the
 * user's settings; a wrong password fails loudly, and no password shows up in any output.
 */
class SecureClusterIT {

    static final String KAFKA_PASSWORD = "kafka-s3cret-Pw";
    static final String REGISTRY_PASSWORD = "registry-s3cret-Pw";

    @TempDir
    Path dir;

    @Test
    void saslAndRegistryBasicAuthReachEveryClientAndWrongPasswordsFailLoudly() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"))
                .withSaslPlainListener(Map.of("desk", KAFKA_PASSWORD))
                .start()) {
            Map<String, String> sasl = Map.of(
                    "security.protocol",
                    "SASL_PLAINTEXT",
                    "sasl.mechanism",
                    "PLAIN",
                    "sasl.jaas.config",
                    jaas("desk", KAFKA_PASSWORD));
            Map<String, Object> registryKafka = new HashMap<>(sasl);
            registryKafka.put("bootstrap.servers", kafka.saslBootstrapServers());
            try (SchemaRegistryServer registry = new SchemaRegistryServer(
                            registryKafka, "127.0.0.1", 0, Optional.of("desk:" + REGISTRY_PASSWORD))
                    .start()) {
                Map<String, String> settings = new HashMap<>(sasl);
                settings.put("bootstrap.servers", kafka.saslBootstrapServers());
                settings.put("schema.registry.url", registry.url());
                settings.put("basic.auth.credentials.source", "USER_INFO");
                settings.put("basic.auth.user.info", "desk:" + REGISTRY_PASSWORD);
                try (Admin admin = Admin.create(new HashMap<>(settings))) {
                    TopicAdmin.create(
                            admin,
                            List.of(Topics.RAW, Topics.ENRICHED, Topics.DUPLICATES, Topics.DLQ).stream()
                                    .map(t -> new NewTopic(t, 1, (short) 1))
                                    .toList());
                }
                List<String> output = new ArrayList<>();

                DemoCommandIT.Run produced =
                        DemoCommandIT.copydesk(args("produce", settings, "../samples/wire/afp-paris-strike.txt"));
                output.add(produced.out() + produced.err());
                assertThat(produced.exit()).as(produced.err()).isZero();

                String db = "jdbc:sqlite:" + dir.resolve("secure.db");
                Map<String, String> enrich = new HashMap<>(settings);
                enrich.put(StreamsConfig.APPLICATION_ID_CONFIG, "secure-enrich");
                enrich.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
                enrich.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
                enrich.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
                Map<String, String> sink = new HashMap<>(settings);
                sink.put(SinkConfig.DB, db);
                sink.put("group.id", "secure-sink");
                SinkRunner sinkRunner = new SinkRunner(SinkConfig.load(Optional.empty(), Map.of(), sink));
                Thread sinkLoop = new Thread(sinkRunner, "secure-sink");
                try (EnrichApp app = new EnrichApp(EnrichConfig.load(Optional.empty(), Map.of(), enrich)).start()) {
                    sinkLoop.start();
                    await().atMost(Duration.ofSeconds(90))
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> stored(db) == 1);
                } finally {
                    sinkRunner.close();
                    sinkLoop.join(30_000);
                    sinkRunner.release();
                }

                // the tools: tail decodes through the authenticated registry, stats reads offsets over SASL
                DemoCommandIT.Run tail = DemoCommandIT.copydesk(args("tail", settings, "enriched", "--from-beginning"));
                output.add(tail.out() + tail.err());
                assertThat(tail.out()).contains("French rail workers strike over pensions");
                DemoCommandIT.Run stats = DemoCommandIT.copydesk(args("stats", settings));
                output.add(stats.out() + stats.err());
                assertThat(stats.exit()).as(stats.err()).isZero();
                assertThat(stats.out()).contains(Topics.ENRICHED);

                // a wrong Kafka password: the producer says so and exits non-zero instead of hanging or dropping input
                Map<String, String> wrongKafka = new HashMap<>(settings);
                wrongKafka.put("sasl.jaas.config", jaas("desk", "not-the-password"));
                wrongKafka.put("max.block.ms", "15000");
                DemoCommandIT.Run refused =
                        DemoCommandIT.copydesk(args("produce", wrongKafka, "../samples/wire/afp-paris-strike.txt"));
                output.add(refused.out() + refused.err());
                assertThat(refused.exit()).isNotZero();
                assertThat(refused.out() + refused.err()).containsIgnoringCase("authentication failed");

                // a wrong registry password: refused with the registry's 401, named as such
                Map<String, String> wrongRegistry = new HashMap<>(settings);
                wrongRegistry.put("basic.auth.user.info", "desk:not-the-password");
                DemoCommandIT.Run unauthorised =
                        DemoCommandIT.copydesk(args("produce", wrongRegistry, "../samples/wire/afp-paris-strike.txt"));
                output.add(unauthorised.out() + unauthorised.err());
                assertThat(unauthorised.exit()).isNotZero();
                assertThat(unauthorised.out() + unauthorised.err()).contains("401");

                assertThat(String.join("\n", output))
                        .doesNotContain(KAFKA_PASSWORD)
                        .doesNotContain(REGISTRY_PASSWORD)
                        .doesNotContain("not-the-password");
            }
        }
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** A copydesk command line with every setting given as -D, as a user would pass them. */
    private static String[] args(String command, Map<String, String> settings, String... rest) {
        List<String> out = new ArrayList<>(List.of(command));
        settings.forEach((k, v) -> {
            out.add("-D");
            out.add(k + "=" + v);
        });
        if (command.equals("produce")) {
            out.addAll(List.of("--metrics-port", "-1"));
        }
        out.addAll(List.of(rest));
        return out.toArray(String[]::new);
    }

    private static int stored(String db) {
        try (Connection c = Database.connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM articles")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException notYet) {
            return 0;
        }
    }
}
