package dev.copydesk.clean.text;

import dev.copydesk.clean.Shapes;
import dev.copydesk.learn.SoftmaxRegression;
import dev.copydesk.learn.SoftmaxRegression.Example;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A learned weight for each line of a text rendering, added to the hand weights of {@link StorySpan}: logistic
 * regression on the line's shape (length, ending, capitals, digits, list mark, first word of a short line), what
 * the first pass knows of it (prose, chrome, left out, table, its hand weight), its place on the page, whether it
 * recurs there, and the same of the two lines either side. The weight is the log-odds that the line is the story's,
 * times its length (capped), so that a paragraph outweighs a heading as in the hand weights, times {@link #MIX}.
 *
 * <p>Trained on pages with their ground truth ({@link #train}); judged by {@code copydesk clean --eval DIR --folds K
 * --learned}, which trains it on the other folds' sites and scores the held-out fold. Not shipped: on WCXB's 710
 * pages it scores 0.9169 ± 0.0142 against the hand weights' 0.9133 ± 0.0099, a gain inside one fold's spread, for
 * some thirty features a line on a path that cleans ~29,000 texts a second (docs/cleaning.md).
 */
public final class LineScorer {

    private static final int STORY = 1;

    private final Map<String, float[]> weights;

    LineScorer(Map<String, float[]> weights) {
        this.weights = weights;
    }

    public static LineScorer read(InputStream in) throws IOException {
        return new LineScorer(SoftmaxRegression.read(in, 2));
    }

    public int size() {
        return weights.size();
    }

    /** A page to learn from: its text rendering and the story's text. */
    public record Page(String text, String truth) {}

    /** Learns from pages; deterministic for the same pages in the same order. */
    public static LineScorer train(List<Page> pages) {
        List<Example> examples = new ArrayList<>();
        for (Page page : pages) {
            TextCleaner.Lines l = TextCleaner.firstPass(page.text());
            String truth = squeeze(page.truth());
            List<List<String>> features = features(l, StorySpan.codeBlocks(l));
            for (int i = 0; i < features.size(); i++) {
                String line = squeeze(l.lines().get(i));
                if (line.isEmpty()) {
                    continue;
                }
                // a line of the page is the story's when the story holds it (labelling short lines only by whole lines
                // of the story was tried: 0.9126 against 0.9169 cross-validated)
                examples.add(new Example(features.get(i), truth.contains(line) ? STORY : 0));
            }
        }
        return new LineScorer(new SoftmaxRegression(2, 4, 0.05, 3).train(examples, new Random(35)));
    }

    /** Whitespace collapsed and lower case: a line and the ground truth compare as text, not as layout. */
    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * How much the learned weight counts beside the hand weight. Alone (hand weight 0) it scored 0.8759
     * cross-validated against the hand weights' 0.9133; added at 0.1, 0.3 and 1 it scored 0.9135, 0.9169, 0.9076.
     */
    static final double MIX = 0.3;

    double[] weights(TextCleaner.Lines l) {
        boolean[] code = StorySpan.codeBlocks(l); // asked by the features and the hand weight: worked out once
        List<List<String>> features = features(l, code);
        double[] w = new double[features.size()];
        for (int i = 0; i < w.length; i++) {
            double[] p = SoftmaxRegression.probabilities(weights, features.get(i), 2);
            double logOdds = Math.log(Math.max(1e-9, p[STORY]) / Math.max(1e-9, p[0]));
            double learned = logOdds * Math.min(Math.max(l.lines().get(i).length(), 20), 400);
            w[i] = StorySpan.handWeight(l, code, i) + MIX * learned;
        }
        return w;
    }

    static List<List<String>> features(TextCleaner.Lines l, boolean[] code) {
        int n = l.lines().size();
        String[] kind = new String[n];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            kind[i] = kind(l, code, i);
            seen.merge(l.lines().get(i), 1, Integer::sum);
        }
        List<List<String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String line = l.lines().get(i);
            List<String> f = new ArrayList<>(32);
            f.add("bias");
            f.add("k=" + kind[i]);
            f.add("len=" + Shapes.bin(line.length(), 10, 20, 40, 80, 160, 320));
            f.add("k=" + kind[i] + "&len=" + Shapes.bin(line.length(), 20, 80, 160));
            f.add("hand=" + Shapes.bin((int) StorySpan.handWeight(l, code, i), -30, -10, -1, 1, 40, 120, 300));
            f.add("end=" + Shapes.ending(line));
            f.add("caps=" + Shapes.capitals(line));
            f.add("pos=" + (n <= 1 ? 0 : 10 * i / n));
            if (seen.get(line) > 1) {
                f.add("repeated");
            }
            String[] words = line.split("\\s+");
            f.add("words=" + Shapes.bin(words.length, 2, 4, 8, 16, 32));
            if (words.length <= 6 && !words[0].isEmpty()) {
                f.add("w1=" + words[0].toLowerCase(Locale.ROOT).replaceAll("\\d", "0"));
            }
            for (int d = -2; d <= 2; d++) {
                int j = i + d;
                if (d != 0) {
                    f.add("k" + d + "=" + (j < 0 || j >= n ? "edge" : kind[j]));
                }
            }
            f.add("around=" + (i > 0 ? kind[i - 1] : "edge") + "," + kind[i] + ","
                    + (i + 1 < n ? kind[i + 1] : "edge"));
            out.add(f);
        }
        return out;
    }

    /** What the first pass knows of a line. */
    private static String kind(TextCleaner.Lines l, boolean[] code, int i) {
        String line = l.lines().get(i);
        if (line.isEmpty()) {
            return "blank";
        }
        if (l.chrome()[i]) {
            return "chrome";
        }
        if (l.leftOut()[i]) {
            return "left";
        }
        if (code[i]) {
            return "code";
        }
        if (l.table()[i]) {
            return "table";
        }
        if (l.prose()[i]) {
            return "prose";
        }
        if (TextLines.isListItem(line)) {
            return "item";
        }
        return line.length() < 40 ? "short" : "long";
    }
}
