package dev.copydesk.bench;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.Entity;
import dev.copydesk.avro.EntityType;
import dev.copydesk.avro.Keyword;
import dev.copydesk.sample.SyntheticWire;
import dev.copydesk.store.ArticleSearch;
import dev.copydesk.store.ArticleStore;
import dev.copydesk.store.Database;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Storage throughput and search latency: writes N synthetic ~2 KB articles, each with 8 entities and 10 keywords
 * (about what enrichment finds in a wire story), in batches (rows and offsets in one transaction each, as the sink
 * does), then times searches for words of different frequencies. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.copydesk.bench.StorageBench JDBC-URL|PATH [articles] [batch] [--writers N]}
 */
public final class StorageBench {

    public static void main(String[] args) throws Exception {
        String url = Database.jdbcUrl(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 2000; // the sink's default batch
        String[] bodies = new SyntheticWire()
                .generate(2000, 0, 2048, 11).stream()
                        .map(SyntheticWire.Copy::text)
                        .toArray(String[]::new);
        List<String> options = List.of(args);
        boolean searchOnly = options.contains("--search-only"); // time searches on what is stored
        // --writers N: N sinks of one consumer group, each with its own connection and its own share of the
        // partitions (here: of the articles), as when the sink is scaled out; rows and offsets still commit together
        int writers =
                options.contains("--writers") ? Integer.parseInt(options.get(options.indexOf("--writers") + 1)) : 1;
        // built before the clock starts: the bench measures the store, not the making of test data
        List<Article> articles = new ArrayList<>(n);
        for (int i = 0; i < (searchOnly ? 0 : n); i++) {
            String id = String.format("%024x", i);
            String body = bodies[i % bodies.length] + " item" + i;
            String[] words = body.split(" ", 40);
            List<Entity> entities = new ArrayList<>();
            for (int e = 0; e < 8; e++) {
                entities.add(new Entity(
                        EntityType.values()[e % 3], words[e] + " " + words[e + 8], 1 + e % 3, e % 3 == 2 ? "KR" : ""));
            }
            List<Keyword> keywords = new ArrayList<>();
            for (int w = 0; w < 10; w++) {
                keywords.add(new Keyword(words[20 + w].toLowerCase(Locale.ROOT) + " " + w, 10.0 - w));
            }
            articles.add(Article.newBuilder()
                    .setId(id)
                    .setStoryId(id)
                    .setVersion(1)
                    .setSourceRef("bench/" + i)
                    .setReceivedAt(Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L))
                    .setProcessedAt(Instant.now())
                    .setTitle(body.substring(0, 60))
                    .setBody(body)
                    .setLanguage(i % 10 == 0 ? "fr" : "en")
                    .setContentHash("h" + i)
                    .setWordCount(350)
                    .setRemovedLines(0)
                    .setEntities(entities)
                    .setKeywords(keywords)
                    .build());
        }
        try (ArticleStore migrated = new ArticleStore(url, "bench")) {
            // schema created before the clock starts, and once: parallel writers must not race to migrate
        }
        long t0 = System.nanoTime();
        List<Article> all = articles;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        // each batch's time in the store: the sink's pause per poll, which end-to-end latency waits on
        List<Long> batchNanos = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            int partition = w;
            Thread t = new Thread(
                    () -> {
                        List<Article> share = new ArrayList<>();
                        for (int i = partition; i < all.size(); i += writers) {
                            share.add(all.get(i));
                        }
                        try (ArticleStore store = new ArticleStore(url, "bench")) {
                            for (int from = 0; from < share.size(); from += batch) {
                                int to = Math.min(share.size(), from + batch);
                                long started = System.nanoTime();
                                store.write(
                                        share.subList(from, to),
                                        List.of(),
                                        Map.of(new TopicPartition("bench", partition), (long) to));
                                batchNanos.add(System.nanoTime() - started);
                            }
                        } catch (Exception e) {
                            failures.add(e);
                        }
                    },
                    "writer-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a writer failed", failures.get(0));
        }
        articles = null;
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!searchOnly) {
            System.out.printf(
                    "%s: wrote %d articles in batches of %d, %d writer(s): %.0f articles/s%n",
                    url.replaceAll("\\?.*", ""), n, batch, writers, n / seconds);
            List<Long> sorted = batchNanos.stream().sorted().toList();
            System.out.printf(
                    "  per batch: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d batches)%n",
                    sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6,
                    sorted.size());
        }

        String[] words = bodies[0].split("\\W+");
        String[] firstWords = bodies[0].split(" ", 40);
        String entityName = firstWords[1] + " " + firstWords[9]; // an entity of every 2,000th article (see above)
        List<String> queries = List.of(
                words[3],
                words[10] + " " + words[11],
                words[25],
                words[40] + " " + words[41] + " " + words[42],
                words[60],
                "item" + (n / 2),
                words[5] + " " + words[80]);
        try (Connection c = Database.connect(url)) {
            ArticleSearch search = new ArticleSearch(c);
            double[] ms = new double[queries.size() * 5];
            int k = 0;
            for (int round = 0; round < 6; round++) {
                for (String q : queries) {
                    long s0 = System.nanoTime();
                    // rounds: no filter, --lang, --entity, --since (the newest 5%), alike for every query
                    search.search(
                            new ArticleSearch.Query(
                                    q,
                                    round % 2 == 1 ? Optional.of("en") : Optional.empty(),
                                    round == 2 ? Optional.of(entityName) : Optional.empty(),
                                    round == 4
                                            ? Optional.of(Instant.ofEpochMilli(1_700_000_000_000L + n * 950L))
                                            : Optional.empty(),
                                    10),
                            "[",
                            "]");
                    if (round > 0) { // the first round warms caches and the JIT
                        ms[k++] = (System.nanoTime() - s0) / 1e6;
                    }
                }
                if (round > 0) {
                    double[] r = Arrays.copyOfRange(ms, k - queries.size(), k);
                    Arrays.sort(r);
                    System.out.printf(
                            "  %-8s median %.1f ms, max %.1f ms%n",
                            new String[] {"", "--lang", "--entity", "--lang", "--since", "--lang"}[round],
                            r[r.length / 2],
                            r[r.length - 1]);
                }
            }
            Arrays.sort(ms);
            System.out.printf(
                    "search over %d articles, top 10 with snippets: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d queries)%n",
                    n, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[ms.length - 1], ms.length);
        }
    }
}
