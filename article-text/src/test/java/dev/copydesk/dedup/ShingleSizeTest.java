package dev.copydesk.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.text.TextCleaner;
import dev.copydesk.sample.LanguageEditSet;
import dev.copydesk.testkit.LangSentences;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How many characters make a shingle in unspaced scripts ({@link Shingles#CHARACTER_GRAM}), measured on exact
 * shingle sets of Chinese, Japanese and Thai stories and their edited copies: for each n, the weakest similarity of
 * an edited copy to its original (the larger of Jaccard and containment scaled onto the Jaccard threshold: either
 * joins a copy) and its 5th percentile, and the strongest Jaccard between two unrelated stories. The thresholds
 * are Jaccard 0.5 or containment 0.8: n must keep edited copies above them and unrelated stories far below.
 */
class ShingleSizeTest {

    record Separation(double weakestCopy, double fifthPercentileCopy, double strongestUnrelated) {}

    static Separation measure(String lang, boolean spaced, int n) throws IOException {
        List<LanguageEditSet.Item> items = LanguageEditSet.generate(LangSentences.of(lang), spaced, 100, 7);
        TextCleaner cleaner = new TextCleaner();
        Map<String, long[]> originals = new HashMap<>();
        List<long[]> originalList = new ArrayList<>();
        List<Double> copies = new ArrayList<>();
        for (LanguageEditSet.Item item : items) {
            long[] shingles = shingles(cleaner.clean(item.text()).body(), n);
            if (item.kind().equals("original")) {
                originals.put(item.story(), shingles);
                originalList.add(shingles);
            } else if (item.kind().equals("dropped-added-two-changed")
                    || item.kind().equals("sentences-reordered")) {
                long[] original = originals.get(item.story());
                int common = common(shingles, original);
                double jaccard = (double) common / (shingles.length + original.length - common);
                double containment = (double) common / Math.min(shingles.length, original.length);
                // what the deduplicator weighs: Jaccard, or containment scaled onto the same threshold
                copies.add(Math.max(jaccard, containment * 0.5 / 0.8));
            }
        }
        double strongestUnrelated = 0;
        for (int i = 0; i < originalList.size(); i++) {
            for (int j = i + 1; j < originalList.size(); j++) {
                long[] a = originalList.get(i);
                long[] b = originalList.get(j);
                int common = common(a, b);
                strongestUnrelated = Math.max(strongestUnrelated, (double) common / (a.length + b.length - common));
            }
        }
        copies.sort(null);
        return new Separation(copies.get(0), copies.get(copies.size() / 20), strongestUnrelated);
    }

    private static long[] shingles(String text, int n) {
        List<Long> out = new ArrayList<>();
        Shingles.scan(text, 4, n, out::add);
        return out.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
    }

    private static int common(long[] a, long[] b) {
        int count = 0;
        for (long h : a) {
            if (Arrays.binarySearch(b, h) >= 0) {
                count++;
            }
        }
        return count;
    }

    @Test
    void theChosenSizeKeepsEditedCopiesAboveTheThresholdsAndUnrelatedStoriesFarBelow() throws IOException {
        for (String lang : List.of("zh", "ja", "th")) {
            for (int n = 1; n <= 6; n++) {
                Separation s = measure(lang, lang.equals("th"), n);
                System.out.printf(
                        "%s n=%d: edited copies' similarity min %.3f, 5th percentile %.3f; unrelated <= %.3f%n",
                        lang, n, s.weakestCopy(), s.fifthPercentileCopy(), s.strongestUnrelated());
            }
            Separation chosen = measure(lang, lang.equals("th"), Shingles.CHARACTER_GRAM);
            assertThat(chosen.fifthPercentileCopy()).as(lang).isGreaterThan(0.5);
            assertThat(chosen.strongestUnrelated()).as(lang).isLessThan(0.2);
        }
    }
}
