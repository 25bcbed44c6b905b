package dev.copydesk.bench;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.clean.eval.CleaningCorpus;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.sample.SyntheticWire;
import dev.copydesk.watch.WatchMatch;
import dev.copydesk.watch.WatchMatcher;
import dev.copydesk.watch.sample.SampleWatchlists;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching one enriched story against N watchlists, single thread, score = stories/s. The stories are the 711 real
 * WCXB pages' main content from {@code ../shared} (synthetic wire copy without it), enriched as enrich-streams
 * does. The watchlists are what desks write, drawn from the whole corpus's entities, key phrases and countries, so
 * each story matches the few that are about it, in five shapes: an entity; a phrase in a country; a phrase OR an
 * entity NOT a language; an agency AND a phrase; one entity OR another. {@code -Dwatch.known.every=K} makes only
 * one in K refer to the corpus (the rest name no one in it). Prints, at setup, how many watchlists a story matches.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Thread)
public class WatchMatchBenchmark {

    @Param({"1000", "10000"})
    public int watchlists;

    private WatchMatcher matcher;
    private List<Article> stories;
    private int next;

    @Setup
    public void load() {
        ArticleBuilder builder = new ArticleBuilder();
        stories = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Path wcxb = Path.of(System.getProperty("copydesk.shared.dir", "../shared"), "data", "wcxb-dev");
        if (Files.isDirectory(wcxb)) {
            CleaningCorpus corpus = new CleaningCorpus(wcxb);
            corpus.ids().forEach(id -> corpus.truth(id).ifPresent(texts::add));
        } else {
            new SyntheticWire().generate(300, 0, 4096, 11).forEach(c -> texts.add(c.text()));
        }
        int i = 0;
        for (String text : texts) {
            RawArticle raw = RawArticle.newBuilder()
                    .setId("s" + i++)
                    .setSourceRef("s" + i + ".txt")
                    .setReceivedAt(Instant.now())
                    .setContentType(ContentType.TEXT)
                    .setText(text)
                    .build();
            builder.build(raw, Instant.now()).ifPresent(stories::add);
        }
        Map<String, String> queries =
                SampleWatchlists.of(stories, watchlists, Integer.getInteger("watch.known.every", 1), 42);
        matcher = new WatchMatcher();
        long t0 = System.nanoTime();
        matcher.putAll(queries);
        long matched = 0;
        Set<String> any = new LinkedHashSet<>();
        for (Article a : stories) {
            List<WatchMatch> m = matcher.match(a);
            matched += m.size();
            m.forEach(x -> any.add(x.watchlist()));
        }
        System.out.printf(
                "%n%d watchlists loaded in %.0f ms; %d stories match %.1f watchlists each on average, %d watchlists match"
                        + " at least one%n",
                watchlists,
                (System.nanoTime() - t0) / 1e6,
                stories.size(),
                (double) matched / stories.size(),
                any.size());
    }

    @TearDown
    public void close() {
        matcher.close();
    }

    @Benchmark
    public List<WatchMatch> match() {
        Article a = stories.get(next++ % stories.size());
        return matcher.match(a);
    }
}
