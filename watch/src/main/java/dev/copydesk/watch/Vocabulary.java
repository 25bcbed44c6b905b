package dev.copydesk.watch;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every word of every stored query, numbered: built with the {@link QueryIndex}, immutable. A story's words are
 * looked up here as they are split, straight from the tokenizer's buffer: a word no query has can match nothing, so
 * it gets no string, no table entry and no chain of positions. Most of a story's words are such words.
 */
final class Vocabulary {

    static final Vocabulary EMPTY = new Vocabulary(Set.of());

    private final String[] words;
    /** The words' characters, compared with {@link Arrays#equals} (vectorised) rather than char by char. */
    private final char[][] chars;

    private final int[] hashes;
    /** Open addressing: a word's number + 1, or 0 for an empty slot; at most half full. */
    private final int[] table;

    /**
     * Two bits per word in 256 Kbit (32 KB, a Bloom filter): most of a story's words are in no query, and this says
     * so from a cache line or two. In the pipeline, where enrichment between stories pushes the table (hundreds of
     * KB for 10,000 watchlists) out of the caches, a probe per word made matching cost 70-100 µs a story against
     * 30 µs in a tight loop.
     */
    private final long[] filter = new long[FILTER_WORDS];

    private static final int FILTER_WORDS = 4096;
    private static final int FILTER_MASK = FILTER_WORDS * 64 - 1;

    Vocabulary(Collection<String> all) {
        Set<String> distinct = new LinkedHashSet<>(all);
        words = distinct.toArray(String[]::new);
        chars = new char[words.length][];
        hashes = new int[words.length];
        table = new int[Integer.highestOneBit(Math.max(4, words.length * 2) - 1) << 1];
        int mask = table.length - 1;
        for (int id = 0; id < words.length; id++) {
            hashes[id] = words[id].hashCode();
            chars[id] = words[id].toCharArray();
            int slot = spread(hashes[id]) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
            int h1 = hashes[id] & FILTER_MASK;
            int h2 = second(hashes[id]);
            filter[h1 >>> 6] |= 1L << h1;
            filter[h2 >>> 6] |= 1L << h2;
        }
    }

    private static int second(int hash) {
        return (hash * 0x9E3779B1) >>> 14 & FILTER_MASK;
    }

    /** False when no query has a word of this hash; true when one may. */
    private boolean mayHave(int hash) {
        int h1 = hash & FILTER_MASK;
        if ((filter[h1 >>> 6] & 1L << h1) == 0) {
            return false;
        }
        int h2 = second(hash);
        return (filter[h2 >>> 6] & 1L << h2) != 0;
    }

    int size() {
        return words.length;
    }

    /** The number of a word, or -1 when no query has it. */
    int id(String word) {
        int hash = word.hashCode();
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int t = table[slot];
            if (t == 0) {
                return -1;
            }
            if (hashes[t - 1] == hash && words[t - 1].equals(word)) {
                return t - 1;
            }
        }
    }

    /** The same for {@code chars[0..length)}, whose {@link String#hashCode} is given (the tokenizer's). */
    int id(char[] chars, int length, int hash) {
        if (!mayHave(hash)) {
            return -1;
        }
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int t = table[slot];
            if (t == 0) {
                return -1;
            }
            if (hashes[t - 1] == hash
                    && Arrays.equals(this.chars[t - 1], 0, this.chars[t - 1].length, chars, 0, length)) {
                return t - 1;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
