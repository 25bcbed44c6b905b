package dev.copydesk.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The key phrases of a story: runs of one to three content words between stop words and punctuation (the
 * candidate rule of RAKE), weighted by how often the story uses them times how rare their words are across the
 * stories seen so far ({@link DocumentFrequencies}, learned as articles flow), with a bonus for phrases in the
 * headline. A phrase that is part of a heavier phrase is dropped.
 */
public final class KeywordExtractor {

    /** A key phrase and its weight (higher is more characteristic of the story). */
    public record Keyword(String phrase, double weight) {
    }

    private static final int MAX_WORDS = 3;
    private static final double TITLE_BONUS = 1.5;
    private final Set<String> stopWords;

    public KeywordExtractor() {
        this.stopWords = loadStopWords("stopwords-en.txt");
    }

    /** The top {@code limit} key phrases, and the story's distinct words (for the document frequencies). */
    public List<Keyword> extract(String title, String body, DocumentFrequencies frequencies, int limit) {
        List<List<String>> bodyRuns = runs(body);
        Map<String, Integer> wordCounts = new HashMap<>();
        for (List<String> run : bodyRuns) {
            for (String word : run) {
                wordCounts.merge(word, 1, Integer::sum);
            }
        }
        Set<String> titlePhrases = new HashSet<>();
        Set<String> titleWords = new HashSet<>();
        for (List<String> run : runs(title)) {
            titleWords.addAll(run);
            for (int n = 1; n <= Math.min(MAX_WORDS, run.size()); n++) {
                for (int i = 0; i + n <= run.size(); i++) {
                    titlePhrases.add(phrase(run, i, n));
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>(2 * wordCounts.size() + 16);
        for (List<String> run : bodyRuns) {
            for (int n = 1; n <= Math.min(MAX_WORDS, run.size()); n++) {
                for (int i = 0; i + n <= run.size(); i++) {
                    // most word pairs occur once and are dropped below: building their strings cost a third of this
                    if (n == 1 || mayCount(run, i, n, wordCounts, titleWords)) {
                        counts.merge(phrase(run, i, n), 1, Integer::sum);
                    }
                }
            }
        }
        Set<String> words = wordCounts.keySet();
        List<Keyword> scored = new ArrayList<>();
        Map<String, Double> idfs = new HashMap<>(2 * words.size());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String phrase = e.getKey();
            int space = phrase.indexOf(' ');
            // a longer phrase needs to recur to be a phrase rather than an accident of adjacency
            if (space >= 0 && e.getValue() < 2 && !titlePhrases.contains(phrase)) {
                continue;
            }
            double idf = 0;
            int parts = 0;
            for (int from = 0; from <= phrase.length(); parts++) {
                int to = space < 0 ? phrase.length() : space;
                idf += idfs.computeIfAbsent(phrase.substring(from, to), frequencies::idf);
                from = to + 1;
                space = from < phrase.length() ? phrase.indexOf(' ', from) : -1;
            }
            double weight = e.getValue() * (idf / parts) * Math.sqrt(parts);
            if (titlePhrases.contains(phrase)) {
                weight *= TITLE_BONUS;
            }
            scored.add(new Keyword(phrase, Math.round(weight * 1000) / 1000.0));
        }
        scored.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        List<Keyword> top = new ArrayList<>();
        for (Keyword k : scored) {
            if (top.size() == limit) {
                break;
            }
            boolean covered = top.stream().anyMatch(t -> (" " + t.phrase() + " ").contains(" " + k.phrase() + " "));
            if (!covered) {
                top.add(k);
            }
        }
        frequencies.observe(words);
        return top;
    }

    /** Whether the phrase can pass the filter below: it can recur (each word does) or be a title phrase (each word is a title word). */
    private static boolean mayCount(List<String> run, int i, int n, Map<String, Integer> wordCounts, Set<String> titleWords) {
        boolean recurring = true;
        boolean inTitle = true;
        for (int k = i; k < i + n; k++) {
            recurring &= wordCounts.get(run.get(k)) >= 2;
            inTitle &= titleWords.contains(run.get(k));
        }
        return recurring || inTitle;
    }

    /** The {@code n} words of the run from {@code i}, joined by spaces. */
    private static String phrase(List<String> run, int i, int n) {
        if (n == 1) {
            return run.get(i);
        }
        StringBuilder out = new StringBuilder(run.get(i));
        for (int k = i + 1; k < i + n; k++) {
            out.append(' ').append(run.get(k));
        }
        return out.toString();
    }

    /** Runs of content words: lowercase, split at punctuation and stop words; numbers and one-letter words break runs. */
    private List<List<String>> runs(String text) {
        List<List<String>> runs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int wordStart = -1; // a word is the text between wordStart and i
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            boolean inWord = Character.isLetterOrDigit(c) || ((c == '-' || c == '\'' || c == '’') && wordStart >= 0
                    && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)));
            if (inWord) {
                if (wordStart < 0) {
                    wordStart = i;
                }
                continue;
            }
            if (wordStart >= 0) {
                String w = text.substring(wordStart, i).toLowerCase(Locale.ROOT).replace('’', '\'');
                if (w.endsWith("'s")) {
                    w = w.substring(0, w.length() - 2);
                }
                wordStart = -1;
                if (w.length() < 3 || stopWords.contains(w) || !hasLetter(w)) {
                    flush(runs, current);
                } else {
                    current.add(w);
                }
            }
            if (!Character.isWhitespace(c)) {
                flush(runs, current); // punctuation ends a phrase
            }
        }
        flush(runs, current);
        return runs;
    }

    private static void flush(List<List<String>> runs, List<String> current) {
        if (!current.isEmpty()) {
            runs.add(new ArrayList<>(current));
            current.clear();
        }
    }

    private static boolean hasLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> loadStopWords(String resource) {
        try (InputStream in = KeywordExtractor.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            for (String w : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
                if (!w.isBlank()) {
                    words.add(w.strip());
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
