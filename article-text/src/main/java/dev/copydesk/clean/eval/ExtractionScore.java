package dev.copydesk.clean.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two scores of the WCXB benchmark README, so that any extractor's output can be judged the same way:
 * <ul>
 *   <li>word F1: lowercase {@code \w+} tokens as a bag, per-page precision/recall/F1, mean of the per-page F1;</li>
 *   <li>shingle F1: multisets of 4-word shingles, mean precision and mean recall over pages, F1 of those means.</li>
 * </ul>
 * Add pages with {@link #add}; read the aggregate any time.
 */
public final class ExtractionScore {

    /** Python's {@code \w}: letters, digits and the underscore, in any script. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private static final int SHINGLE = 4;

    private int pages;
    private double wordF1Sum;
    private double shinglePrecisionSum;
    private double shingleRecallSum;

    /** One page's scores. */
    public record Page(
            double wordPrecision, double wordRecall, double wordF1, double shinglePrecision, double shingleRecall) {
        public double shingleF1() {
            return f1(shinglePrecision, shingleRecall);
        }
    }

    public Page add(String extracted, String truth) {
        return add(score(extracted, truth));
    }

    /** Adds a page scored already (the same page counted in another tally). */
    public Page add(Page page) {
        pages++;
        wordF1Sum += page.wordF1();
        shinglePrecisionSum += page.shinglePrecision();
        shingleRecallSum += page.shingleRecall();
        return page;
    }

    public static Page score(String extracted, String truth) {
        List<String> got = tokens(extracted);
        List<String> want = tokens(truth);
        double[] words = overlap(bag(got), bag(want), got.size(), want.size());
        List<String> gotShingles = shingles(got);
        List<String> wantShingles = shingles(want);
        double[] sh = overlap(bag(gotShingles), bag(wantShingles), gotShingles.size(), wantShingles.size());
        return new Page(words[0], words[1], f1(words[0], words[1]), sh[0], sh[1]);
    }

    public int pages() {
        return pages;
    }

    public double wordF1() {
        return pages == 0 ? 0 : wordF1Sum / pages;
    }

    public double shinglePrecision() {
        return pages == 0 ? 0 : shinglePrecisionSum / pages;
    }

    public double shingleRecall() {
        return pages == 0 ? 0 : shingleRecallSum / pages;
    }

    public double shingleF1() {
        return f1(shinglePrecision(), shingleRecall());
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "pages %d  word F1 %.4f  shingle F1 %.4f (P %.4f R %.4f)",
                pages,
                wordF1(),
                shingleF1(),
                shinglePrecision(),
                shingleRecall());
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Texts shorter than a shingle count as one shingle of all their words, so they are not scored as empty. */
    private static List<String> shingles(List<String> tokens) {
        List<String> out = new ArrayList<>();
        if (tokens.isEmpty()) {
            return out;
        }
        if (tokens.size() < SHINGLE) {
            out.add(String.join(" ", tokens));
            return out;
        }
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            out.add(String.join(" ", tokens.subList(i, i + SHINGLE)));
        }
        return out;
    }

    private static Map<String, Integer> bag(List<String> items) {
        Map<String, Integer> counts = new HashMap<>();
        for (String item : items) {
            counts.merge(item, 1, Integer::sum);
        }
        return counts;
    }

    /** Precision and recall of a multiset overlap; an empty side scores 0 unless both are empty. */
    private static double[] overlap(Map<String, Integer> got, Map<String, Integer> want, int gotSize, int wantSize) {
        if (gotSize == 0 && wantSize == 0) {
            return new double[] {1, 1};
        }
        long common = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        return new double[] {
            gotSize == 0 ? 0 : (double) common / gotSize, wantSize == 0 ? 0 : (double) common / wantSize
        };
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
