package dev.copydesk.bench;

import dev.copydesk.avro.Article;
import dev.copydesk.store.ArticleSearch;
import dev.copydesk.store.ArticleStore;
import dev.copydesk.store.Database;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage throughput and search latency: writes N synthetic ~2 KB articles in batches (rows and offsets in one
 * transaction each, as the sink does), then times searches for words of different frequencies. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.copydesk.bench.StorageBench JDBC-URL|PATH [articles] [batch]}
 */
public final class StorageBench {

    public static void main(String[] args) throws Exception {
        String url = Database.jdbcUrl(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        SyntheticWire wire = new SyntheticWire(11);
        String[] bodies = new String[2000];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = wire.body(2048);
        }
        long t0 = System.nanoTime();
        try (ArticleStore store = new ArticleStore(url, "bench")) {
            List<Article> pending = new ArrayList<>(batch);
            for (int i = 0; i < n; i++) {
                String id = String.format("%024x", i);
                String body = bodies[i % bodies.length] + " item" + i;
                pending.add(Article.newBuilder().setId(id).setStoryId(id).setVersion(1).setSourceRef("bench/" + i)
                        .setReceivedAt(Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L)).setProcessedAt(Instant.now())
                        .setTitle(body.substring(0, 60)).setBody(body).setLanguage(i % 10 == 0 ? "fr" : "en")
                        .setContentHash("h" + i).setWordCount(350).setRemovedLines(0).build());
                if (pending.size() == batch || i == n - 1) {
                    store.write(pending, List.of(), Map.of(new org.apache.kafka.common.TopicPartition("bench", 0), (long) i + 1));
                    pending.clear();
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: wrote %d articles in batches of %d: %.0f articles/s%n", url.replaceAll("\\?.*", ""), n, batch, n / seconds);

        String[] words = bodies[0].split("\\W+");
        List<String> queries = List.of(words[3], words[10] + " " + words[11], words[25], words[40] + " " + words[41] + " " + words[42],
                words[60], "item" + (n / 2), words[5] + " " + words[80]);
        try (Connection c = Database.connect(url)) {
            ArticleSearch search = new ArticleSearch(c);
            double[] ms = new double[queries.size() * 5];
            int k = 0;
            for (int round = 0; round < 6; round++) {
                for (String q : queries) {
                    long s0 = System.nanoTime();
                    search.search(new ArticleSearch.Query(q, round % 2 == 0 ? Optional.empty() : Optional.of("en"),
                            Optional.empty(), Optional.empty(), 10), "[", "]");
                    if (round > 0) { // the first round warms caches and the JIT
                        ms[k++] = (System.nanoTime() - s0) / 1e6;
                    }
                }
            }
            Arrays.sort(ms);
            System.out.printf("search over %d articles, top 10 with snippets: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d queries)%n",
                    n, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[ms.length - 1], ms.length);
        }
    }
}
