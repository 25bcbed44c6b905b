package dev.copydesk.dedup;

import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of n hash functions, the minimum over a set's shingles. The functions are
 * {@code x -> (a*x + b) ^ ((a*x + b) >>> 15)} on 32 bits with fixed random odd {@code a}; the inner loop is plain
 * int arithmetic that the JIT vectorises, which is what makes 128 hashes affordable at the dedup stage's speed.
 * The fraction of equal positions of two signatures estimates the Jaccard similarity of the two sets.
 */
public final class MinHasher {

    private final int[] a;
    private final int[] b;

    public MinHasher(int hashes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        a = new int[hashes];
        b = new int[hashes];
        for (int i = 0; i < hashes; i++) {
            a[i] = random.nextInt() | 1;
            b[i] = random.nextInt();
        }
    }

    public int size() {
        return a.length;
    }

    public int[] signature(long[] shingles) {
        int n = a.length;
        int[] mins = new int[n];
        java.util.Arrays.fill(mins, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            int x = (int) (shingle ^ (shingle >>> 32));
            for (int i = 0; i < n; i++) {
                int v = x * a[i] + b[i];
                v ^= v >>> 15;
                mins[i] = Math.min(mins[i], v);
            }
        }
        return mins;
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

    /**
     * Estimated containment of the smaller set in the larger, from the Jaccard estimate and the set sizes:
     * |A∩B| = J(|A|+|B|)/(1+J).
     */
    public static double containment(double jaccard, int size1, int size2) {
        if (size1 == 0 || size2 == 0) {
            return 0;
        }
        double intersection = jaccard * (size1 + size2) / (1 + jaccard);
        return Math.min(1.0, intersection / Math.min(size1, size2));
    }
}
