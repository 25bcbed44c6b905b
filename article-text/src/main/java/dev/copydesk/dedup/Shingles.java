package dev.copydesk.dedup;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Word k-shingles of a text as 64-bit hashes: the one definition of a shingle that the {@link Sketch} (hot path)
 * and the exact shingle sets (tests, evaluation) share. Words are maximal runs of letters and digits, lower-cased,
 * so punctuation, quote style and spacing do not matter. Hashing is done on the characters in place: no strings
 * are allocated per word.
 */
public final class Shingles {

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private Shingles() {}

    /**
     * Emits the hash of every k-shingle in order (repeats included); a text of fewer than k words emits one
     * shingle of all its words. Returns how many were emitted.
     */
    public static int scan(String text, int k, LongConsumer sink) {
        long[] window = new long[Integer.highestOneBit(k) << 1]; // ring of word hashes, power-of-two sized: no division
        int ring = window.length - 1;
        int words = 0;
        int emitted = 0;
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
            window[words & ring] = mix(word);
            words++;
            word = FNV_OFFSET;
            inWord = false;
            if (words >= k) {
                sink.accept(shingle(window, ring, words, k));
                emitted++;
            }
        }
        if (words > 0 && words < k) {
            sink.accept(shingle(window, ring, words, words));
            emitted++;
        }
        return emitted;
    }

    /** Sorted distinct shingle hashes. */
    public static long[] of(String text, int k) {
        long[][] buffer = {new long[16]};
        int[] n = {0};
        scan(text, k, h -> {
            if (n[0] == buffer[0].length) {
                buffer[0] = Arrays.copyOf(buffer[0], n[0] * 2);
            }
            buffer[0][n[0]++] = h;
        });
        long[] result = Arrays.copyOf(buffer[0], n[0]);
        Arrays.sort(result);
        int distinct = 0;
        for (int i = 0; i < result.length; i++) {
            if (i == 0 || result[i] != result[i - 1]) {
                result[distinct++] = result[i];
            }
        }
        return Arrays.copyOf(result, distinct);
    }

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

    /** Order-sensitive combination of the last k word hashes in the ring. */
    private static long shingle(long[] window, int ring, int words, int k) {
        long h = 0x9E3779B97F4A7C15L;
        int start = words - k;
        for (int j = 0; j < k; j++) {
            h = Long.rotateLeft(h, 23) ^ window[(start + j) & ring];
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
