package dev.copydesk.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many stories so far contained each word: the denominator of keyword weights, learned as articles flow.
 * The topology backs it with a changelogged state store; {@link #inMemory()} serves tests and tools.
 */
public interface DocumentFrequencies {

    /** Stories observed. */
    long documents();

    /** Stories observed that contained the word. */
    long frequency(String word);

    /** Counts one more story with these (distinct) words. */
    void observe(Set<String> words);

    /** Counts one more story for each of these keys, without counting a story in {@link #documents()}. */
    void count(Set<String> keys);

    /**
     * The frequencies of one language's stories: its own story count and word counts (a word common in Spanish
     * says nothing of its weight in Portuguese). English, and a language not identified, use this object's own.
     */
    default DocumentFrequencies language(String language) {
        if (language == null || language.isEmpty() || language.equals("en") || language.equals("und")) {
            return this;
        }
        DocumentFrequencies all = this;
        String prefix = language + ":"; // a word never holds ':' (words are runs of letters and digits)
        String stories = "\u0000documents:" + language;
        return new DocumentFrequencies() {
            /** Read once: idf asks for it once per word of the story. */
            private long documents = -1;

            @Override
            public long documents() {
                if (documents < 0) {
                    documents = all.frequency(stories);
                }
                return documents;
            }

            @Override
            public long frequency(String word) {
                return all.frequency(prefix + word);
            }

            @Override
            public void observe(Set<String> words) {
                Set<String> keys = new HashSet<>(words.size() * 2);
                words.forEach(w -> keys.add(prefix + w));
                keys.add(stories);
                all.count(keys);
                documents = -1;
            }

            @Override
            public void count(Set<String> keys) {
                Set<String> prefixed = new HashSet<>(keys.size() * 2);
                keys.forEach(k -> prefixed.add(prefix + k));
                all.count(prefixed);
            }
        };
    }

    /** Inverse document frequency, smoothed: rare words weigh more, unseen ones most. */
    default double idf(String word) {
        return Math.log((documents() + 1.0) / (frequency(word) + 1.0)) + 1.0;
    }

    static DocumentFrequencies inMemory() {
        Map<String, Long> counts = new HashMap<>();
        long[] documents = {0};
        return new DocumentFrequencies() {
            @Override
            public long documents() {
                return documents[0];
            }

            @Override
            public long frequency(String word) {
                return counts.getOrDefault(word, 0L);
            }

            @Override
            public void observe(Set<String> words) {
                documents[0]++;
                count(words);
            }

            @Override
            public void count(Set<String> keys) {
                keys.forEach(w -> counts.merge(w, 1L, Long::sum));
            }
        };
    }
}
