package dev.copydesk.enrich;

import java.util.HashMap;
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
                words.forEach(w -> counts.merge(w, 1L, Long::sum));
            }
        };
    }
}
