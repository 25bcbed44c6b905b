package dev.copydesk.watch;

import java.util.Arrays;
import java.util.List;

/**
 * One field of a story split into words by {@link WatchTokenizer}: each word's number in the queries'
 * {@link Vocabulary} (-1 for a word no query has), its character offsets and the value it came from (a field such as
 * the entity names has several), and where each query word stands.
 *
 * <p>Only the words some query has are chained: each position holds the next position of the same word, and a small
 * table maps a word's number to its first and last position. A story's other words cost a hash and a probe. With a
 * string and a map entry per word, matching allocated ~105 KB a 4 KB story; with a string per distinct word, ~58 KB.
 */
final class AnalysedField {

    static final AnalysedField EMPTY = new AnalysedField(0, Vocabulary.EMPTY);

    private final Vocabulary vocabulary;

    // per position
    private int[] ids;
    private int[] starts;
    private int[] ends;
    private int[] values;
    /** The next position of the same word, or -1. */
    private int[] next;

    private int size;

    // per query word present: open addressing on the word's number + 1 (0 for an empty slot)
    private int[] keys = new int[32];
    private int[] first = new int[32];
    private int[] last = new int[32];
    private int present;

    /** The numbers of the query words present, in order of first appearance. */
    private int[] distinct = new int[16];

    private AnalysedField(int capacity, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        int n = Math.max(capacity, 1);
        ids = new int[n];
        starts = new int[n];
        ends = new int[n];
        values = new int[n];
        next = new int[n];
    }

    /**
     * Splits each value in turn; {@code offsetBase[i]} is added to the offsets of value i (the body's words are
     * given where the body stands in title + body).
     */
    static AnalysedField of(List<String> values, int[] offsetBase, Vocabulary vocabulary) {
        int chars = values.stream().mapToInt(String::length).sum();
        AnalysedField f = new AnalysedField(chars / 5 + 4, vocabulary);
        for (int v = 0; v < values.size(); v++) {
            String value = values.get(v);
            if (value == null || value.isEmpty()) {
                continue;
            }
            int base = offsetBase == null ? 0 : offsetBase[v];
            int index = v;
            WatchTokenizer.split(
                    value,
                    (word, length, hash, start, end) -> f.add(word, length, hash, base + start, base + end, index));
        }
        return f;
    }

    /** The words of one query value, as a story's words are split. */
    static String[] words(String value) {
        return WatchTokenizer.strings(value).toArray(String[]::new);
    }

    private void add(char[] word, int length, int hash, int start, int end, int value) {
        int id = vocabulary.size() == 0 ? -1 : vocabulary.id(word, length, hash);
        if (size == ids.length) {
            int grown = size * 2;
            ids = Arrays.copyOf(ids, grown);
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
            values = Arrays.copyOf(values, grown);
            next = Arrays.copyOf(next, grown);
        }
        ids[size] = id;
        starts[size] = start;
        ends[size] = end;
        values[size] = value;
        next[size] = -1;
        if (id >= 0) {
            int slot = slot(id);
            if (keys[slot] == 0) {
                keys[slot] = id + 1;
                first[slot] = size;
                last[slot] = size;
                if (present == distinct.length) {
                    distinct = Arrays.copyOf(distinct, present * 2);
                }
                distinct[present++] = id;
                if (present * 2 > keys.length) {
                    rehash();
                }
            } else {
                next[last[slot]] = size;
                last[slot] = size;
            }
        }
        size++;
    }

    /** The slot of a word's number: its own, or the empty one where it would go. */
    private int slot(int id) {
        int mask = keys.length - 1;
        int slot = (id * 0x9E3779B1) >>> 16 & mask;
        while (keys[slot] != 0 && keys[slot] != id + 1) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void rehash() {
        int[] oldKeys = keys;
        int[] oldFirst = first;
        int[] oldLast = last;
        keys = new int[oldKeys.length * 2];
        first = new int[keys.length];
        last = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i] - 1);
                keys[slot] = oldKeys[i];
                first[slot] = oldFirst[i];
                last[slot] = oldLast[i];
            }
        }
    }

    /** The first position of a query word, or -1. */
    private int firstPosition(int id) {
        if (id < 0) {
            return -1;
        }
        int slot = slot(id);
        return keys[slot] == 0 ? -1 : first[slot];
    }

    /** The query words this field holds, by their number in the vocabulary. */
    int[] distinctWords() {
        return Arrays.copyOf(distinct, present);
    }

    /**
     * Where the words stand in sequence within one value (any value when {@code value} is negative): the position
     * of each occurrence's first word, in order.
     */
    int[] occurrences(String[] phrase, int value) {
        int[] phraseIds = ids(phrase);
        if (phraseIds == null) {
            return NONE;
        }
        int[] found = new int[8];
        int n = 0;
        for (int p = firstPosition(phraseIds[0]); p >= 0; p = next[p]) {
            if ((value < 0 || values[p] == value) && continuesAt(phraseIds, p)) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = p;
            }
        }
        return Arrays.copyOf(found, n);
    }

    /** Whether the words occur in sequence within one value (any value when {@code value} is negative). */
    boolean contains(String[] phrase, int value) {
        int head = firstPosition(vocabulary.id(phrase[0]));
        if (head < 0) {
            return false;
        }
        if (phrase.length == 1) {
            for (int p = head; p >= 0; p = next[p]) {
                if (value < 0 || values[p] == value) {
                    return true;
                }
            }
            return false;
        }
        int[] phraseIds = ids(phrase);
        if (phraseIds == null) {
            return false;
        }
        for (int p = head; p >= 0; p = next[p]) {
            if ((value < 0 || values[p] == value) && continuesAt(phraseIds, p)) {
                return true;
            }
        }
        return false;
    }

    /** The numbers of the phrase's words, or null when one of them is not in the field (the phrase cannot occur). */
    private int[] ids(String[] phrase) {
        int[] out = new int[phrase.length];
        for (int k = 0; k < phrase.length; k++) {
            out[k] = vocabulary.id(phrase[k]);
            if (firstPosition(out[k]) < 0) {
                return null;
            }
        }
        return out;
    }

    private boolean continuesAt(int[] phraseIds, int p) {
        if (p + phraseIds.length > size) {
            return false;
        }
        for (int k = 1; k < phraseIds.length; k++) {
            if (values[p + k] != values[p] || ids[p + k] != phraseIds[k]) {
                return false;
            }
        }
        return true;
    }

    /** How many words came from one value. */
    int count(int value) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                n++;
            }
        }
        return n;
    }

    int start(int position) {
        return starts[position];
    }

    int end(int position) {
        return ends[position];
    }

    int value(int position) {
        return values[position];
    }

    private static final int[] NONE = new int[0];
}
