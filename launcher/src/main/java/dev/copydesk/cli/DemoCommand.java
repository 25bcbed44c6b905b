package dev.copydesk.cli;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.ingest.ArticlePublisher;
import dev.copydesk.ingest.IngestConfig;
import dev.copydesk.ingest.IngestReport;
import dev.copydesk.ingest.InputSource;
import dev.copydesk.secrets.Redact;
import dev.copydesk.serde.WireFormat;
import dev.copydesk.sink.SinkConfig;
import dev.copydesk.sink.SinkRunner;
import dev.copydesk.stack.LocalStack;
import dev.copydesk.store.ArticleStore;
import dev.copydesk.store.Database;
import dev.copydesk.streams.EnrichApp;
import dev.copydesk.streams.EnrichConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole pipeline in one process: the embedded broker and registry (unless pointed at external ones), the
 * topics, enrich-streams, the sink, then the input published; waits until everything is stored and prints a
 * summary. Running it again on the same input adds no rows.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Run producer, streams and sink on the embedded stack over a folder of wire copy (default: the shipped samples), then print what was stored.")
final class DemoCommand implements Callable<Integer> {

    static final List<String> SAMPLE_FILES = List.of(
            "000_37dfc94a614f9a67.txt",
            "reuters-london-rates.txt",
            "reuters-london-rates-copy.txt",
            "reuters-london-rates-update.txt",
            "ap-washington-budget.txt",
            "afp-paris-strike.txt",
            "harbour-ferry-strike.html");

    @Option(
            names = "--input",
            paramLabel = "DIR",
            description = "Folder (or file) of .txt/.html wire copy (default: the shipped samples).")
    Path input;

    @Option(
            names = "--db",
            paramLabel = "PATH|JDBC-URL",
            description = "SQLite file or PostgreSQL JDBC URL (default <data-dir>/copydesk.db).")
    String db;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Broker log, streams state and default database; a new folder is a new, empty world (default ~/.copydesk/demo).")
    Path dataDir = defaultDataDir();

    @Option(
            names = "--bootstrap-server",
            paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster instead of the embedded one.")
    String bootstrapServers;

    @Option(
            names = "--schema-registry",
            paramLabel = "URL",
            description = "Schema Registry to use with --bootstrap-server.")
    String schemaRegistry;

    @Option(names = "--partitions", description = "Partitions of the copydesk topics when created (default 3).")
    int partitions = 3;

    @Option(names = "--timeout", description = "Seconds to wait for the pipeline to catch up (default 120).")
    int timeoutSeconds = 120;

    static Path defaultDataDir() {
        String home = System.getenv("COPYDESK_HOME");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".copydesk", "demo");
    }

    @Override
    public Integer call() throws Exception {
        if ((bootstrapServers == null) != (schemaRegistry == null)) {
            throw new IllegalArgumentException("--bootstrap-server and --schema-registry go together");
        }
        Files.createDirectories(dataDir);
        long t0 = System.nanoTime();
        LocalStack stack = null;
        Map<String, String> clients = new HashMap<>();
        if (bootstrapServers == null) {
            stack = new LocalStack(dataDir).start();
            clients.put("bootstrap.servers", stack.bootstrapServers());
            clients.put("schema.registry.url", stack.schemaRegistryUrl());
            say(
                    "embedded Kafka %s, Schema Registry %s (data in %s)",
                    stack.bootstrapServers(), stack.schemaRegistryUrl(), dataDir);
        } else {
            clients.put("bootstrap.servers", bootstrapServers);
            clients.put("schema.registry.url", schemaRegistry);
            say("Kafka %s, Schema Registry %s", bootstrapServers, Redact.secrets(schemaRegistry));
        }
        try {
            return runPipeline(clients, t0);
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    private int runPipeline(Map<String, String> clients, long t0) throws Exception {
        Map<String, Object> clientSettings = new HashMap<>(clients);
        TopicAdmin.ensure(clientSettings, partitions, (short) 1);

        Map<String, String> streamsOverrides = new HashMap<>(clients);
        streamsOverrides.put("state.dir", dataDir.resolve("streams").toString());
        streamsOverrides.put("replication.factor", "-1");
        EnrichConfig enrichConfig = EnrichConfig.load(Optional.empty(), System.getenv(), streamsOverrides);

        Map<String, String> sinkOverrides = new HashMap<>(clients);
        sinkOverrides.put(
                SinkConfig.DB, db != null ? db : dataDir.resolve("copydesk.db").toString());
        SinkConfig sinkConfig = SinkConfig.load(Optional.empty(), System.getenv(), sinkOverrides);

        Path inputPath = input != null ? input : extractSamples();
        try (EnrichApp enrich = new EnrichApp(enrichConfig).start()) {
            SinkRunner sink = new SinkRunner(sinkConfig);
            Thread sinkThread = new Thread(sink, "copydesk-sink");
            sinkThread.start();
            try {
                IngestReport report;
                try (ArticlePublisher publisher =
                        new ArticlePublisher(IngestConfig.load(Optional.empty(), System.getenv(), clients))) {
                    report = publisher.publish(
                            InputSource.of(List.of(inputPath.toString()), InputStream.nullInputStream()), this::say);
                }
                say(
                        "published %d article(s) from %s, rejected %d",
                        report.published(), inputPath, report.rejected().size());
                report.rejected().forEach(r -> say("  rejected %s", r));

                try (PipelineProgress progress = new PipelineProgress(clientSettings);
                        ArticleStore reader = new ArticleStore(sinkConfig.jdbcUrl(), sinkConfig.groupId())) {
                    progress.awaitCaughtUp(
                            enrichConfig.rawTopic(),
                            enrichConfig.get("application.id"),
                            List.of(sinkConfig.enrichedTopic(), sinkConfig.duplicatesTopic()),
                            () -> {
                                try {
                                    return reader.storedOffsets();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            () -> sink.failure() != null
                                    ? "the sink stopped: " + sink.failure().getMessage()
                                    : enrich.state().hasCompletedShutdown()
                                            ? "enrich-streams stopped: " + enrich.state()
                                            : null,
                            Duration.ofSeconds(timeoutSeconds));
                    long deadLetters = progress.endOffsets(List.of(enrichConfig.dlqTopic())).values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
                    summary(
                            report,
                            reader,
                            deadLetters,
                            clientSettings,
                            enrichConfig.enrichedTopic(),
                            sinkConfig.jdbcUrl(),
                            t0);
                }
            } finally {
                sink.close();
                sinkThread.join(30_000);
                sink.release();
            }
        }
        return 0;
    }

    private void summary(
            IngestReport report,
            ArticleStore reader,
            long deadLetters,
            Map<String, Object> clients,
            String enrichedTopic,
            String jdbcUrl,
            long t0)
            throws Exception {
        System.out.println();
        System.out.println("copydesk demo summary");
        System.out.printf("  published this run     %d%n", report.published());
        System.out.printf("  rejected this run      %d%n", report.rejected().size());
        System.out.printf("  articles stored        %d%n", reader.count("articles"));
        System.out.printf("  duplicates stored      %d%n", reader.count("duplicates"));
        System.out.printf("  dead letters (total)   %d%n", deadLetters);
        System.out.printf("  database               %s%n", Redact.secrets(jdbcUrl));
        System.out.printf("  elapsed                %.1f s%n", (System.nanoTime() - t0) / 1e9);
        wireFormatCheck(clients, enrichedTopic);
        try (Connection c = Database.connect(jdbcUrl);
                PreparedStatement p = c.prepareStatement(
                        "SELECT id, title, source_ref, word_count, removed_lines, body, language, agency, "
                                + "dateline_place, sentence_count FROM articles "
                                + "ORDER BY CASE WHEN source_ref LIKE ? THEN 0 ELSE 1 END, stored_at_ms DESC LIMIT 1")) {
            p.setString(1, "%000_37dfc94a614f9a67%");
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    System.out.println();
                    System.out.println("one enriched article");
                    System.out.printf(
                            "  id       %s%n  source   %s%n  title    %s%n  words    %d (%d chrome lines removed)%n",
                            rs.getString(1), rs.getString(3), rs.getString(2), rs.getInt(4), rs.getInt(5));
                    System.out.printf(
                            "  language %s, agency %s, dateline %s, %d sentences%n",
                            rs.getString(7),
                            rs.getString(8).isEmpty() ? "-" : rs.getString(8),
                            rs.getString(9).isEmpty() ? "-" : rs.getString(9),
                            rs.getInt(10));
                    System.out.println("  people   " + entities(c, rs.getString(1), "person", false));
                    System.out.println("  places   " + entities(c, rs.getString(1), "place", true));
                    System.out.println("  orgs     " + entities(c, rs.getString(1), "organization", false));
                    String body = rs.getString(6);
                    System.out.println("  body     "
                            + (body.length() > 400 ? body.substring(0, 400) + "..." : body)
                                    .replace("\n\n", "\n           "));
                }
            }
        }
    }

    private static String entities(Connection c, String articleId, String type, boolean withCodes) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT canonical_name, country_code FROM entities WHERE article_id = ? AND type = ? "
                        + "ORDER BY mentions DESC, canonical_name")) {
            p.setString(1, articleId);
            p.setString(2, type);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    names.add(
                            withCodes && !rs.getString(2).isEmpty()
                                    ? rs.getString(1) + " (" + rs.getString(2) + ")"
                                    : rs.getString(1));
                }
            }
            return names.isEmpty() ? "-" : String.join(", ", names);
        }
    }

    /** Shows that what is on the topic is Confluent-framed and that its schema id resolves at the registry. */
    private static void wireFormatCheck(Map<String, Object> clients, String topic) throws Exception {
        Map<String, Object> c = new HashMap<>(clients);
        c.put("auto.offset.reset", "earliest");
        c.put("isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    int id = WireFormat.schemaId(r.value());
                    HttpResponse<String> answer = HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(
                                                    clients.get("schema.registry.url")
                                                                    .toString()
                                                                    .split(",")[0] + "/schemas/ids/" + id))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    System.out.printf(
                            "  wire format            %s[%d]@%d: magic byte %d, schema id %d -> GET /schemas/ids/%d: HTTP %d%n",
                            topic, r.partition(), r.offset(), r.value()[0], id, id, answer.statusCode());
                    return;
                }
            }
        }
    }

    private Path extractSamples() throws IOException {
        Path dir = dataDir.resolve("samples").resolve("wire");
        Files.createDirectories(dir);
        for (String name : SAMPLE_FILES) {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/wire/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("sample " + name + " missing from the jar");
                }
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    private void say(String format, Object... args) {
        System.err.println("copydesk: " + String.format(format, args));
    }
}
