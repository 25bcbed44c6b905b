package dev.copydesk.dedup;

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

    /** Sketches a text: k-word shingles (words are letter/digit runs, lower-cased), n bins (a power of two). */
    public static Sketch of(String text, int k, int bins) {
        if (Integer.bitCount(bins) != 1) {
            throw new IllegalArgumentException("copydesk.dedup.hashes must be a power of two, not " + bins);
        }
        int binShift = 64 - Integer.numberOfTrailingZeros(bins);
        int[] mins = new int[bins];
        boolean[] filled = new boolean[bins];
        long[] window = new long[Integer.highestOneBit(k) << 1]; // ring of word hashes, power-of-two sized: no division
        int ring = window.length - 1;
        long[] seen = new long[Integer.highestOneBit(Math.max(64, text.length() / 4)) << 1]; // ~1 shingle per 6 chars
        int mask = seen.length - 1;
        int distinct = 0;
        int words = 0;
        long word = FNV_OFFSET;
        boolean inWord = false;
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : ' ';
            int folded = fold(c);
            if (folded >= 0) {
                word = (word ^ folded) * FNV_PRIME;
                inWord = true;
                continue;
            }
            if (!inWord) {
                continue;
            }
            window[words & ring] = Shingles.mix(word);
            words++;
            word = FNV_OFFSET;
            inWord = false;
            if (words >= k) {
                long h = shingle(window, ring, words, k);
                // count distinct shingles with an open-addressing set; only a new shingle can lower a minimum
                int slot = (int) h & mask;
                long key = h == 0 ? 1 : h;
                boolean fresh = true;
                while (seen[slot] != 0) {
                    if (seen[slot] == key) {
                        fresh = false;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                if (fresh) {
                    seen[slot] = key;
                    distinct++;
                    if (distinct * 2 > seen.length) {
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
        }
        if (words > 0 && words < k) {
            long h = shingle(window, ring, words, words);
            mins[(int) (h >>> binShift)] = (int) h;
            filled[(int) (h >>> binShift)] = true;
            distinct = 1;
        }
        if (distinct == 0) {
            return new Sketch(mins, 0);
        }
        for (int bin = 0; bin < bins; bin++) {
            if (!filled[bin]) {
                // in place: donors are always filled bins, which this loop never writes
                for (long attempt = 1; ; attempt++) {
                    int donor = (int) (Shingles.mix(bin * 0x9E3779B97F4A7C15L + attempt) >>> binShift);
                    if (filled[donor]) {
                        mins[bin] = mins[donor];
                        break;
                    }
                }
            }
        }
        return new Sketch(mins, distinct);
    }

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    /** Lower-cased letter or digit, or -1 for a character that separates words. ASCII without table lookups. */
    private static int fold(char c) {
        if (c < 128) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                return c;
            }
            if (c >= 'A' && c <= 'Z') {
                return c + 32;
            }
            return -1;
        }
        if (Character.isSurrogate(c)) {
            return c; // part of a supplementary letter (CJK extension, etc.): keep it in the word
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : -1;
    }

    private static long shingle(long[] window, int ring, int words, int k) {
        long h = 0x9E3779B97F4A7C15L;
        int start = words - k;
        for (int j = 0; j < k; j++) {
            h = Long.rotateLeft(h, 23) ^ window[(start + j) & ring];
            h *= 0xBF58476D1CE4E5B9L;
        }
        return Shingles.mix(h);
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
