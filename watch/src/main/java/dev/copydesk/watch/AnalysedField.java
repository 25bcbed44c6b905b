package dev.copydesk.watch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a story split into words by {@link WatchTokenizer}: each word with its character offsets and the value
 * it came from (a field such as the entity names has several), and where each distinct word stands.
 */
final class AnalysedField {

    static final AnalysedField EMPTY = new AnalysedField(0);

    private String[] words;
    private int[] starts;
    private int[] ends;
    private int[] values;
    private int size;
    private final Map<String, Positions> positions;

    private AnalysedField(int capacity) {
        words = new String[Math.max(capacity, 1)];
        starts = new int[words.length];
        ends = new int[words.length];
        values = new int[words.length];
        positions = new HashMap<>(Math.max(16, capacity));
    }

    /**
     * Splits each value in turn; {@code offsetBase[i]} is added to the offsets of value i (the body's words are
     * given where the body stands in title + body).
     */
    static AnalysedField of(List<String> values, int[] offsetBase) {
        int chars = values.stream().mapToInt(String::length).sum();
        AnalysedField f = new AnalysedField(chars / 5 + 4);
        for (int v = 0; v < values.size(); v++) {
            String value = values.get(v);
            if (value == null || value.isEmpty()) {
                continue;
            }
            int base = offsetBase == null ? 0 : offsetBase[v];
            int index = v;
            WatchTokenizer.split(value, (word, start, end) -> f.add(word, base + start, base + end, index));
        }
        return f;
    }

    /** The words of one query value, as a story's words are split. */
    static String[] words(String value) {
        List<String> out = new ArrayList<>();
        WatchTokenizer.split(value, (word, start, end) -> out.add(word));
        return out.toArray(String[]::new);
    }

    private void add(String word, int start, int end, int value) {
        if (size == words.length) {
            int grown = size * 2;
            words = Arrays.copyOf(words, grown);
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
            values = Arrays.copyOf(values, grown);
        }
        words[size] = word;
        starts[size] = start;
        ends[size] = end;
        values[size] = value;
        positions.computeIfAbsent(word, w -> new Positions()).add(size);
        size++;
    }

    /** The distinct words, for looking up the queries that name them. */
    Iterable<String> distinctWords() {
        return positions.keySet();
    }

    /**
     * Where the words stand in sequence within one value (any value when {@code value} is negative): the position
     * of each occurrence's first word, in order.
     */
    int[] occurrences(String[] phrase, int value) {
        Positions first = positions.get(phrase[0]);
        if (first == null) {
            return NONE;
        }
        int[] found = new int[first.size];
        int n = 0;
        for (int i = 0; i < first.size; i++) {
            int p = first.at[i];
            if ((value < 0 || values[p] == value) && continuesAt(phrase, p)) {
                found[n++] = p;
            }
        }
        return n == found.length ? found : Arrays.copyOf(found, n);
    }

    /** Whether the words occur in sequence within one value (any value when {@code value} is negative). */
    boolean contains(String[] phrase, int value) {
        Positions first = positions.get(phrase[0]);
        if (first == null) {
            return false;
        }
        for (int i = 0; i < first.size; i++) {
            int p = first.at[i];
            if ((value < 0 || values[p] == value) && continuesAt(phrase, p)) {
                return true;
            }
        }
        return false;
    }

    private boolean continuesAt(String[] phrase, int p) {
        if (p + phrase.length > size) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (values[p + k] != values[p] || !words[p + k].equals(phrase[k])) {
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

    /** A growable list of positions (boxing them in a List cost more than the rest of the lookup). */
    private static final class Positions {
        int[] at = new int[2];
        int size;

        void add(int p) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = p;
        }
    }
}
