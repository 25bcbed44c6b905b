package dev.copydesk.bench;

import dev.copydesk.clean.eval.CleaningCorpus;
import dev.copydesk.clean.html.HtmlExtractor;
import dev.copydesk.clean.text.TextCleaner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cleaning speed, single thread, score = documents/s.
 * <ul>
 *   <li>{@code corpus=wire}: the repository's own samples — wire stories with chrome (text, 3–6 KB) and the sample
 *       news page (HTML, 7 KB): the size of what a wire feed sends;</li>
 *   <li>{@code corpus=wcxb}: the WCXB development pages from {@code ../shared} (whole web pages as served, median
 *       121 KB of HTML and 14 KB of text), when that folder is present.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class CleaningBenchmark {

    @Param({"wire", "wcxb"})
    public String corpus;

    private final TextCleaner cleaner = new TextCleaner();
    private final HtmlExtractor extractor = new HtmlExtractor();
    private final HtmlExtractor handRules = HtmlExtractor.handRules();
    private List<String> texts;
    private List<String> pages;
    private int nextText;
    private int nextPage;

    @Setup
    public void load() throws IOException {
        texts = new ArrayList<>();
        pages = new ArrayList<>();
        if (corpus.equals("wcxb")) {
            Path dir = Path.of(System.getProperty("copydesk.shared.dir", "../shared"), "data", "wcxb-dev");
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("corpus=wcxb needs the WCXB pages at " + dir.toAbsolutePath()
                        + " (-Dcopydesk.shared.dir=...); corpus=wire needs nothing");
            }
            CleaningCorpus wcxb = new CleaningCorpus(dir);
            for (String id : wcxb.ids().subList(0, 200)) {
                wcxb.text(id).ifPresent(texts::add);
                wcxb.html(id).ifPresent(pages::add);
            }
        } else {
            try (var files = Files.list(Path.of("samples", "wire"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt"))
                        .sorted()
                        .toList()) {
                    texts.add(Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("run from the repository root: " + e.getMessage(), e);
            }
            pages.add(Files.readString(Path.of("samples", "wire", "harbour-ferry-strike.html")));
        }
    }

    @Benchmark
    public Object cleanText() {
        String text = texts.get(nextText++ % texts.size());
        return cleaner.clean(text);
    }

    @Benchmark
    public Object extractHtml() {
        String page = pages.get(nextPage++ % pages.size());
        return extractor.extract(page);
    }

    /** jsoup's parse alone, nothing else: the floor under {@link #extractHtml}, since every extractor here parses first. */
    /** The hand rules without the block scorer: what the scorer costs is the difference to extractHtml. */
    @Benchmark
    public Object extractHtmlHandRules() {
        String page = pages.get(nextPage++ % pages.size());
        return handRules.extract(page);
    }

    @Benchmark
    public Object parseHtmlOnly() {
        String page = pages.get(nextPage++ % pages.size());
        return org.jsoup.Jsoup.parse(page);
    }
}
