package dev.copydesk.dedup;

import dev.copydesk.script.Scripts;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The shingles of a text as 64-bit hashes: the one definition of a shingle that the {@link Sketch} (hot path) and
 * the exact shingle sets (tests, evaluation) share. Where words are spaced, a shingle is k words; words are maximal
 * runs of letters and digits, lower-cased, so punctuation, quote style and spacing do not matter. Chinese, Japanese,
 * Thai, Lao, Khmer and Burmese are written without spaces, and there a shingle is {@value #CHARACTER_GRAM}
 * characters: each character of those scripts is a unit of its own (a whole clause counted as one "word" made two
 * copies differing in one character share no shingle of it). A story mixing scripts (a Chinese story quoting
 * English names) is one sequence of both kinds of unit. Full-width letters and digits count as their ASCII forms.
 * Hashing is done on the characters in place: no strings are allocated per word.
 */
public final class Shingles {

    /**
     * Characters per shingle in scripts written without spaces. Chosen on generated Chinese, Japanese and Thai
     * stories and edited copies ({@code ShingleSizeTest}): 2 lets unrelated stories of one language share too many
     * shingles, 5 and more lose edited copies.
     */
    public static final int CHARACTER_GRAM = 4;

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private Shingles() {}

    /**
     * Emits the hash of every shingle in order (repeats included): k words where words are spaced,
     * {@value #CHARACTER_GRAM} characters where they are not; a text of fewer units emits one shingle of all of
     * them. Returns how many were emitted.
     */
    public static int scan(String text, int k, LongConsumer sink) {
        return scan(text, k, CHARACTER_GRAM, sink);
    }

    /** As {@link #scan(String, int, LongConsumer)} with {@code n} characters per shingle in unspaced scripts. */
    static int scan(String text, int k, int n, LongConsumer sink) {
        int longest = Math.max(k, n);
        long[] window = new long[Integer.highestOneBit(longest) << 1]; // ring of unit hashes, power-of-two sized
        int ring = window.length - 1;
        int units = 0;
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
            if (inWord) { // the word ends here
                window[units & ring] = mix(word);
                units++;
                word = FNV_OFFSET;
                inWord = false;
                if (units >= k) {
                    sink.accept(shingle(window, ring, units, k));
                    emitted++;
                }
            }
            if (folded == CHARACTER) { // a unit of its own
                window[units & ring] = mix((FNV_OFFSET ^ c) * FNV_PRIME);
                units++;
                if (units >= n) {
                    sink.accept(shingle(window, ring, units, n));
                    emitted++;
                }
            }
        }
        if (emitted == 0 && units > 0) {
            sink.accept(shingle(window, ring, units, Math.min(units, window.length)));
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

    /** What {@link #fold} returns for a character that is a shingle unit by itself. */
    private static final int CHARACTER = -2;

    /**
     * Lower-cased letter or digit; {@link #CHARACTER} for a character of a script written without spaces; -1 for
     * a character that separates words. ASCII without table lookups.
     */
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
        if (Scripts.unspaced(c)) { // letters, and the vowel and tone marks written on them
            return Character.isLetterOrDigit(c) || Scripts.isMark(c) ? CHARACTER : -1;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') { // full-width ASCII: the same as the ASCII character
            return fold((char) (c - 0xFEE0));
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
