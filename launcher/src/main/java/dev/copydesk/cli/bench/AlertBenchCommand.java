package dev.copydesk.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.copydesk.avro.Alert;
import dev.copydesk.avro.Article;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.avro.Watchlist;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.ingest.InputDecoder;
import dev.copydesk.ingest.RawInput;
import dev.copydesk.metrics.Metrics;
import dev.copydesk.sample.SyntheticWire;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.watch.sample.SampleWatchlists;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What watchlists cost the pipeline and how fast alerts arrive: the full pipeline (enrich-streams and the sink) on
 * the same copy without watchlists and with {@code --watchlists} in force, and the time from a story's publish on
 * the raw topic to its alert on the alerts topic at a fixed offered rate with {@code --latency-watchlists}. The
 * watchlists are drawn from the corpus's own entities, phrases and countries ({@link SampleWatchlists}).
 */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = "Watchlists: pipeline throughput without and with N watchlists, and publish-to-alert latency.")
public final class AlertBenchCommand implements Callable<Integer> {

    @Option(names = "--articles", description = "Articles per throughput stage (default 10000).")
    int articles = 10000;

    @Option(names = "--watchlists", description = "Watchlists in force for the throughput stage (default 10000).")
    int watchlists = 10000;

    @Option(
            names = "--known-every",
            description =
                    "One watchlist in K about the corpus, the rest about people and companies it never names (default 100).")
    int knownEvery = 100;

    @Option(names = "--latency-watchlists", description = "Watchlists in force for the latency stage (default 1000).")
    int latencyWatchlists = 1000;

    @Option(
            names = "--latency-known-every",
            description = "As --known-every, for the latency stage's watchlists (default 100, so that stories alert).")
    int latencyKnownEvery = 100;

    @Option(names = "--rate", description = "Offered rate for the latency stage, stories/s (default 100).")
    int rate = 100;

    @Option(
            names = "--seconds",
            description = "How long the latency stage offers load after 5 s of start-up (default 20).")
    int seconds = 20;

    @Option(
            names = "--rounds",
            description = "Rounds of the pair without/with watchlists, taking turns at going first; the median of"
                    + " the rounds' costs is reported (default 5).")
    int rounds = 5;

    @Option(names = "--threads", description = "Stream threads (default 2).")
    int threads = 2;

    @Option(
            names = "--warmup",
            description = "Articles through a pipeline with watchlists before measuring (default 8000).")
    int warmup = 8000;

    @Mixin
    BenchTarget target;

    @Option(names = "--results", description = "Folder for alerts-bench.json (default bench-results).")
    Path results = Path.of("bench-results");

    @Override
    public Integer call() throws Exception {
        Path out =
                results.resolve("alerts-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path workDir = Files.createDirectories(out.resolve("work"));
        try (BenchTarget.Opened opened = target.open(workDir)) {
            BenchCluster cluster = new BenchCluster(opened.clients(), workDir, 4, null);
            Map<String, Object> report = measure(cluster);
            Files.writeString(
                    out.resolve("alerts-bench.json"),
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(report));
            System.out.println("results: " + out.resolve("alerts-bench.json"));
        }
        return 0;
    }

    private Map<String, Object> measure(BenchCluster cluster) throws Exception {
        SyntheticWire corpus = new SyntheticWire();
        List<SyntheticWire.Copy> copies = corpus.generate(articles, 0.2, 4096, 1);
        List<byte[]> records = BenchCommand.encode(cluster.clients(), copies);
        List<Article> sample = enriched(copies.subList(0, Math.min(500, copies.size())));
        FullPipelineStage pipelines = new FullPipelineStage(cluster);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put(
                "machine", Runtime.getRuntime().availableProcessors() + " cpus, " + System.getProperty("java.version"));
        report.put("articles", articles);
        report.put("threads", threads);

        Map<String, byte[]> many = encode(cluster, SampleWatchlists.of(sample, watchlists, knownEvery, 42));
        if (warmup > 0) {
            long t0 = System.nanoTime();
            pipelines.run(
                    BenchCommand.encode(cluster.clients(), corpus.generate(warmup, 0.2, 4096, 99)),
                    threads,
                    "awarm",
                    many);
            say(
                    "0. warm-up: %d articles with %d watchlists in %.0f s (not measured)",
                    warmup, watchlists, (System.nanoTime() - t0) / 1e9);
        }
        // the two alternate, round after round, each going first every other round, and each round's pair is
        // compared: on a shared two-core machine one pair differed by 1% and the next by 26%, and the pipeline keeps
        // getting faster from round to round (the JIT), so a pair run side by side is the fair comparison, and
        // taking turns at going first cancels the advantage of going second
        List<Double> plainRates = new ArrayList<>();
        List<Double> watchedRates = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        List<Double> cpuCosts = new ArrayList<>();
        List<Double> streamsCosts = new ArrayList<>();
        List<Double> matchTimes = new ArrayList<>();
        long alerts = 0;
        for (int r = 1; r <= rounds; r++) {
            PipelineResult plain;
            PipelineResult watched;
            double matchMicros;
            if (r % 2 == 1) {
                plain = pipelines.run(records, threads, "aplain" + r);
                MatchTime before = MatchTime.now();
                watched = pipelines.run(records, threads, "awatched" + r, many);
                matchMicros = MatchTime.now().microsPerStorySince(before);
            } else {
                MatchTime before = MatchTime.now();
                watched = pipelines.run(records, threads, "awatched" + r, many);
                matchMicros = MatchTime.now().microsPerStorySince(before);
                plain = pipelines.run(records, threads, "aplain" + r);
            }
            matchTimes.add(matchMicros);
            alerts = cluster.consumeCount(cluster.topic("alerts-awatched" + r), Long.MAX_VALUE, Duration.ofSeconds(10));
            plainRates.add(plain.fullPerSecond());
            watchedRates.add(watched.fullPerSecond());
            costs.add(1 - watched.fullPerSecond() / plain.fullPerSecond());
            // CPU per article of the whole process: the throughput a pipeline using every core loses to matching
            cpuCosts.add(1 - plain.cpuMicrosPerArticle() / watched.cpuMicrosPerArticle());
            // and that of enrich-streams' threads alone: the topology's work, where matching runs
            streamsCosts.add(1 - plain.streamsCpuMicrosPerArticle() / watched.streamsCpuMicrosPerArticle());
            say(
                    "   round %d: %6.0f articles/s without, %6.0f with %d watchlists (%s first): %.1f%% slower;"
                            + " CPU %.0f -> %.0f us an article: %.1f%%; enrich-streams threads %.0f -> %.0f us: %.1f%%"
                            + " (matching %.0f us a story; %d alerts, %.1f per article)",
                    r,
                    plain.fullPerSecond(),
                    watched.fullPerSecond(),
                    watchlists,
                    r % 2 == 1 ? "without" : "with",
                    100 * costs.get(costs.size() - 1),
                    plain.cpuMicrosPerArticle(),
                    watched.cpuMicrosPerArticle(),
                    100 * cpuCosts.get(cpuCosts.size() - 1),
                    plain.streamsCpuMicrosPerArticle(),
                    watched.streamsCpuMicrosPerArticle(),
                    100 * streamsCosts.get(streamsCosts.size() - 1),
                    matchMicros,
                    alerts,
                    (double) alerts / articles);
        }
        double plainMedian = median(plainRates);
        double watchedMedian = median(watchedRates);
        double cost = median(costs);
        double cpuCost = median(cpuCosts);
        double streamsCost = median(streamsCosts);
        say(
                "1-2. full pipeline, %d rounds: median cost of a round %.1f%% in throughput, %.1f%% in the process's CPU"
                        + " an article, %.1f%% in enrich-streams' CPU an article; median rates %.0f articles/s without"
                        + " watchlists, %.0f with %d",
                rounds, 100 * cost, 100 * cpuCost, 100 * streamsCost, plainMedian, watchedMedian, watchlists);
        report.put("roundCosts", costs.stream().map(AlertBenchCommand::share).toList());
        report.put(
                "roundCpuCosts", cpuCosts.stream().map(AlertBenchCommand::share).toList());
        report.put("cpuCost", share(cpuCost));
        report.put(
                "roundStreamsCpuCosts",
                streamsCosts.stream().map(AlertBenchCommand::share).toList());
        report.put("streamsCpuCost", share(streamsCost));
        report.put("matchMicrosPerStory", Math.round(median(matchTimes)));
        report.put("rounds", rounds);
        report.put("plainPerSecond", Math.round(plainMedian));
        report.put("plainRates", plainRates.stream().map(Math::round).toList());
        report.put("watchedRates", watchedRates.stream().map(Math::round).toList());
        report.put("watchlists", watchlists);
        report.put("knownEvery", knownEvery);
        report.put("watchedPerSecond", Math.round(watchedMedian));
        report.put("throughputCost", share(cost));
        report.put("alertsPerArticle", Math.round(1000.0 * alerts / articles) / 1000.0);

        Map<String, Object> latency = latency(cluster, pipelines, corpus, sample);
        say(
                "3. publish->alert at %d/s with %d watchlists: p50 %s ms  p95 %s ms  p99 %s ms  (%s alerts of %s stories)",
                rate,
                latencyWatchlists,
                latency.get("p50"),
                latency.get("p95"),
                latency.get("p99"),
                latency.get("alerts"),
                latency.get("stories"));
        report.put("latencyMs", latency);
        return report;
    }

    private Map<String, Object> latency(
            BenchCluster cluster, FullPipelineStage pipelines, SyntheticWire corpus, List<Article> sample)
            throws Exception {
        int startUp = 5 * rate;
        int total = startUp + seconds * rate;
        List<SyntheticWire.Copy> copies = corpus.generate(total, 0, 4096, 5);
        FullPipelineStage.Pipeline pipeline = pipelines.pipeline("alat", threads);
        cluster.load(
                pipeline.watchlists(),
                encode(cluster, SampleWatchlists.of(sample, latencyWatchlists, latencyKnownEvery, 7)));
        InputDecoder decoder = new InputDecoder(8 * 1024 * 1024);
        var serializer =
                AvroSerdes.specific(RawArticle.class, cluster.clients(), false).serializer();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> firstAlertAt = new ConcurrentHashMap<>();
        List<String> measured = new ArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> readAlerts(cluster, pipeline.alerts(), firstAlertAt, reading), "bench-alerts");
        reader.start();
        try {
            FullPipelineStage.running(pipeline, () -> {
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        cluster.producerSettings(5), new StringSerializer(), new ByteArraySerializer())) {
                    Thread.sleep(3000); // the pipeline joins its groups and loads its watchlists
                    long start = System.nanoTime();
                    for (int i = 0; i < total; i++) {
                        long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        RawArticle a = decoder.decode(
                                        new RawInput(
                                                "alat/" + i + ".txt",
                                                copies.get(i).text().getBytes(StandardCharsets.UTF_8)),
                                        Instant.now())
                                .article();
                        sentAt.put(a.getId(), System.currentTimeMillis());
                        if (i >= startUp) {
                            measured.add(a.getId());
                        }
                        producer.send(new ProducerRecord<>(
                                pipeline.raw(), a.getId(), serializer.serialize(pipeline.raw(), a)));
                    }
                    producer.flush();
                }
                Thread.sleep(5000); // the last alerts arrive
                return null;
            });
        } finally {
            reading.set(false);
            reader.join(10_000);
        }
        List<Long> latencies = new ArrayList<>();
        for (String id : measured) {
            Long at = firstAlertAt.get(id);
            if (at != null) {
                latencies.add(at - sentAt.get(id));
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no story of the latency stage raised an alert");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rate", rate);
        result.put("watchlists", latencyWatchlists);
        result.put("p50", Math.round(LatencyStage.percentile(sorted, 0.50)));
        result.put("p95", Math.round(LatencyStage.percentile(sorted, 0.95)));
        result.put("p99", Math.round(LatencyStage.percentile(sorted, 0.99)));
        result.put("max", sorted[sorted.length - 1]);
        result.put("alerts", sorted.length);
        result.put("stories", measured.size());
        return result;
    }

    /** The arrival time of each story's first alert, as a read-committed subscriber sees it. */
    private static void readAlerts(
            BenchCluster cluster, String topic, Map<String, Long> firstAt, AtomicBoolean reading) {
        Map<String, Object> c = new HashMap<>(cluster.clients());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var decoder = AvroSerdes.specific(Alert.class, cluster.clients(), false).deserializer();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    firstAt.putIfAbsent(decoder.deserialize(topic, r.value()).getArticleId(), now);
                }
            }
        }
    }

    private static Map<String, byte[]> encode(BenchCluster cluster, Map<String, String> queries) {
        var serializer =
                AvroSerdes.specific(Watchlist.class, cluster.clients(), false).serializer();
        Map<String, byte[]> out = new LinkedHashMap<>();
        queries.forEach((name, query) -> out.put(
                name,
                serializer.serialize(
                        "bench-watchlists",
                        Watchlist.newBuilder()
                                .setName(name)
                                .setQuery(query)
                                .setUpdatedAt(Instant.now())
                                .build())));
        return out;
    }

    private static List<Article> enriched(List<SyntheticWire.Copy> copies) {
        ArticleBuilder builder = new ArticleBuilder();
        InputDecoder decoder = new InputDecoder(8 * 1024 * 1024);
        List<Article> out = new ArrayList<>();
        for (SyntheticWire.Copy c : copies) {
            RawArticle raw = decoder.decode(
                            new RawInput(c.name(), c.text().getBytes(StandardCharsets.UTF_8)), Instant.now())
                    .article();
            builder.build(raw, Instant.now()).ifPresent(out::add);
        }
        return out;
    }

    /** The enrich stage's watch-match timer (every pipeline of this JVM records into it): its count and total. */
    private record MatchTime(long count, double nanos) {
        static MatchTime now() {
            var timer = Metrics.stage("enrich", "watch-match");
            return new MatchTime(timer.count(), timer.totalTime(TimeUnit.NANOSECONDS));
        }

        double microsPerStorySince(MatchTime before) {
            return (nanos - before.nanos) / 1e3 / Math.max(1, count - before.count);
        }
    }

    /** A fraction to three decimals, as the report gives costs. */
    private static double share(double fraction) {
        return Math.round(fraction * 1000) / 1000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
