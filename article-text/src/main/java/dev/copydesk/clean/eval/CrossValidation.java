package dev.copydesk.clean.eval;

import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.Cleaning;
import dev.copydesk.clean.html.BlockScorer;
import dev.copydesk.clean.html.HtmlExtractor;
import dev.copydesk.clean.text.LineScorer;
import dev.copydesk.clean.text.TextCleaner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scores a cleaner the way that predicts pages it has never seen: the pages are split into folds by site (no site
 * in two folds), and each fold is cleaned by what was fitted on the other folds, then scored against its ground
 * truth. What is fitted is the {@link Trainer}'s business: the hand-written cleaner fits nothing (each fold is then
 * a held-out sample of sites, and the spread across folds is how much the score depends on which sites it meets);
 * a learned scorer would be trained on the other folds' pages.
 */
public final class CrossValidation {

    /** Cleans a page's HTML and its text rendering. */
    public interface PageCleaner {
        CleanedText fromHtml(String html);

        CleanedText fromText(String text);
    }

    /** Fits a cleaner on the pages of the other folds (their ids); the shipped cleaner ignores them. */
    public interface Trainer extends Function<List<String>, PageCleaner> {}

    /**
     * The hand-written cleaners, which learn nothing from the pages: the HTML extractor's rules without the block
     * scorer (the shipped one was trained on every page, so it has seen the held-out folds), the shipped text cleaner.
     */
    public static final Trainer HAND_RULES = training -> {
        HtmlExtractor html = HtmlExtractor.handRules();
        return pageCleaner(page -> html.extract(page).asCleanedText(), Cleaning::fromText);
    };

    private static PageCleaner pageCleaner(Function<String, CleanedText> html, Function<String, CleanedText> text) {
        return new PageCleaner() {
            @Override
            public CleanedText fromHtml(String page) {
                return html.apply(page);
            }

            @Override
            public CleanedText fromText(String rendering) {
                return text.apply(rendering);
            }
        };
    }

    /**
     * The cleaners with their learned parts trained on the training folds' pages: a {@link BlockScorer} beside the
     * HTML extractor's hand rules, a {@link LineScorer} beside the text cleaner's hand weights.
     */
    public static Trainer learned(CleaningCorpus corpus) {
        return training -> {
            List<BlockScorer.Page> htmlPages = new ArrayList<>();
            List<LineScorer.Page> textPages = new ArrayList<>();
            for (String id : training) {
                Optional<String> truth = corpus.truth(id);
                if (truth.isPresent()) {
                    corpus.html(id).ifPresent(html -> htmlPages.add(new BlockScorer.Page(html, truth.get())));
                    corpus.text(id).ifPresent(text -> textPages.add(new LineScorer.Page(text, truth.get())));
                }
            }
            HtmlExtractor html = new HtmlExtractor(BlockScorer.train(htmlPages));
            TextCleaner text = new TextCleaner(LineScorer.train(textPages));
            return pageCleaner(page -> html.extract(page).asCleanedText(), text::clean);
        };
    }

    /** One fold's held-out scores. */
    public record Fold(int index, int sites, ExtractionScore html, ExtractionScore text) {}

    /**
     * Per fold, and per page type over every held-out page; the held-out score of the marked pages (a subset such as
     * the news pages, trained with all the others); the pages that failed.
     */
    public record Result(
            List<Fold> folds,
            Map<String, ExtractionScore> htmlByType,
            Map<String, ExtractionScore> textByType,
            ExtractionScore markedHtml,
            ExtractionScore markedText,
            List<String> failures) {

        /** Mean and sample standard deviation over the folds of a score taken from each fold. */
        public double[] meanAndSpread(Function<Fold, Double> score) {
            double sum = 0;
            for (Fold f : folds) {
                sum += score.apply(f);
            }
            double mean = sum / folds.size();
            double squares = 0;
            for (Fold f : folds) {
                squares += Math.pow(score.apply(f) - mean, 2);
            }
            return new double[] {mean, folds.size() > 1 ? Math.sqrt(squares / (folds.size() - 1)) : 0};
        }
    }

    private CrossValidation() {}

    /**
     * The fold of every page: sites are dealt, largest first, to the fold with the fewest pages so far (ties to the
     * lower fold), so folds are near equal in pages and the same corpus always gives the same folds.
     */
    public static Map<String, Integer> folds(CleaningCorpus corpus, List<String> ids, int k) {
        Map<String, List<String>> bySite = new TreeMap<>();
        for (String id : ids) {
            bySite.computeIfAbsent(corpus.info(id).site(), s -> new ArrayList<>())
                    .add(id);
        }
        if (k < 2) {
            throw new IllegalArgumentException("--folds must be at least 2, not " + k);
        }
        if (k > bySite.size()) {
            throw new IllegalArgumentException(
                    "--folds " + k + " is more than the " + bySite.size() + " sites the pages come from");
        }
        List<Map.Entry<String, List<String>>> sites = new ArrayList<>(bySite.entrySet());
        sites.sort(Comparator.comparingInt(
                        (Map.Entry<String, List<String>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        int[] pages = new int[k];
        Map<String, Integer> fold = new HashMap<>();
        for (Map.Entry<String, List<String>> site : sites) {
            int smallest = 0;
            for (int f = 1; f < k; f++) {
                if (pages[f] < pages[smallest]) {
                    smallest = f;
                }
            }
            pages[smallest] += site.getValue().size();
            for (String id : site.getValue()) {
                fold.put(id, smallest);
            }
        }
        return fold;
    }

    /**
     * Cleans one rendering of a page, when it has that rendering, and counts its score in the fold's and the page
     * type's tallies, and in the marked pages' when it is one.
     */
    private static void score(
            Optional<String> rendering,
            Function<String, CleanedText> clean,
            String truth,
            ExtractionScore fold,
            ExtractionScore type,
            ExtractionScore marked) {
        if (rendering.isPresent()) {
            ExtractionScore.Page page = fold.add(clean.apply(rendering.get()).body(), truth);
            type.add(page);
            if (marked != null) {
                marked.add(page);
            }
        }
    }

    private static ExtractionScore tally(Map<String, ExtractionScore> byType, String type) {
        return byType.computeIfAbsent(type, t -> new ExtractionScore());
    }

    public static Result run(CleaningCorpus corpus, int k, Trainer trainer, Consumer<String> progress) {
        return run(corpus, k, trainer, Set.of(), progress);
    }

    /** As {@link #run(CleaningCorpus, int, Trainer, Consumer)}, also tallying the held-out scores of {@code marked}. */
    public static Result run(
            CleaningCorpus corpus, int k, Trainer trainer, Set<String> marked, Consumer<String> progress) {
        List<String> ids = new ArrayList<>();
        for (String id : corpus.ids()) {
            if (corpus.truth(id).isPresent()) {
                ids.add(id);
            }
        }
        Map<String, Integer> foldOf = folds(corpus, ids, k);
        List<Fold> folds = new ArrayList<>();
        Map<String, ExtractionScore> htmlByType = new TreeMap<>();
        Map<String, ExtractionScore> textByType = new TreeMap<>();
        ExtractionScore markedHtml = new ExtractionScore();
        ExtractionScore markedText = new ExtractionScore();
        List<String> failures = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int held = f;
            List<String> training =
                    ids.stream().filter(id -> foldOf.get(id) != held).toList();
            List<String> testing =
                    ids.stream().filter(id -> foldOf.get(id) == held).toList();
            PageCleaner cleaner = trainer.apply(training);
            ExtractionScore html = new ExtractionScore();
            ExtractionScore text = new ExtractionScore();
            Set<String> sites = new HashSet<>();
            for (String id : testing) {
                try {
                    String truth = corpus.truth(id).orElseThrow();
                    CleaningCorpus.PageInfo info = corpus.info(id);
                    sites.add(info.site());
                    String type = info.pageType();
                    boolean mark = marked.contains(id);
                    score(
                            corpus.html(id),
                            cleaner::fromHtml,
                            truth,
                            html,
                            tally(htmlByType, type),
                            mark ? markedHtml : null);
                    score(
                            corpus.text(id),
                            cleaner::fromText,
                            truth,
                            text,
                            tally(textByType, type),
                            mark ? markedText : null);
                } catch (RuntimeException e) {
                    failures.add(id + ": " + e.getMessage());
                    progress.accept("skipped " + id + ": " + e.getMessage());
                }
            }
            folds.add(new Fold(f, sites.size(), html, text));
        }
        return new Result(folds, htmlByType, textByType, markedHtml, markedText, failures);
    }
}
