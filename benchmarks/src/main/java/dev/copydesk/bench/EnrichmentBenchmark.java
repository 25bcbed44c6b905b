package dev.copydesk.bench;

import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.clean.text.TextCleaner;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.enrich.DocumentFrequencies;
import dev.copydesk.enrich.StoryEnricher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * Enrichment speed, single thread, score = stories/s, on ~4 KB stories (the repository's wire samples, cleaned,
 * with their paragraphs repeated to ~4 KB): {@code enrich} is language, dateline, agency, sentences, entities
 * and keywords; {@code buildArticle} is the whole clean-stage work per record (clean + fingerprint + enrich).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class EnrichmentBenchmark {

    /**
     * The stories' language: {@code en} the wire samples; {@code zh}, {@code ja}, {@code th} stories of ~4 KB (UTF-8)
     * of real sentences from {@code ../shared/data/lang-sentences} (these need that folder).
     */
    @Param({"en"})
    public String language;

    private final StoryEnricher enricher = new StoryEnricher();
    private final ArticleBuilder builder = new ArticleBuilder();
    private final DocumentFrequencies frequencies = DocumentFrequencies.inMemory();
    private final List<List<String>> stories = new ArrayList<>();
    private final List<RawArticle> raws = new ArrayList<>();
    private int next;

    @Setup
    public void load() throws IOException {
        if (!language.equals("en")) {
            loadSentences();
            return;
        }
        try (var files = Files.list(Path.of("samples", "wire"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(f);
                StringBuilder fourKb = new StringBuilder(text);
                while (fourKb.length() < 4096) {
                    fourKb.append("\n").append(text, 0, Math.min(text.length(), 4096 - fourKb.length()));
                }
                List<String> paragraphs =
                        new TextCleaner().clean(fourKb.toString()).paragraphs();
                stories.add(paragraphs);
                raws.add(RawArticle.newBuilder()
                        .setId(f.getFileName().toString())
                        .setSourceRef(f.toString())
                        .setReceivedAt(Instant.EPOCH)
                        .setContentType(ContentType.TEXT)
                        .setText(fourKb.toString())
                        .build());
            }
        }
    }

    private void loadSentences() {
        List<String> sentences = SharedSentences.of(language);
        String joiner = language.equals("th") ? " " : "";
        StringBuilder story = new StringBuilder();
        int bytes = 0;
        int n = 0;
        for (String sentence : sentences) {
            story.append(sentence).append(++n % 3 == 0 ? "\n\n" : joiner);
            bytes += sentence.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes >= 4096) {
                String text = story.toString();
                stories.add(new TextCleaner().clean(text).paragraphs());
                raws.add(RawArticle.newBuilder()
                        .setId(language + raws.size())
                        .setSourceRef("lang-sentences/" + language)
                        .setReceivedAt(Instant.EPOCH)
                        .setContentType(ContentType.TEXT)
                        .setText(text)
                        .build());
                story.setLength(0);
                bytes = 0;
            }
        }
    }

    @Benchmark
    public Object enrich() {
        List<String> story = stories.get(next++ % stories.size());
        return enricher.enrich("", story, "", 700, frequencies);
    }

    @Benchmark
    public Object buildArticle() {
        return builder.build(raws.get(next++ % raws.size()), Instant.EPOCH, frequencies);
    }
}
