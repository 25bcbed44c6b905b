package dev.copydesk.dedup;

import java.util.Arrays;

/**
 * The distinct word k-grams of a text, as 64-bit hashes. Words are maximal runs of letters and digits, folded to
 * lower case, so punctuation, quote style and spacing do not matter. Hashing is done on the characters in place:
 * no strings or lists are allocated per word, which keeps the dedup stage fast.
 */
public final class Shingles {

    private Shingles() {
    }

    /** Sorted distinct shingle hashes; a text shorter than k words gives one shingle of all its words. */
    public static long[] of(String text, int k) {
        long[] window = new long[k];
        long[] out = new long[Math.max(16, text.length() / 5)];
        int n = 0;
        int words = 0;
        long word = 0;
        boolean inWord = false;
        int length = text.length();
        for (int i = 0; i <= length; ) {
            int cp = i < length ? text.codePointAt(i) : ' ';
            i += i < length ? Character.charCount(cp) : 1;
            if (Character.isLetterOrDigit(cp)) {
                word = (word ^ Character.toLowerCase(cp)) * 0x100000001B3L; // FNV-1a over code points
                inWord = true;
                continue;
            }
            if (!inWord) {
                continue;
            }
            window[words % k] = mix(word);
            words++;
            word = 0xCBF29CE484222325L;
            inWord = false;
            if (words >= k) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = shingle(window, words, k);
            }
        }
        if (words > 0 && words < k) {
            out[n++] = shingle(window, words, words);
        }
        long[] result = Arrays.copyOf(out, n);
        Arrays.sort(result);
        int distinct = 0;
        for (int i = 0; i < result.length; i++) {
            if (i == 0 || result[i] != result[i - 1]) {
                result[distinct++] = result[i];
            }
        }
        return Arrays.copyOf(result, distinct);
    }

    /** Order-sensitive combination of the last k word hashes in the ring buffer. */
    private static long shingle(long[] window, int words, int k) {
        long h = 0x9E3779B97F4A7C15L;
        int start = words - k;
        for (int j = 0; j < k; j++) {
            h = Long.rotateLeft(h, 23) ^ window[(start + j) % window.length];
            h *= 0xBF58476D1CE4E5B9L;
        }
        return mix(h);
    }

    /** Murmur3's 64-bit finaliser. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE1A85EC3L;
        h ^= h >>> 33;
        return h;
    }
}
