package dev.copydesk.cli;

import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.Cleaning;
import dev.copydesk.clean.eval.CleaningCorpus;
import dev.copydesk.clean.eval.CleaningEvaluation;
import dev.copydesk.clean.eval.CrossValidation;
import dev.copydesk.clean.eval.ExtractionScore;
import dev.copydesk.ingest.InputDecoder;
import dev.copydesk.ingest.RawInput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "clean",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the cleaner outside Kafka.",
            "  clean --in DIR --out OUT   writes OUT/<id>.txt, the cleaned body of DIR/html/<id>.html[.gz] (or of DIR/text/<id>.txt when a page has no HTML)",
            "  clean --eval DIR           scores html and text against DIR/ground-truth/<id>.json (word F1, shingle F1)",
            "  clean --eval DIR --ids F   the same on the pages F lists (one id per line)",
            "  clean --eval DIR --folds K cross-validated by site: K folds, no site in two; mean and spread of the held-out folds, and per page type",
            "  clean FILE...              prints the title and cleaned body of each file (.html/.htm as HTML, anything else as text)"
        })
final class CleanCommand implements Callable<Integer> {

    static final class Batch {
        @Option(names = "--in", required = true, paramLabel = "DIR", description = "Folder with html/ and/or text/.")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "Folder for the cleaned bodies.")
        Path out;
    }

    @ArgGroup(exclusive = false)
    Batch batch;

    @Option(names = "--eval", paramLabel = "DIR", description = "Score against DIR/ground-truth.")
    Path eval;

    @Option(
            names = "--ids",
            paramLabel = "FILE",
            description = "With --eval or --in: only the pages whose ids FILE lists "
                    + "(one per line, # comments), e.g. the news pages of a mixed corpus.")
    Path ids;

    @Option(
            names = "--mark",
            paramLabel = "FILE",
            description = "With --folds: also report the held-out score of the pages FILE lists (one id per line,"
                    + " # comments), e.g. the news pages, cleaned by what was learned on all the other folds' pages.")
    Path mark;

    @Option(
            names = "--folds",
            paramLabel = "K",
            description = "With --eval: split the pages into K folds by site (the host of the page's url) and score"
                    + " each fold held out; prints every fold, the mean and spread, and the scores per page type.")
    Integer folds;

    @Option(
            names = "--learned",
            description = "With --folds: score the cleaners with their learned parts trained on the other folds'"
                    + " pages (a block scorer beside the HTML rules, a line scorer beside the text weights).")
    boolean learned;

    @Option(
            names = "--from",
            paramLabel = "auto|html|text",
            description = "With --in: which rendering to clean (default auto: html when present).")
    CleaningEvaluation.Source from = CleaningEvaluation.Source.AUTO;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to clean to standard output.")
    List<Path> files = List.of();

    /** The ids of {@code --ids FILE}, or null for every page. */
    private Set<String> chosenIds() throws IOException {
        return ids == null ? null : idList("--ids", ids);
    }

    private static Set<String> idList(String option, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + ": no such file: " + file);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file)) {
            String id = line.replaceFirst("#.*", "").strip();
            if (!id.isEmpty()) {
                chosen.add(id);
            }
        }
        return chosen;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (folds != null && eval == null) {
            throw new IllegalArgumentException("--folds goes with --eval DIR");
        }
        if (mark != null && folds == null) {
            throw new IllegalArgumentException("--mark goes with --eval DIR --folds K");
        }
        if (learned && folds == null) {
            throw new IllegalArgumentException("--learned goes with --eval DIR --folds K");
        }
        if (eval != null && folds != null) {
            return crossValidate(out);
        }
        if (eval != null) {
            CleaningEvaluation.Result result =
                    CleaningEvaluation.score(new CleaningCorpus(eval, chosenIds()), System.err::println);
            out.println(line("html", result.html()));
            out.println(line("text", result.text()));
            out.println(line("text as-is", result.wholeText()));
            return result.failures().isEmpty() ? 0 : 1;
        }
        if (batch != null) {
            CleaningCorpus corpus = new CleaningCorpus(batch.in, chosenIds());
            List<String> failed = CleaningEvaluation.write(corpus, batch.out, from, System.err::println);
            out.printf(
                    "cleaned %d pages into %s%s%n",
                    corpus.ids().size() - failed.size(),
                    batch.out,
                    failed.isEmpty() ? "" : ", " + failed.size() + " skipped");
            return failed.isEmpty() ? 0 : 1;
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("give --in DIR --out OUT, --eval DIR, or files to clean");
        }
        int failures = 0;
        // the producer's decoder: the same charset detection, limits and rejections as a file sent into the pipeline
        InputDecoder decoder = new InputDecoder(64 * 1024 * 1024);
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                System.err.println(file + ": no such file");
                failures++;
                continue;
            }
            InputDecoder.Result decoded =
                    decoder.decode(new RawInput(file.toString(), Files.readAllBytes(file)), Instant.now());
            if (!decoded.accepted()) {
                System.err.println(file + ": rejected, " + decoded.rejection());
                failures++;
                continue;
            }
            RawArticle raw = decoded.article();
            CleanedText cleaned = raw.getContentType() == ContentType.HTML
                    ? Cleaning.fromHtml(raw.getText())
                    : Cleaning.fromText(raw.getText());
            if (cleaned.body().isBlank()) {
                System.err.println(file + ": no story found (in the pipeline: articles.dlq, reason empty-body)");
                failures++;
                continue;
            }
            out.println("# " + cleaned.title());
            out.println();
            out.println(cleaned.body());
            out.printf("%n(%d removed)%n", cleaned.removedLines());
        }
        return failures == 0 ? 0 : 1;
    }

    private int crossValidate(PrintStream out) throws IOException {
        CleaningCorpus corpus = new CleaningCorpus(eval, chosenIds());
        Set<String> marked = mark == null ? Set.of() : idList("--mark", mark);
        Set<String> unknown = new TreeSet<>(marked);
        unknown.removeAll(corpus.ids());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "--mark: no page " + unknown.iterator().next() + " in " + eval
                            + (unknown.size() > 1 ? " (and " + (unknown.size() - 1) + " more)" : ""));
        }
        CrossValidation.Result result = CrossValidation.run(
                corpus,
                folds,
                learned ? CrossValidation.learned(corpus) : CrossValidation.HAND_RULES,
                marked,
                System.err::println);
        for (CrossValidation.Fold fold : result.folds()) {
            out.println(line("fold " + (fold.index() + 1) + " html", fold.html()) + "   sites " + fold.sites());
            out.println(line("fold " + (fold.index() + 1) + " text", fold.text()));
        }
        for (String rendering : List.of("html", "text")) {
            boolean html = rendering.equals("html");
            double[] shingle = result.meanAndSpread(f -> (html ? f.html() : f.text()).shingleF1());
            double[] word = result.meanAndSpread(f -> (html ? f.html() : f.text()).wordF1());
            out.printf(
                    Locale.ROOT,
                    "%s held out, %d folds by site: shingle F1 %.4f ± %.4f   word F1 %.4f ± %.4f%n",
                    rendering,
                    result.folds().size(),
                    shingle[0],
                    shingle[1],
                    word[0],
                    word[1]);
        }
        result.htmlByType().forEach((type, score) -> out.println(line("type " + type + " html", score)));
        result.textByType().forEach((type, score) -> out.println(line("type " + type + " text", score)));
        if (!marked.isEmpty()) {
            out.println(line("marked html", result.markedHtml()));
            out.println(line("marked text", result.markedText()));
        }
        return result.failures().isEmpty() ? 0 : 1;
    }

    private static String line(String label, ExtractionScore score) {
        return String.format(
                Locale.ROOT,
                "%-11s pages %4d   word F1 %.4f   shingle F1 %.4f (precision %.4f, recall %.4f)",
                label,
                score.pages(),
                score.wordF1(),
                score.shingleF1(),
                score.shinglePrecision(),
                score.shingleRecall());
    }
}
