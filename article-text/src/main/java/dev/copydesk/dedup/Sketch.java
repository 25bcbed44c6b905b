package dev.copydesk.dedup;

import java.util.function.LongConsumer;

/**
 * The MinHash signature of a text's word k-shingles, and how many distinct shingles it has.
 *
 * <p>Signatures use one-permutation hashing with optimal densification (Li, Owen and Zhang 2012; Shrivastava
 * 2017): each shingle's 64-bit hash picks one of n bins by its top bits and competes for that bin's minimum with
 * its low bits; bins left empty borrow the value of a bin chosen by a fixed hash sequence, the same for every
 * text. The n values estimate Jaccard similarity like n independent MinHash functions, at the cost of one hash
 * per shingle instead of n: on these machines the n-function version took ~150 us per 4 KB article.
 */
public record Sketch(int[] signature, int shingleCount) {

    /** Sketches a text: k-word shingles (see {@link Shingles}), n bins (a power of two). */
    public static Sketch of(String text, int k, int bins) {
        if (Integer.bitCount(bins) != 1) {
            throw new IllegalArgumentException("copydesk.dedup.hashes must be a power of two, not " + bins);
        }
        Accumulator acc = new Accumulator(bins, text.length());
        Shingles.scan(text, k, acc);
        if (acc.distinct == 0) {
            return new Sketch(acc.mins, 0);
        }
        for (int bin = 0; bin < bins; bin++) {
            if (!acc.filled[bin]) {
                // in place: donors are always filled bins, which this loop never writes
                for (long attempt = 1; ; attempt++) {
                    int donor = (int) (Shingles.mix(bin * 0x9E3779B97F4A7C15L + attempt) >>> acc.binShift);
                    if (acc.filled[donor]) {
                        acc.mins[bin] = acc.mins[donor];
                        break;
                    }
                }
            }
        }
        return new Sketch(acc.mins, acc.distinct);
    }

    /** Per-bin minima of the distinct shingles, and their count (an open-addressing set of seen hashes). */
    private static final class Accumulator implements LongConsumer {
        final int[] mins;
        final boolean[] filled;
        final int binShift;
        long[] seen;
        int mask;
        int distinct;

        Accumulator(int bins, int textLength) {
            mins = new int[bins];
            filled = new boolean[bins];
            binShift = 64 - Integer.numberOfTrailingZeros(bins);
            seen = new long[Integer.highestOneBit(Math.max(64, textLength / 4)) << 1]; // ~1 shingle per 6 chars
            mask = seen.length - 1;
        }

        @Override
        public void accept(long h) {
            long key = h == 0 ? 1 : h;
            int slot = (int) key & mask;
            while (seen[slot] != 0) {
                if (seen[slot] == key) {
                    return; // a repeated shingle cannot lower a minimum
                }
                slot = (slot + 1) & mask;
            }
            seen[slot] = key;
            if (++distinct * 2 > seen.length) {
                seen = grow(seen);
                mask = seen.length - 1;
            }
            int bin = (int) (h >>> binShift);
            int value = (int) h;
            if (!filled[bin] || value < mins[bin]) {
                mins[bin] = value;
                filled[bin] = true;
            }
        }
    }

    private static long[] grow(long[] table) {
        long[] bigger = new long[table.length * 2];
        int mask = bigger.length - 1;
        for (long key : table) {
            if (key != 0) {
                int slot = (int) key & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = key;
            }
        }
        return bigger;
    }

    /** Estimated Jaccard similarity: the share of equal positions. */
    public static double jaccard(int[] s1, int[] s2) {
        int equal = 0;
        for (int i = 0; i < s1.length; i++) {
            if (s1[i] == s2[i]) {
                equal++;
            }
        }
        return (double) equal / s1.length;
    }

    /** Estimated containment of the smaller set in the larger: |A∩B| = J(|A|+|B|)/(1+J). */
    public static double containment(double jaccard, int size1, int size2) {
        if (size1 == 0 || size2 == 0) {
            return 0;
        }
        double intersection = jaccard * (size1 + size2) / (1 + jaccard);
        return Math.min(1.0, intersection / Math.min(size1, size2));
    }
}
