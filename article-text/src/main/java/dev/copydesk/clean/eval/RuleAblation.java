package dev.copydesk.clean.eval;

import dev.copydesk.clean.Cleaning;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tries the cleaner without each entry of its phrase lists, one at a time, and says which entries hold up across
 * sites: {@code RuleAblation DIR} over the WCXB pages in DIR (run by {@code tools/clean/ablate-rules.sh}).
 *
 * <p>Each try loads the cleaner afresh in its own class loader with the list minus one entry in front of the
 * shipped one, and scores every page's HTML and text rendering (shingle F1). For each entry it prints how many pages
 * change, the sum of the changes, and in how many of the five site folds ({@link CrossValidation#folds}) removing
 * the entry lowers the fold's score. Verdicts: {@code none} (no page changes: the dev set gives no evidence),
 * {@code harmful} (the pages score better without it), {@code one-fold} (its gain comes from the sites of one fold:
 * fitted), {@code holds} (its gain spreads over two folds or more).
 */
public final class RuleAblation {

    /** The phrase lists, by resource path; each entry is one rule. */
    static final List<String> LISTS = List.of(
            "dev/copydesk/clean/furniture-lines.txt",
            "dev/copydesk/clean/end-matter.tsv",
            "dev/copydesk/clean/html/furniture-names.txt",
            "dev/copydesk/clean/html/furniture-name-parts.txt");

    private static final int FOLDS = 5;

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: RuleAblation WCXB_DIR");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Path.of(args[0]);
        CleaningCorpus corpus = new CleaningCorpus(dir);
        List<String> ids = pageIds(corpus);
        Map<String, Integer> foldOf = CrossValidation.folds(corpus, ids, FOLDS);
        Path work = Files.createTempDirectory("ablate");
        double[][] base = scoresIn(work.resolve("none"), dir);
        out.printf(
                Locale.ROOT,
                "# %d pages; baseline mean shingle F1 html %.4f text %.4f%n",
                ids.size(),
                mean(base, 0),
                mean(base, 1));
        out.println("list\tentry\tpages changed\tsum of changes\tfolds worse without\tverdict");
        Map<String, Integer> verdicts = new java.util.TreeMap<>();
        for (String list : LISTS) {
            List<String> lines = shipped(list);
            for (int i = 0; i < lines.size(); i++) {
                String entry = lines.get(i);
                if (entry.isBlank() || entry.startsWith("#")) {
                    continue;
                }
                Path override = work.resolve(list.replace('/', '_') + "-" + i);
                List<String> without = new ArrayList<>(lines);
                without.remove(i);
                Path file = override.resolve(list);
                Files.createDirectories(file.getParent());
                Files.write(file, without, StandardCharsets.UTF_8);
                double[][] scores = scoresIn(override, dir);
                String verdict = verdict(ids, foldOf, base, scores, out, list, entry);
                verdicts.merge(list.substring(list.lastIndexOf('/') + 1) + " " + verdict, 1, Integer::sum);
            }
        }
        verdicts.forEach((k, v) -> out.println("# " + k + ": " + v));
    }

    private static String verdict(
            List<String> ids,
            Map<String, Integer> foldOf,
            double[][] base,
            double[][] without,
            PrintStream out,
            String list,
            String entry) {
        int changed = 0;
        double sum = 0;
        double[] foldDelta = new double[FOLDS];
        for (int p = 0; p < ids.size(); p++) {
            double d = 0;
            for (int r = 0; r < 2; r++) {
                if (!Double.isNaN(base[p][r])) {
                    d += without[p][r] - base[p][r];
                }
            }
            if (Math.abs(d) > 1e-9) {
                changed++;
                sum += d;
                foldDelta[foldOf.get(ids.get(p))] += d;
            }
        }
        int foldsWorse = 0;
        for (double d : foldDelta) {
            if (d < -1e-9) {
                foldsWorse++;
            }
        }
        String verdict = changed == 0 ? "none" : sum >= 0 ? "harmful" : foldsWorse >= 2 ? "holds" : "one-fold";
        out.printf(
                Locale.ROOT,
                "%s\t%s\t%d\t%+.4f\t%d\t%s%n",
                list.substring(list.lastIndexOf('/') + 1),
                entry.replace('\t', ' '),
                changed,
                sum,
                foldsWorse,
                verdict);
        return verdict;
    }

    private static double mean(double[][] scores, int rendering) {
        double sum = 0;
        int n = 0;
        for (double[] s : scores) {
            if (!Double.isNaN(s[rendering])) {
                sum += s[rendering];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    static List<String> pageIds(CleaningCorpus corpus) {
        List<String> ids = new ArrayList<>();
        for (String id : corpus.ids()) {
            if (corpus.truth(id).isPresent()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<String> shipped(String resource) throws IOException {
        try (InputStream in = RuleAblation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * The pages' scores with the cleaner loaded afresh, resources in {@code override} first: the phrase lists are
     * read once per class, so a changed list needs classes of its own.
     */
    static double[][] scoresIn(Path override, Path dir) throws Exception {
        Files.createDirectories(override);
        List<URL> urls = new ArrayList<>();
        urls.add(override.toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> fresh = loader.loadClass(RuleAblation.class.getName());
            Method scores = fresh.getDeclaredMethod("scores", String.class);
            return (double[][]) scores.invoke(null, dir.toString());
        }
    }

    /** Every page's shingle F1 for its HTML and its text rendering (NaN where it has none), in {@link #pageIds} order. */
    public static double[][] scores(String dir) {
        CleaningCorpus corpus = new CleaningCorpus(Path.of(dir));
        List<String> ids = pageIds(corpus);
        double[][] out = new double[ids.size()][];
        for (int p = 0; p < ids.size(); p++) {
            String id = ids.get(p);
            String truth = corpus.truth(id).orElseThrow();
            out[p] = new double[] {score(corpus.html(id), true, truth), score(corpus.text(id), false, truth)};
        }
        return out;
    }

    private static double score(Optional<String> rendering, boolean html, String truth) {
        if (rendering.isEmpty()) {
            return Double.NaN;
        }
        String body = (html ? Cleaning.fromHtml(rendering.get()) : Cleaning.fromText(rendering.get())).body();
        return new ExtractionScore().add(body, truth).shingleF1();
    }
}
