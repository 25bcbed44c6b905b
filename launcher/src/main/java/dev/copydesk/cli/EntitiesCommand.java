package dev.copydesk.cli;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.Entity;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.enrich.EntityRecognizer;
import dev.copydesk.enrich.EntityRecognizer.Type;
import dev.copydesk.enrich.eval.EntityEvaluation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "entities",
        mixinStandardHelpOptions = true,
        description = {
            "Finds the people, organisations and places of stories, or scores that against hand-annotated ones.",
            "  entities FILE...                what each file's story names (.html/.htm read as HTML): type, name,"
                    + " mentions, country code, and the countries it concerns",
            "  entities --eval FILE            precision and recall per type (people, organisations, places), per"
                    + " story, on full names and on all names",
            "  entities --eval FILE --verbose  also every wrong and every missed entity, story by story",
            "  entities --eval FILE --stage S  article (default): what the product stores, cleaning then enrichment;"
                    + " recogniser: the recogniser alone on the text as given; rules: its rules alone, without the"
                    + " learned name model",
            "FILE has one JSON story a line (id, source, text, people, organizations, places); the project's own set is"
                    + " article-text/src/test/resources/dev/copydesk/enrich/entity-eval.jsonl (docs/entities.md)."
        })
final class EntitiesCommand implements Callable<Integer> {

    @Option(names = "--eval", paramLabel = "FILE", description = "The annotated stories (JSON lines).")
    Path eval;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Stories whose entities to print.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--verbose", description = "List every wrong and every missed entity.")
    boolean verbose;

    /** What is scored: the whole article build, the recogniser alone, or its rules alone. */
    enum Stage {
        article,
        recogniser,
        rules
    }

    @Option(
            names = "--stage",
            paramLabel = "S",
            defaultValue = "article",
            description = "article (default), recogniser or rules: what is scored or printed.")
    Stage stage;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        if ((eval == null) == files.isEmpty()) {
            err.println("give either --eval FILE (to score) or one or more story files (to print their entities)");
            return 2;
        }
        return eval == null ? print() : score();
    }

    /** Each file's entities, as the product stores them (stage article) or as the recogniser finds them. */
    private int print() {
        ArticleBuilder builder = new ArticleBuilder();
        EntityRecognizer recognizer = new EntityRecognizer();
        int exit = 0;
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                err.println("no such file: " + file);
                exit = 2; // and the other files still print
                continue;
            } catch (IOException e) {
                err.println(file + ": " + e.getMessage());
                exit = 2;
                continue;
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean html = name.endsWith(".html") || name.endsWith(".htm");
            List<Row> rows = new ArrayList<>();
            List<String> countries = new ArrayList<>();
            String language = "";
            if (stage == Stage.article) {
                Instant now = Instant.now();
                Article article = builder.build(
                                RawArticle.newBuilder()
                                        .setId(file.toString())
                                        .setSourceRef(file.toString())
                                        .setReceivedAt(now)
                                        .setContentType(html ? ContentType.HTML : ContentType.TEXT)
                                        .setText(text)
                                        .setMetadata(Map.of())
                                        .build(),
                                now)
                        .orElse(null);
                if (article == null) {
                    err.println(file + ": no story in it (nothing left after cleaning)");
                    exit = 2;
                    continue;
                }
                for (Entity e : article.getEntities()) {
                    rows.add(new Row(e.getType().name(), e.getName(), e.getMentions(), e.getCountryCode()));
                }
                countries.addAll(article.getCountries());
                language = article.getLanguage();
            } else {
                EntityRecognizer.Recognition r =
                        stage == Stage.rules ? recognizer.recognizeByRules(text) : recognizer.recognizeAll(text);
                for (EntityRecognizer.Entity e : r.entities()) {
                    rows.add(new Row(e.type().name(), e.name(), e.mentions(), e.countryCode()));
                }
                countries.addAll(r.countries());
            }
            out.println("# " + file + (language.isEmpty() ? "" : " (" + language + ")"));
            for (Row row : rows) {
                out.printf(Locale.ROOT, "%-13s %-40s %3d  %s%n", row.type(), row.name(), row.mentions(), row.code());
            }
            out.println("countries     " + String.join(" ", countries));
        }
        return exit;
    }

    /** One entity as printed, whichever stage found it. */
    private record Row(String type, String name, int mentions, String code) {}

    private int score() throws IOException {
        List<EntityEvaluation.Story> stories;
        try (Reader reader = Files.newBufferedReader(eval, StandardCharsets.UTF_8)) {
            stories = EntityEvaluation.read(reader);
        } catch (NoSuchFileException e) {
            err.println("no such file: " + eval);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(eval + ": " + e.getMessage());
            return 2;
        }
        if (stories.isEmpty()) {
            err.println(eval + ": no stories");
            return 2;
        }
        long start = System.nanoTime();
        EntityEvaluation.Report report = EntityEvaluation.score(
                stories,
                switch (stage) {
                    case article -> EntityEvaluation.throughArticleBuilder();
                    case recogniser -> EntityEvaluation.recogniserAlone(true);
                    case rules -> EntityEvaluation.recogniserAlone(false);
                });
        out.printf(
                Locale.ROOT,
                "%d stories (%s), %.1f s; per story, each distinct entity once%n",
                report.stories(),
                stage,
                (System.nanoTime() - start) / 1e9);
        print("full names (people and organisations of two words or more; places all)", report.fullNames());
        print("all names", report.all());
        if (verbose) {
            for (Type type : Type.values()) {
                EntityEvaluation.Tally t = report.all().get(type);
                t.wrong().forEach(w -> out.println("wrong  " + label(type) + "  " + w));
                t.missed().forEach(m -> out.println("missed " + label(type) + "  " + m));
            }
        }
        return 0;
    }

    private void print(String heading, Map<Type, EntityEvaluation.Tally> tallies) {
        out.println(heading + ":");
        out.println("  type           precision  recall     F1   found right  wrong  missed");
        for (Type type : Type.values()) {
            EntityEvaluation.Tally t = tallies.get(type);
            out.printf(
                    Locale.ROOT,
                    "  %-13s  %9.3f  %6.3f  %5.3f  %11d  %5d  %6d%n",
                    label(type),
                    t.precision(),
                    t.recall(),
                    t.f1(),
                    t.truePositives(),
                    t.falsePositives(),
                    t.falseNegatives());
        }
    }

    private static String label(Type type) {
        return switch (type) {
            case PERSON -> "people";
            case ORGANIZATION -> "organisations";
            case PLACE -> "places";
        };
    }
}
