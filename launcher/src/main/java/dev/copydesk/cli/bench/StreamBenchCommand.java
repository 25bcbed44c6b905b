package dev.copydesk.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpServer;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.cli.api.V1Api;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.ingest.InputDecoder;
import dev.copydesk.ingest.RawInput;
import dev.copydesk.sample.SyntheticWire;
import dev.copydesk.serde.AvroSerdes;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The subscriber side of {@code copydesk serve}: how fast the SSE stream delivers a backlog to 1 and to many
 * concurrent clients, and how long an article takes from its publish on the raw topic, through enrich-streams, to
 * an SSE client, at a fixed offered rate. Writes stream-bench.json under the results folder.
 */
@Command(
        name = "stream",
        mixinStandardHelpOptions = true,
        description = "Server-Sent Events to subscribers: events/s to N concurrent clients, and publish-to-client "
                + "latency through the full pipeline (embedded broker unless --bootstrap-server).")
public final class StreamBenchCommand implements Callable<Integer> {

    @Option(names = "--articles", description = "Articles in the backlog every client reads (default 5000).")
    int articles = 5000;

    @Option(
            names = "--clients",
            split = ",",
            description = "Concurrent clients reading the backlog, one run each (default 1,50).")
    List<Integer> clients = List.of(1, 50);

    @Option(names = "--rate", description = "Offered rate for the latency runs, articles/s (default 100).")
    int rate = 100;

    @Option(names = "--seconds", description = "How long each latency run offers load (default 20).")
    int seconds = 20;

    @Option(
            names = "--latency-clients",
            split = ",",
            description = "Subscribers during the latency runs, one run each (default 1,50).")
    List<Integer> latencyClients = List.of(1, 50);

    @Option(names = "--partitions", description = "Partitions of every topic (default 4).")
    int partitions = 4;

    @Option(names = "--size", description = "Story size in bytes (default 4096).")
    int size = 4096;

    @Option(names = "--results", description = "Folder for stream-bench.json (default bench-results).")
    Path results = Path.of("bench-results");

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws Exception {
        if (clients.stream().anyMatch(c -> c < 1 || c > 200)
                || latencyClients.stream().anyMatch(c -> c < 1 || c > 200)) {
            throw new IllegalArgumentException("clients per run must be 1 to 200 (the server's stream limit)");
        }
        Path out =
                results.resolve("stream-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path workDir = Files.createDirectories(out.resolve("work"));
        BenchTarget.Opened opened = target.open(workDir);
        Map<String, Object> settings = opened.clients();
        try {
            Map<String, Object> report = measure(new BenchCluster(settings, workDir, partitions, null));
            Files.writeString(
                    out.resolve("stream-bench.json"),
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(report));
            System.out.println("results: " + out.resolve("stream-bench.json"));
            return 0;
        } finally {
            opened.close();
        }
    }

    private Map<String, Object> measure(BenchCluster cluster) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put(
                "machine", Runtime.getRuntime().availableProcessors() + " cpus, " + System.getProperty("java.version"));
        report.put("articles", articles);
        report.put("size", size);
        report.put("partitions", partitions);

        String backlog = cluster.topic("sse-backlog");
        cluster.create(backlog);
        List<byte[]> records = enriched(cluster, articles);
        cluster.load(backlog, records);
        say(
                "backlog: %d enriched articles, %.1f MB of Avro",
                articles, records.stream().mapToLong(r -> r.length).sum() / 1e6);
        Map<String, Object> throughput = new LinkedHashMap<>();
        try (Served served = new Served(cluster, backlog)) {
            backlog(served, 1); // not measured: the first pass compiles the consumer, decoder and JSON writer
            for (int n : clients) {
                double[] rates = backlog(served, n);
                say(
                        "%3d client%s: %8.0f events/s in all, %6.0f events/s to the slowest client",
                        n, n == 1 ? " " : "s", rates[0], rates[1]);
                throughput.put(
                        String.valueOf(n),
                        Map.of(
                                "eventsPerSecond",
                                Math.round(rates[0]),
                                "slowestClientPerSecond",
                                Math.round(rates[1])));
            }
        }
        report.put("backlogByClients", throughput);

        Map<String, Object> latency = new LinkedHashMap<>();
        FullPipelineStage stage = new FullPipelineStage(cluster);
        for (int n : latencyClients) {
            String suffix = "sse" + n;
            FullPipelineStage.Pipeline pipeline = stage.pipeline(suffix, 1);
            Map<String, Object> result = FullPipelineStage.running(pipeline, () -> {
                try (Served served = new Served(cluster, cluster.topic("enriched-" + suffix))) {
                    return latency(cluster, served, pipeline.raw(), n);
                }
            });
            say(
                    "publish->client at %d/s, %2d client%s: p50 %s ms  p95 %s ms  p99 %s ms  (%s events, %s missing)",
                    rate,
                    n,
                    n == 1 ? " " : "s",
                    result.get("p50"),
                    result.get("p95"),
                    result.get("p99"),
                    result.get("events"),
                    result.get("missing"));
            latency.put(String.valueOf(n), result);
        }
        report.put("latencyMsByClients", latency);
        report.put("rate", rate);
        report.put("seconds", seconds);
        return report;
    }

    /** Every client reads the whole backlog from the beginning; returns events/s in all and to the slowest client. */
    private double[] backlog(Served served, int n) throws Exception {
        long start = System.nanoTime();
        try (SseClients sse = new SseClients(served.url("from=beginning"), n, articles)) {
            if (!sse.awaitDone(Duration.ofMinutes(10)) || sse.failure() != null) {
                throw new IllegalStateException("the backlog did not reach every client: " + sse.failure());
            }
            long last = sse.clients().stream().mapToLong(c -> c.doneNanos).max().orElseThrow();
            double seconds = (last - start) / 1e9;
            return new double[] {(double) n * articles / seconds, articles / seconds};
        }
    }

    /**
     * Offers raw articles at the rate for the run's seconds (the first 5 s are start-up, not counted) while
     * {@code n} clients follow the enriched stream from now; latency is each client's receive time less the publish
     * time.
     */
    private Map<String, Object> latency(BenchCluster cluster, Served served, String raw, int n) throws Exception {
        int startUp = 5 * rate;
        int total = startUp + seconds * rate;
        List<SyntheticWire.Copy> copies = new SyntheticWire().generate(total, 0, size, 7 + n);
        InputDecoder decoder = new InputDecoder(8 * 1024 * 1024);
        var serializer =
                AvroSerdes.specific(RawArticle.class, cluster.clients(), false).serializer();
        Map<String, Long> sentAt = new HashMap<>();
        List<String> measured = new ArrayList<>();
        try (SseClients sse = new SseClients(served.url("from=now"), n, total);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        cluster.producerSettings(5), new StringSerializer(), new ByteArraySerializer())) {
            sse.awaitOpen(Duration.ofSeconds(30));
            Thread.sleep(
                    3000); // the streams seek to the end and the pipeline joins its groups: not the latency measured
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                RawArticle article = decoder.decode(
                                new RawInput(
                                        "sse/" + n + "/" + i + ".txt",
                                        copies.get(i).text().getBytes(StandardCharsets.UTF_8)),
                                Instant.now())
                        .article();
                sentAt.put(article.getId(), System.currentTimeMillis());
                if (i >= startUp) {
                    measured.add(article.getId());
                }
                producer.send(new ProducerRecord<>(raw, article.getId(), serializer.serialize(raw, article)));
            }
            producer.flush();
            sse.awaitDone(Duration.ofSeconds(30));
            if (sse.failure() != null) {
                throw new IllegalStateException("a client failed: " + sse.failure());
            }
            List<Long> latencies = new ArrayList<>();
            long missing = 0;
            for (SseClients.Client c : sse.clients()) {
                for (String id : measured) {
                    Long got = c.receivedAt.get(id);
                    if (got == null) {
                        missing++;
                    } else {
                        latencies.add(got - sentAt.get(id));
                    }
                }
            }
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                throw new IllegalStateException("no article reached a client");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("p50", Math.round(LatencyStage.percentile(sorted, 0.50)));
            result.put("p95", Math.round(LatencyStage.percentile(sorted, 0.95)));
            result.put("p99", Math.round(LatencyStage.percentile(sorted, 0.99)));
            result.put("max", sorted[sorted.length - 1]);
            result.put("events", sorted.length);
            result.put("missing", missing);
            return result;
        }
    }

    /** Enriched articles as they sit on articles.enriched: synthetic wire copy through the real enrichment. */
    private List<byte[]> enriched(BenchCluster cluster, int n) {
        ArticleBuilder builder = new ArticleBuilder();
        InputDecoder decoder = new InputDecoder(8 * 1024 * 1024);
        var serializer =
                AvroSerdes.specific(Article.class, cluster.clients(), false).serializer();
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        for (SyntheticWire.Copy c : new SyntheticWire().generate(n, 0, size, 3)) {
            RawArticle raw = decoder.decode(
                            new RawInput("backlog/" + i++ + ".txt", c.text().getBytes(StandardCharsets.UTF_8)),
                            Instant.now())
                    .article();
            builder.build(raw, Instant.now()).ifPresent(a -> out.add(serializer.serialize("bench", a)));
        }
        return out;
    }

    /** The v1 API on a loopback port of its own, streaming one topic, as {@code copydesk serve} does. */
    private static final class Served implements AutoCloseable {
        private final HttpServer server;
        private final V1Api api;

        Served(BenchCluster cluster, String topic) throws Exception {
            api = new V1Api(
                    cluster.clients(),
                    topic,
                    cluster.topic("alerts"),
                    "jdbc:sqlite::memory:",
                    1000,
                    Duration.ofSeconds(10),
                    200);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            api.register(server);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "bench-serve");
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }

        String url(String query) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/articles/stream?" + query;
        }

        @Override
        public void close() {
            api.close();
            server.stop(0);
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
