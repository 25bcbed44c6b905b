package dev.copydesk.enrich;

import dev.copydesk.script.Scripts;
import dev.copydesk.script.WordBreaker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The key phrases of a story: runs of one to three content words between stop words and punctuation (the
 * candidate rule of RAKE), weighted by how often the story uses them times how rare their words are across the
 * stories seen so far ({@link DocumentFrequencies}, learned as articles flow), with a bonus for phrases in the
 * headline. A phrase that is part of a heavier phrase is dropped.
 */
public final class KeywordExtractor {

    /** A key phrase and its weight (higher is more characteristic of the story). */
    public record Keyword(String phrase, double weight) {}

    private static final int MAX_WORDS = 3;
    private static final double TITLE_BONUS = 1.5;
    /** Splits runs of Chinese, Japanese, Thai... into words; made on first use (English never needs it). */
    private WordBreaker breaker;

    public KeywordExtractor() {}

    /** As {@link #extract(String, String, String, DocumentFrequencies, int)} for an English story. */
    public List<Keyword> extract(String title, String body, DocumentFrequencies frequencies, int limit) {
        return extract(title, body, "en", frequencies, limit);
    }

    /**
     * The top {@code limit} key phrases, and the story's distinct words (for the document frequencies).
     *
     * <p>Words are numbered as they first occur and counted in arrays. Keyword extraction was a third of the clean
     * step on 4 KB stories; done with a map per word and a string per candidate it ran ~27% slower, with the same
     * output. Ties in weight keep the order in which a phrase first occurs (run by run; in each, its words, then
     * its pairs, then its triples).
     */
    public List<Keyword> extract(
            String title, String body, String language, DocumentFrequencies frequencies, int limit) {
        Set<String> stopWords = StopWords.of(language);
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        List<int[]> bodyRuns = runs(body, stopWords, ids, vocabulary);
        int distinct = vocabulary.size();
        int[] wordCounts = new int[distinct];
        for (int[] run : bodyRuns) {
            for (int word : run) {
                wordCounts[word]++;
            }
        }
        Set<String> titlePhrases = new HashSet<>();
        boolean[] inTitle = new boolean[distinct];
        // the title's own words are numbered after the body's: only those the body has can weigh
        for (int[] run : runs(title, stopWords, ids, vocabulary)) {
            for (int word : run) {
                if (word < distinct) {
                    inTitle[word] = true;
                }
            }
            for (int n = 2; n <= Math.min(MAX_WORDS, run.length); n++) {
                for (int i = 0; i + n <= run.length; i++) {
                    titlePhrases.add(phrase(run, i, n, vocabulary));
                }
            }
        }
        // first occurrence of each candidate, in the order of the runs: words by id, longer phrases by their text
        int[] wordOrder = new int[distinct];
        Arrays.fill(wordOrder, -1);
        Map<String, Candidate> phrases = new HashMap<>();
        int order = 0;
        for (int[] run : bodyRuns) {
            for (int n = 1; n <= Math.min(MAX_WORDS, run.length); n++) {
                for (int i = 0; i + n <= run.length; i++) {
                    if (n == 1) {
                        if (wordOrder[run[i]] < 0) {
                            wordOrder[run[i]] = order++;
                        }
                    } else if (mayCount(run, i, n, wordCounts, inTitle)) {
                        // most word pairs occur once and are dropped below: only those that can pass get a string
                        String phrase = phrase(run, i, n, vocabulary);
                        Candidate seen = phrases.get(phrase);
                        if (seen == null) {
                            phrases.put(phrase, new Candidate(Arrays.copyOfRange(run, i, i + n), order++));
                        } else {
                            seen.count++;
                        }
                    }
                }
            }
        }
        double[] idfs = new double[distinct];
        for (int word = 0; word < distinct; word++) {
            idfs[word] = frequencies.idf(vocabulary.get(word));
        }
        List<Scored> scored = new ArrayList<>(distinct + phrases.size());
        for (int word = 0; word < distinct; word++) { // every body word is a candidate
            double weight = wordCounts[word] * idfs[word];
            if (inTitle[word]) {
                weight *= TITLE_BONUS;
            }
            scored.add(
                    new Scored(new Keyword(vocabulary.get(word), Math.round(weight * 1000) / 1000.0), wordOrder[word]));
        }
        for (Map.Entry<String, Candidate> e : phrases.entrySet()) {
            String phrase = e.getKey();
            Candidate candidate = e.getValue();
            boolean titled = titlePhrases.contains(phrase);
            // a longer phrase needs to recur to be a phrase rather than an accident of adjacency
            if (candidate.count < 2 && !titled) {
                continue;
            }
            double idf = 0;
            for (int word : candidate.words) {
                idf += idfs[word];
            }
            int parts = candidate.words.length;
            double weight = candidate.count * (idf / parts) * Math.sqrt(parts);
            if (titled) {
                weight *= TITLE_BONUS;
            }
            scored.add(new Scored(new Keyword(phrase, Math.round(weight * 1000) / 1000.0), candidate.order));
        }
        // heaviest first, taken from a heap until enough are not covered: a handful of the few hundred candidates
        // are ever looked at, and sorting them all was a tenth of this method (orders are unique, so the heap gives
        // the sort's sequence)
        PriorityQueue<Scored> heaviest = new PriorityQueue<>(
                Math.max(1, scored.size()),
                (a, b) -> a.keyword().weight() != b.keyword().weight()
                        ? Double.compare(b.keyword().weight(), a.keyword().weight())
                        : Integer.compare(a.order(), b.order()));
        heaviest.addAll(scored);
        List<Keyword> top = new ArrayList<>();
        while (top.size() < limit && !heaviest.isEmpty()) {
            Keyword k = heaviest.poll().keyword();
            boolean covered = false;
            for (int t = 0; t < top.size() && !covered; t++) {
                covered = containsWords(top.get(t).phrase(), k.phrase());
            }
            if (!covered) {
                top.add(k);
            }
        }
        Set<String> words = new HashSet<>(vocabulary.subList(0, distinct));
        frequencies.observe(words);
        return top;
    }

    /** A phrase of two or more words: its word ids, how often it occurs, and where it first did. */
    private static final class Candidate {
        final int[] words;
        final int order;
        int count = 1;

        Candidate(int[] words, int order) {
            this.words = words;
            this.order = order;
        }
    }

    /** A candidate and the position of its first occurrence, which breaks ties. */
    private record Scored(Keyword keyword, int order) {}

    /** Whether {@code phrase} is {@code part} or holds it as whole words. */
    private static boolean containsWords(String phrase, String part) {
        for (int at = phrase.indexOf(part); at >= 0; at = phrase.indexOf(part, at + 1)) {
            int end = at + part.length();
            if ((at == 0 || boundary(phrase.charAt(at - 1), part.charAt(0)))
                    && (end == phrase.length() || boundary(phrase.charAt(end), part.charAt(part.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether words can meet between these characters: at a space, or between two characters of unspaced text. */
    private static boolean boundary(char outside, char inside) {
        return outside == ' ' || Scripts.unspaced(outside) && Scripts.unspaced(inside);
    }

    /** Whether the phrase can pass the filter below: it can recur (each word does) or be a title phrase (each word is a title word). */
    private static boolean mayCount(int[] run, int i, int n, int[] wordCounts, boolean[] inTitle) {
        boolean recurring = true;
        boolean titled = true;
        for (int k = i; k < i + n; k++) {
            recurring &= wordCounts[run[k]] >= 2;
            titled &= inTitle[run[k]];
        }
        return recurring || titled;
    }

    /** The {@code n} words of the run from {@code i}, joined by spaces (none between words of unspaced text). */
    private static String phrase(int[] run, int i, int n, List<String> vocabulary) {
        StringBuilder out = new StringBuilder(vocabulary.get(run[i]));
        for (int k = i + 1; k < i + n; k++) {
            String word = vocabulary.get(run[k]);
            if (!(Scripts.unspaced(out.charAt(out.length() - 1)) && Scripts.unspaced(word.charAt(0)))) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    /**
     * Runs of content words, as word ids (numbered in {@code vocabulary} as they first occur): lowercase, split at
     * punctuation and stop words; numbers and words of one or two letters break runs. Text written without spaces
     * is split into words by {@link WordBreaker} first.
     */
    private List<int[]> runs(String text, Set<String> stopWords, Map<String, Integer> ids, List<String> vocabulary) {
        List<int[]> runs = new ArrayList<>();
        int[] current = new int[16];
        int length = 0;
        char[] buffer = new char[32];
        int wordStart = -1; // a word is the text between wordStart and i
        boolean wide = false; // whether it holds a character beyond ASCII
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            boolean inWord = Character.isLetterOrDigit(c)
                    || (wordStart >= 0 && Scripts.isMark(c)) // Thai and Hindi vowel signs are marks, not letters
                    || ((c == '-' || c == '\'' || c == '’')
                            && wordStart >= 0
                            && i + 1 < text.length()
                            && Character.isLetter(text.charAt(i + 1)));
            if (inWord) {
                if (wordStart < 0) {
                    wordStart = i;
                    wide = false;
                }
                wide |= c >= 0x80;
                continue;
            }
            if (wordStart >= 0) {
                if (buffer.length < i - wordStart) {
                    buffer = new char[2 * (i - wordStart)];
                }
                if (wide && WordBreaker.hasUnspaced(text, wordStart, i)) {
                    int[][] run = {current};
                    int[] runLength = {length};
                    if (breaker == null) {
                        breaker = new WordBreaker();
                    }
                    breaker.forEachWord(text, wordStart, i, (from, to) -> {
                        String w = text.substring(from, to).toLowerCase(Locale.ROOT);
                        boolean content = !StopWords.byScript(w)
                                && !stopWords.contains(w)
                                && hasLetter(w)
                                && (w.length() >= 3 || Scripts.unspaced(w.charAt(0)));
                        runLength[0] = content
                                ? append(run, runLength[0], id(w, ids, vocabulary))
                                : flush(runs, run[0], runLength[0]);
                        return 0;
                    });
                    current = run[0];
                    length = runLength[0];
                } else {
                    String w = lowerCaseWord(text, wordStart, i, buffer);
                    if (w.length() < 3 || stopWords.contains(w) || !hasLetter(w)) {
                        length = flush(runs, current, length);
                    } else {
                        int[][] run = {current};
                        length = append(run, length, id(w, ids, vocabulary));
                        current = run[0];
                    }
                }
                wordStart = -1;
            }
            if (!Character.isWhitespace(c)) {
                length = flush(runs, current, length); // punctuation ends a phrase
            }
        }
        flush(runs, current, length);
        return runs;
    }

    /**
     * The word lower-cased, with ’ as ' and a possessive 's cut. An ASCII word is lower-cased into one new string
     * from a buffer the caller reuses (cutting, lower-casing and replacing made up to three); any other goes through {@link String#toLowerCase},
     * whose rules for some letters (İ, final Σ) a char-by-char lower-casing would not follow.
     */
    private static String lowerCaseWord(String text, int start, int end, char[] word) {
        int length = end - start;
        for (int k = 0; k < length; k++) {
            char c = text.charAt(start + k);
            if (c >= 0x80) {
                String w = text.substring(start, end).toLowerCase(Locale.ROOT).replace('’', '\'');
                return w.endsWith("'s") ? w.substring(0, w.length() - 2) : w;
            }
            word[k] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        if (length >= 2 && word[length - 2] == '\'' && word[length - 1] == 's') {
            length -= 2;
        }
        return new String(word, 0, length);
    }

    /** The word's id, numbering it if it is new. */
    private static int id(String w, Map<String, Integer> ids, List<String> vocabulary) {
        Integer id = ids.get(w);
        if (id == null) {
            id = vocabulary.size();
            ids.put(w, id);
            vocabulary.add(w);
        }
        return id;
    }

    /** Appends a word id to the run in {@code run[0]} (grown in place as needed); returns the new length. */
    private static int append(int[][] run, int length, int id) {
        if (length == run[0].length) {
            run[0] = Arrays.copyOf(run[0], 2 * length);
        }
        run[0][length] = id;
        return length + 1;
    }

    private static int flush(List<int[]> runs, int[] current, int length) {
        if (length > 0) {
            runs.add(Arrays.copyOf(current, length));
        }
        return 0;
    }

    private static boolean hasLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
