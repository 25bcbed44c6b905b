package dev.copydesk.bench;

import dev.copydesk.dedup.BodyFingerprint;
import dev.copydesk.dedup.DedupSettings;
import dev.copydesk.dedup.DedupState;
import dev.copydesk.dedup.Deduplicator;
import dev.copydesk.dedup.RememberedArticle;
import dev.copydesk.sample.SyntheticWire;
import java.util.List;
import java.util.function.Consumer;

/**
 * Memory per remembered article: the heap the dedup stage's in-memory indexes take (band index, expiry queue),
 * and the bytes each article writes to the persistent store. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.copydesk.bench.DedupMemory [articles] [language]}; with a
 * language (zh, ja, ko, th...) the bodies are ten real sentences of it each, from
 * {@code ../shared/data/lang-sentences}, instead of synthetic English wire copy.
 */
public final class DedupMemory {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long[] storedBytes = {0};
        DedupState counting = new DedupState() { // keeps nothing: only what it would write is counted
                    @Override
                    public String exactOwner(String contentHash) {
                        return null;
                    }

                    @Override
                    public RememberedArticle article(String articleId) {
                        return null;
                    }

                    @Override
                    public int storyVersion(String storyId) {
                        return 0;
                    }

                    @Override
                    public void remember(RememberedArticle a) {
                        storedBytes[0] += 2
                                + a.contentHash().length()
                                + a.id().length() // x:<hash> -> id
                                + 2
                                + a.id().length()
                                + a.toBytes().length; // a:<id> -> article
                    }

                    @Override
                    public void forget(RememberedArticle a, boolean owned, boolean latest) {}

                    @Override
                    public void forEachArticle(Consumer<RememberedArticle> visitor) {}
                };
        String[] bodies = args.length > 1
                ? bodiesIn(args[1])
                : new SyntheticWire()
                        .generate(1000, 0, 2048, 1).stream()
                                .map(SyntheticWire.Copy::text)
                                .toArray(String[]::new);
        Deduplicator dedup = new Deduplicator(DedupSettings.defaults(), counting);
        long before = usedHeap();
        for (int i = 0; i < n; i++) {
            String body =
                    bodies[i % bodies.length] + " " + i; // distinct hash, shares most shingles: worst case for buckets
            dedup.decide(String.format("%024x", i), BodyFingerprint.of(body), body, i);
        }
        long after = usedHeap();
        System.out.printf(
                "remembered %d articles: heap %.0f bytes/article (band index + expiry queue), store %.0f bytes/article%n",
                dedup.remembered(), (after - before) / (double) n, storedBytes[0] / (double) n);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String[] bodiesIn(String language) {
        List<String> sentences = SharedSentences.of(language);
        String[] bodies = new String[1000];
        for (int b = 0; b < bodies.length; b++) {
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                body.append(sentences.get((b * 7 + k) % sentences.size())).append('\n');
            }
            bodies[b] = body.toString();
        }
        return bodies;
    }
}
