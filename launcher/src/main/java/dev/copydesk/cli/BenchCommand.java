package dev.copydesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.ingest.InputDecoder;
import dev.copydesk.ingest.RawInput;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.sink.SinkConfig;
import dev.copydesk.sink.SinkRunner;
import dev.copydesk.stack.LocalStack;
import dev.copydesk.store.Database;
import dev.copydesk.streams.EnrichApp;
import dev.copydesk.streams.EnrichConfig;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The measuring stick: in one run, on the same records, the physical limit (produce + consume of the bytes), a
 * pass-through Kafka Streams app (same partitions, exactly-once), the full copydesk pipeline (enrich-streams and
 * the sink into SQLite, or PostgreSQL with --db) per thread count, and end-to-end latency at a fixed offered rate.
 * Writes bench.json and report.html under the results folder; the last line is for scripts.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "End-to-end throughput and latency against the physical limit, in one run (embedded broker unless --bootstrap-server).")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--articles", description = "Articles per throughput stage (default 30000; fewer make the fast stages, "
            + "done in a few transactions, hard to time, and leave the full pipeline's stage to the JIT's last compilations).")
    int articles = 30000;

    @Option(names = "--dup-rate", description = "Share of exact and near copies (default 0.2).")
    double dupRate = 0.2;

    @Option(names = "--size", description = "Story size in bytes; 0 draws 1-8 KB (default 4096).")
    int size = 4096;

    @Option(names = "--partitions", description = "Partitions of every topic (default 4).")
    int partitions = 4;

    @Option(names = "--threads", split = ",", description = "Stream threads for the full pipeline, e.g. 1,2,4,8 (default: as enrich-streams runs, one per core up to 8).")
    List<Integer> threads = List.of(Integer.parseInt(EnrichConfig.DEFAULTS.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)));

    @Option(names = "--rate", description = "Offered rate for the latency stage, articles/s (default 500).")
    int rate = 500;

    @Option(names = "--latency-seconds", description = "How long the latency stage offers load (default 20).")
    int latencySeconds = 20;

    @Option(names = "--warmup", description = "Articles run through a full pipeline before any stage is measured, so the JIT has "
            + "compiled broker, Streams, enrichment and sink code as in a service that has been running (default 20000, about a "
            + "minute on two cores; 0 for none).")
    int warmup = 20000;

    @Option(names = "--latency-warmup", description = "Seconds the latency stage offers load before it measures (default 5); "
            + "their p99 is reported apart as start-up.")
    int latencyWarmup = 5;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "Sink into PostgreSQL (jdbc:postgresql://...; a fresh schema per stage) instead of SQLite.")
    String db;

    @Option(names = "--results", description = "Folder for bench.json and report.html (default bench-results).")
    Path results = Path.of("bench-results");

    @Option(names = "--bootstrap-server", description = "Use this Kafka cluster instead of the embedded one.")
    String bootstrapServers;

    @Option(names = "--schema-registry", description = "Schema Registry to use with --bootstrap-server.")
    String schemaRegistry;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    /** Per stage: compile time per wall time (the JIT's figure where the JVM's own threads cannot be seen). */
    private final Map<String, Double> jitCores = new LinkedHashMap<>();
    /** Where each stage's CPU went, in cores, by part (stream threads, sink, broker, JIT, GC...). */
    private final Map<String, Map<CpuAccount.Part, Double>> cpuCores = new LinkedHashMap<>();
    private Path workDir;

    @Override
    public Integer call() throws Exception {
        if ((bootstrapServers == null) != (schemaRegistry == null)) {
            throw new IllegalArgumentException("--bootstrap-server and --schema-registry go together");
        }
        checkHeap(Runtime.getRuntime().maxMemory());
        Path out = results.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        workDir = Files.createDirectories(out.resolve("work"));
        LocalStack stack = null;
        Map<String, Object> clients = new HashMap<>();
        if (bootstrapServers == null) {
            stack = new LocalStack(workDir.resolve("stack")).start();
            clients.put("bootstrap.servers", stack.bootstrapServers());
            clients.put("schema.registry.url", stack.schemaRegistryUrl());
        } else {
            clients.put("bootstrap.servers", bootstrapServers);
            clients.put("schema.registry.url", schemaRegistry);
        }
        try {
            return measure(clients, out);
        } finally {
            if (stack != null) {
                stack.close();
            }
            deleteRecursively(workDir);
        }
    }

    /**
     * Every stage replays the same generated copy, so it is held in memory: refuse up front, with what to change,
     * a run that would end in an OutOfMemoryError minutes in (200,000 warm-up articles did, in the default 1 GB).
     */
    void checkHeap(long maxHeapBytes) {
        long perArticle = 3L * (size == 0 ? 4608 : size); // the story's text, its Avro record, the generator's copy
        long needed = ((long) articles + warmup) * perArticle + (256L << 20); // plus the embedded broker and registry
        if (needed > maxHeapBytes) {
            throw new IllegalArgumentException(String.format("--articles %d and --warmup %d need about %d MB of heap, this JVM has %d MB:"
                    + " use fewer articles, or give it more (COPYDESK_JAVA_OPTS=-Xmx%dg)", articles, warmup, needed >> 20, maxHeapBytes >> 20,
                    (needed >> 30) + 1));
        }
    }

    private int measure(Map<String, Object> clients, Path out) throws Exception {
        // a running service has its language profiles and gazetteers loaded: load them before any clock starts
        new ArticleBuilder().build(RawArticle.newBuilder().setId("warm").setSourceRef("warm.txt")
                .setReceivedAt(Instant.now()).setContentType(ContentType.TEXT)
                .setText("SEOUL, Nov. 13 (Yonhap) -- Defense Minister Shin Won-sik met US Defense Secretary Lloyd Austin on Monday.").build(), Instant.now());
        BenchCorpus corpus = new BenchCorpus();
        List<byte[]> records = encode(clients, corpus.generate(articles, dupRate, size, 1));
        long bytes = records.stream().mapToLong(r -> r.length).sum();
        say("%d articles, %.1f MB, %d partitions, dup rate %.2f, sizes %s", articles, bytes / 1e6, partitions, dupRate,
                size == 0 ? "1-8 KB" : size + " B");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("articles", articles);
        result.put("megabytes", bytes / 1e6);
        result.put("partitions", partitions);
        result.put("dupRate", dupRate);
        result.put("size", size);
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cpus, " + System.getProperty("java.version"));

        if (warmup > 0) {
            // a short stage on a cold JVM measures the JIT as much as copydesk: on two cores C2 spends most of a
            // core for the first minute compiling broker, client, Streams and enrichment code
            long start = System.nanoTime();
            withJit("warmup", () -> {
                List<byte[]> warm = encode(clients, corpus.generate(warmup, dupRate, size, 99));
                fullPipeline(clients, warm, threads.get(0), "warm");
                return rawPipe(clients, warm, "pipe-warm");
            });
            say("0. warm-up: %d articles through the full pipeline and the raw pipe in %.0f s (not measured; JIT %.2f cores)", warmup,
                    (System.nanoTime() - start) / 1e9, jit("warmup"));
            sayCpu("warmup");
        }
        double raw = withJit("raw", () -> rawPipe(clients, records, "pipe"));
        say("1. raw produce+consume:      %8.0f articles/s  %6.1f MB/s  (JIT %.2f cores)", raw, raw * bytes / articles / 1e6, jit("raw"));
        sayCpu("raw");
        double pass = withJit("passThrough", () -> passThrough(clients, records, threads.get(0)));
        say("2. pass-through streams:     %8.0f articles/s  %6.1f MB/s  (EOS, %d thread%s; JIT %.2f cores)", pass, pass * bytes / articles / 1e6,
                threads.get(0), threads.get(0) == 1 ? "" : "s", jit("passThrough"));
        sayCpu("passThrough");
        Map<String, Object> full = new LinkedHashMap<>();
        double fullFirst = 0;
        for (int t : threads) {
            double[] f = withJit("full" + t, () -> fullPipeline(clients, records, t, "t" + t));
            say("3. full pipeline, %d thread%s: %8.0f articles/s  %6.1f MB/s  (enrich-streams alone %.0f/s; JIT %.2f cores)", t, t == 1 ? " " : "s", f[1],
                    f[1] * bytes / articles / 1e6, f[0], jit("full" + t));
            sayCpu("full" + t);
            full.put(String.valueOf(t), Map.of("enrichPerSecond", Math.round(f[0]), "fullPerSecond", Math.round(f[1])));
            if (fullFirst == 0) {
                fullFirst = f[1];
            }
        }
        double[] latency = withJit("latency", () -> latency(clients, corpus, out.resolve("latency.csv")));
        say("4. end-to-end latency at %d/s offered: p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  (%d articles after %d s of start-up, "
                + "whose p99 was %.0f ms; JIT %.2f cores)", rate, latency[0], latency[1], latency[2], (int) latency[3], latencyWarmup, latency[4],
                jit("latency"));
        sayCpu("latency");

        result.put("rawPerSecond", Math.round(raw));
        result.put("passThroughPerSecond", Math.round(pass));
        result.put("fullByThreads", full);
        result.put("jitCores", jitCores);
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        cpuCores.forEach((stage, parts) -> {
            Map<String, Double> named = new LinkedHashMap<>();
            parts.forEach((part, cores) -> named.put(part.key(), Math.round(cores * 1000) / 1000.0));
            cpu.put(stage, named);
        });
        result.put("cpuCores", cpu);
        result.put("latencyMs", Map.of("rate", rate, "p50", latency[0], "p95", latency[1], "p99", latency[2], "samples", (int) latency[3],
                "startUpSeconds", latencyWarmup, "startUpP99", latency[4]));
        double ratioPass = fullFirst / pass;
        double ratioRaw = fullFirst / raw;
        result.put("fullOverPassThrough", ratioPass);
        result.put("fullOverRaw", ratioRaw);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(out.resolve("bench.json"), json.writeValueAsString(result));
        Files.writeString(out.resolve("report.html"), report(raw, pass, full, latency));
        System.out.println("results: " + out.resolve("bench.json") + ", " + out.resolve("report.html"));
        System.out.printf("full/pass-through = %.2f  full/raw = %.2f  p99 = %.0f ms%n", ratioPass, ratioRaw, latency[2]);
        return 0;
    }

    /**
     * Runs a stage and puts under its name in {@code jitCores} how busy the JIT compilers were meanwhile, in cores: compile
     * time (summed over compiler threads) per wall time. Part of the machine the stage could not use; a stage with a
     * high figure measured a JVM still warming up. Puts under its name in {@link #cpuCores} where the stage's CPU
     * went ({@link CpuAccount}).
     */
    private <T> T withJit(String stage, Work<T> work) throws Exception {
        long compileMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long startNanos = System.nanoTime();
        CpuAccount cpu = CpuAccount.start();
        try {
            return work.run();
        } finally {
            cpuCores.put(stage, cpu.stop());
            double wallMillis = (System.nanoTime() - startNanos) / 1e6;
            jitCores.put(stage, (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compileMillis) / Math.max(1, wallMillis));
        }
    }

    /**
     * How busy the JIT was over a stage, in cores: its threads' CPU time where {@link CpuAccount} sees them, else compile
     * time per wall time, which runs higher on a busy machine (a compilation preempted halfway counts its wait too).
     */
    private double jit(String stage) {
        return CpuAccount.seesJvmThreads() ? cpuCores.get(stage).get(CpuAccount.Part.JIT) : jitCores.get(stage);
    }

    private void sayCpu(String stage) {
        say("   %s", CpuAccount.describe(cpuCores.get(stage)));
    }

    /** The records as they sit on articles.raw: Confluent-framed Avro RawArticles. */
    private List<byte[]> encode(Map<String, Object> clients, List<BenchCorpus.Copy> copies) {
        InputDecoder decoder = new InputDecoder(8 * 1024 * 1024);
        var serializer = AvroSerdes.specific(RawArticle.class, clients, false).serializer();
        List<byte[]> out = new ArrayList<>();
        for (BenchCorpus.Copy c : copies) {
            RawArticle article = decoder.decode(new RawInput(c.name(), c.text().getBytes(StandardCharsets.UTF_8)), Instant.now()).article();
            out.add(serializer.serialize("bench-raw", article));
        }
        return out;
    }

    private String topic(String name) {
        return "bench-" + name + "-" + run;
    }

    private void create(Map<String, Object> clients, String... names) throws Exception {
        try (Admin admin = Admin.create(clients)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String n : names) {
                topics.add(new NewTopic(n, partitions, (short) 1));
            }
            TopicAdmin.create(admin, topics);
        }
    }

    private KafkaProducer<byte[], byte[]> producer(Map<String, Object> clients) {
        Map<String, Object> p = producerSettings(clients, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private void load(Map<String, Object> clients, String topic, List<byte[]> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer(clients)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, ("k" + i).getBytes(StandardCharsets.UTF_8), records.get(i))));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    /** Counts records on a topic as a read_committed consumer sees them, until {@code expected} or the deadline. */
    private static long consumeCount(Map<String, Object> clients, String topic, long expected, Duration timeout) {
        return consumeTimed(clients, topic, expected, timeout).count();
    }

    /**
     * What a consumer of a stage's output saw: how many records, when the first ones came and how many came with them,
     * when the last came, and when the consumer started. A stage's steady rate counts what arrived after its first
     * output, over the time after it, so start-up is left out.
     */
    private record Delivery(long count, long firstNanos, long lastNanos, long withFirst, long startNanos) {
        /** Per second after the first output; when it all came at once (a small run), all of it since the consumer started. */
        double steadyRate() {
            return count > withFirst ? steady(count - withFirst, firstNanos, lastNanos) : steady(count, startNanos, lastNanos);
        }
    }

    private static Delivery consumeTimed(Map<String, Object> clients, String topic, long expected, Duration timeout) {
        Map<String, Object> c = new HashMap<>(clients);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        long count = 0;
        long first = 0;
        long last = 0;
        long withFirst = 0;
        long start = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> tps = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            start = System.nanoTime();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < expected && System.nanoTime() < deadline) {
                int n = consumer.poll(Duration.ofMillis(50)).count();
                if (n > 0) {
                    last = System.nanoTime();
                    if (first == 0) {
                        first = last;
                        withFirst = n;
                    }
                    count += n;
                }
            }
        }
        return new Delivery(count, first, last, withFirst, start);
    }

    private double rawPipe(Map<String, Object> clients, List<byte[]> records, String name) throws Exception {
        String topic = topic(name);
        create(clients, topic);
        Thread producing = new Thread(() -> {
            try {
                load(clients, topic, records);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bench-driver-producer");
        producing.start();
        Delivery got = consumeTimed(clients, topic, records.size(), Duration.ofMinutes(5));
        producing.join();
        check(got.count(), records.size(), "raw pipe");
        return got.steadyRate();
    }

    private double passThrough(Map<String, Object> clients, List<byte[]> records, int streamThreads) throws Exception {
        String in = topic("pass-in");
        String outTopic = topic("pass-out");
        create(clients, in, outTopic);
        load(clients, in, records);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())).to(outTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties props = new Properties();
        props.putAll(clients);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-pass-" + run);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        // commits as often as enrich-streams does, so the two stages pay the same transaction overhead
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, EnrichConfig.DEFAULTS.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        props.put(StreamsConfig.STATE_DIR_CONFIG, workDir.resolve("pass-state").toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            Delivery got = consumeTimed(clients, outTopic, records.size(), Duration.ofMinutes(10));
            check(got.count(), records.size(), "pass-through");
            double perSecond = got.steadyRate();
            streams.close(Duration.ofSeconds(30));
            return perSecond;
        }
    }

    /** One full copydesk pipeline of the bench: its topics, its streams app and its sink's database. */
    private record Pipeline(String raw, String dlq, String appId, String jdbc, EnrichConfig enrich, SinkConfig sink) {
    }

    private Pipeline pipeline(Map<String, Object> clients, String suffix, int streamThreads) throws Exception {
        String raw = topic("raw-" + suffix);
        create(clients, raw, topic("enriched-" + suffix), topic("duplicates-" + suffix), topic("dlq-" + suffix));
        Map<String, String> common = strings(clients);
        common.put("copydesk.topic.raw", raw);
        common.put("copydesk.topic.enriched", topic("enriched-" + suffix));
        common.put("copydesk.topic.duplicates", topic("duplicates-" + suffix));
        common.put("copydesk.topic.dlq", topic("dlq-" + suffix));
        String appId = "bench-enrich-" + suffix + "-" + run;
        Map<String, String> e = new HashMap<>(common);
        e.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        e.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(streamThreads));
        e.put(StreamsConfig.STATE_DIR_CONFIG, workDir.resolve("state-" + suffix).toString());
        e.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        String jdbc = database(suffix);
        Map<String, String> s = new HashMap<>(common);
        s.put(SinkConfig.DB, jdbc);
        s.put("group.id", "bench-sink-" + suffix + "-" + run);
        return new Pipeline(raw, topic("dlq-" + suffix), appId, jdbc, EnrichConfig.load(Optional.empty(), Map.of(), e),
                SinkConfig.load(Optional.empty(), Map.of(), s));
    }

    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} while the pipeline's streams app and sink run, and stops both afterwards. */
    private static <T> T running(Pipeline pipeline, Work<T> work) throws Exception {
        try (EnrichApp app = new EnrichApp(pipeline.enrich()).start()) {
            SinkRunner sink = new SinkRunner(pipeline.sink());
            Thread loop = new Thread(sink, "bench-sink");
            loop.start();
            try {
                return work.run();
            } finally {
                sink.close();
                loop.join(30_000);
                sink.release();
            }
        }
    }

    /**
     * {enrich-streams alone, full pipeline} in articles/s over the same work: the raw records enrich-streams had not
     * yet consumed at its first commit (start-up left out), from that commit to its catching up (enrich-streams) or
     * to the sink's last row (the pipeline).
     */
    private double[] fullPipeline(Map<String, Object> clients, List<byte[]> records, int streamThreads, String name) throws Exception {
        Pipeline pipeline = pipeline(clients, name, streamThreads);
        load(clients, pipeline.raw(), records);
        String rowCount = "SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM duplicates)";
        return running(pipeline, () -> {
            try (PipelineProgress progress = new PipelineProgress(clients)) {
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                long enrichFirst = 0;
                long consumedAtFirst = 0;
                long enrichDone = 0;
                long rows = 0;
                long expected = -1;
                while (System.nanoTime() < deadline) {
                    if (enrichFirst == 0) {
                        Map<TopicPartition, Long> committed = progress.groupOffsets(pipeline.appId());
                        if (!committed.isEmpty()) {
                            enrichFirst = System.nanoTime();
                            consumedAtFirst = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(pipeline.raw()))
                                    .mapToLong(Map.Entry::getValue).sum();
                        }
                    } else if (enrichDone == 0 && progress.streamsCaughtUp(pipeline.raw(), pipeline.appId())) {
                        enrichDone = System.nanoTime();
                        expected = records.size() - consumeCount(clients, pipeline.dlq(), Long.MAX_VALUE, Duration.ofSeconds(2));
                    }
                    if (expected >= 0 && (rows = count(pipeline.jdbc(), rowCount)) >= expected) {
                        break; // the sink trails enrich-streams: its rows are only counted once there is a total to reach
                    }
                    Thread.sleep(20);
                }
                if (expected < 0) {
                    throw new IllegalStateException("enrich-streams did not consume " + pipeline.raw() + " in time");
                }
                check(rows, expected, "full pipeline");
                return new double[] {steady(records.size() - consumedAtFirst, enrichFirst, enrichDone),
                        steady(records.size() - consumedAtFirst, enrichFirst, System.nanoTime())};
            }
        });
    }

    /** Records per second between the first and the last output of a stage. */
    private static double steady(long records, long firstNanos, long lastNanos) {
        return records / Math.max(0.001, (lastNanos - firstNanos) / 1e9);
    }

    /**
     * {p50, p95, p99, samples, start-up p99}: articles offered at {@code --rate} for {@code --latency-warmup} seconds and
     * then {@code --latency-seconds} more; the percentiles are over the later ones, what a running pipeline does, and the
     * start-up p99 over the first ones (a fresh app opening its stores, joining its group, compiling its code).
     */
    private double[] latency(Map<String, Object> clients, BenchCorpus corpus, Path csv) throws Exception {
        int skipped = rate * latencyWarmup;
        int n = skipped + rate * latencySeconds;
        List<BenchCorpus.Copy> copies = corpus.generate(n, 0, size, 2);
        Pipeline pipeline = pipeline(clients, "lat", threads.get(0));
        String raw = pipeline.raw();
        InputDecoder decoder = new InputDecoder(8 * 1024 * 1024);
        var serializer = AvroSerdes.specific(RawArticle.class, clients, false).serializer();
        Map<String, Long> sentAt = new HashMap<>();
        Set<String> startUpIds = new HashSet<>();
        running(pipeline, () -> {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(clients, 5), new StringSerializer(), new ByteArraySerializer())) {
                Thread.sleep(3000); // let both join their groups: the latency of a rebalance is not the pipeline's
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    RawArticle article = decoder.decode(new RawInput("lat/" + i + ".txt", copies.get(i).text().getBytes(StandardCharsets.UTF_8)),
                            Instant.now()).article();
                    sentAt.put(article.getId(), System.currentTimeMillis());
                    if (i < skipped) {
                        startUpIds.add(article.getId());
                    }
                    producer.send(new ProducerRecord<>(raw, article.getId(), serializer.serialize(raw, article)));
                }
                producer.flush();
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (count(pipeline.jdbc(), "SELECT COUNT(*) FROM articles") < n && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            return null;
        });
        List<Long> latencies = new ArrayList<>();
        List<Long> startUp = new ArrayList<>();
        StringBuilder rows = new StringBuilder("sent_ms,stored_ms,latency_ms\n"); // latency over time, for stalls
        try (Connection c = Database.connect(pipeline.jdbc()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, stored_at_ms FROM articles ORDER BY stored_at_ms")) {
            while (rs.next()) {
                String id = rs.getString(1);
                long stored = rs.getLong(2);
                Long sent = sentAt.get(id);
                if (sent != null) {
                    (startUpIds.contains(id) ? startUp : latencies).add(stored - sent);
                    rows.append(sent).append(',').append(stored).append(',').append(stored - sent).append('\n');
                }
            }
        }
        Files.writeString(csv, rows);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no article of the latency stage was stored");
        }
        long[] first = startUp.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), sorted.length,
                first.length == 0 ? 0 : percentile(first, 0.99)};
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Map<String, Object> producerSettings(Map<String, Object> clients, int lingerMs) {
        Map<String, Object> p = new HashMap<>(clients);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        return p;
    }

    /** A fresh database per stage: a SQLite file, or a new schema on the PostgreSQL server given with --db. */
    private String database(String name) throws Exception {
        if (db == null) {
            return "jdbc:sqlite:" + workDir.resolve(name + ".db");
        }
        String schema = "bench_" + name + "_" + run;
        try (Connection c = Database.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return db + (db.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A count from the stage's database; 0 while the sink has not created its tables yet. */
    private static long count(String jdbc, String sql) {
        try (Connection c = Database.connect(jdbc); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static Map<String, String> strings(Map<String, Object> clients) {
        Map<String, String> out = new HashMap<>();
        clients.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static void check(long got, long expected, String stage) {
        if (got < expected) {
            throw new IllegalStateException(stage + ": only " + got + " of " + expected + " records arrived in time");
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    /** A self-contained HTML page with SVG bars: throughput per stage and latency percentiles. */
    private String report(double raw, double pass, Map<String, Object> full, double[] latency) {
        Map<String, Double> bars = new LinkedHashMap<>();
        bars.put("raw produce+consume", raw);
        bars.put("pass-through streams", pass);
        full.forEach((t, v) -> bars.put("full pipeline, " + t + " thread(s)", ((Number) ((Map<?, ?>) v).get("fullPerSecond")).doubleValue()));
        double max = bars.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        StringBuilder svg = new StringBuilder("<svg width=\"760\" height=\"" + (40 + 34 * bars.size()) + "\" xmlns=\"http://www.w3.org/2000/svg\">");
        int y = 20;
        for (Map.Entry<String, Double> b : bars.entrySet()) {
            double w = 480 * b.getValue() / max;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text><rect x=\"200\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"#2f6fdf\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"13\">%.0f/s</text>", y + 15, b.getKey(), y, w, 206 + w, y + 15, b.getValue()));
            y += 34;
        }
        svg.append("</svg>");
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>copydesk bench</title></head><body style=\"font:14px system-ui\">"
                + "<h1>copydesk bench</h1><p>" + articles + " articles, " + partitions + " partitions, dup rate " + dupRate + ", size "
                + (size == 0 ? "1-8 KB" : size + " B") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs</p>"
                + "<h2>Throughput (articles/s)</h2>" + svg
                + String.format(Locale.ROOT, "<h2>End-to-end latency at %d/s</h2><p>p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%d articles)</p>",
                rate, latency[0], latency[1], latency[2], (int) latency[3])
                + cpuTable()
                + "</body></html>";
    }

    /** Where each stage's CPU went: a row per stage, a column per part, in cores. */
    private String cpuTable() {
        StringBuilder table = new StringBuilder("<h2>Where the CPU went (cores)</h2><table style=\"border-collapse:collapse\" border=\"1\" cellpadding=\"4\"><tr><th>stage</th>");
        for (CpuAccount.Part part : CpuAccount.Part.values()) {
            table.append("<th>").append(part.key()).append("</th>");
        }
        table.append("</tr>");
        cpuCores.forEach((stage, parts) -> {
            table.append("<tr><td>").append(stage).append("</td>");
            parts.values().forEach(cores -> table.append(String.format(Locale.ROOT, "<td>%.2f</td>", cores)));
            table.append("</tr>");
        });
        return table.append("</table>").toString();
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // the work folder is scratch space: leaving it behind is harmless
        }
    }
}
