package dev.copydesk.clean.eval;

import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.Cleaning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the cleaners over a {@link CleaningCorpus}: writes each page's cleaned body for outside scorers, or scores
 * html and text renderings against the ground truth. A page that cannot be read or cleaned is reported and
 * skipped; the others still count.
 */
public final class CleaningEvaluation {

    /** Which rendering of a page to clean when writing bodies. */
    public enum Source {
        AUTO,
        HTML,
        TEXT
    }

    /** Scores per rendering, the page text as-is for reference, and the pages that failed. */
    public record Result(
            ExtractionScore html, ExtractionScore text, ExtractionScore wholeText, List<String> failures) {}

    private CleaningEvaluation() {}

    public static Result score(CleaningCorpus corpus, Consumer<String> progress) {
        ExtractionScore html = new ExtractionScore();
        ExtractionScore text = new ExtractionScore();
        ExtractionScore whole = new ExtractionScore();
        List<String> failures = new ArrayList<>();
        for (String id : corpus.ids()) {
            try {
                Optional<String> truth = corpus.truth(id);
                if (truth.isEmpty()) {
                    continue;
                }
                Optional<String> page = corpus.html(id);
                if (page.isPresent()) {
                    html.add(Cleaning.fromHtml(page.get()).body(), truth.get());
                }
                Optional<String> copy = corpus.text(id);
                if (copy.isPresent()) {
                    text.add(Cleaning.fromText(copy.get()).body(), truth.get());
                    whole.add(copy.get(), truth.get());
                }
            } catch (RuntimeException e) {
                failures.add(id + ": " + e.getMessage());
                progress.accept("skipped " + id + ": " + e.getMessage());
            }
        }
        return new Result(html, text, whole, failures);
    }

    /** Writes {@code out/<id>.txt} with the cleaned body (no title) of every page; returns the ids that failed. */
    public static List<String> write(CleaningCorpus corpus, Path out, Source source, Consumer<String> progress) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + out, e);
        }
        List<String> failures = new ArrayList<>();
        for (String id : corpus.ids()) {
            try {
                Optional<CleanedText> cleaned = clean(corpus, id, source);
                if (cleaned.isPresent()) {
                    Files.writeString(out.resolve(id + ".txt"), cleaned.get().body() + "\n", StandardCharsets.UTF_8);
                }
            } catch (IOException | RuntimeException e) {
                failures.add(id);
                progress.accept("skipped " + id + ": " + e.getMessage());
            }
        }
        return failures;
    }

    private static Optional<CleanedText> clean(CleaningCorpus corpus, String id, Source source) {
        if (source != Source.TEXT) {
            Optional<String> html = corpus.html(id);
            if (html.isPresent()) {
                return Optional.of(Cleaning.fromHtml(html.get()));
            }
            if (source == Source.HTML) {
                return Optional.empty();
            }
        }
        return corpus.text(id).map(Cleaning::fromText);
    }
}
