package dev.copydesk.enrich;

import dev.copydesk.clean.PhraseList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sentence boundaries for news copy. Written here because ICU's BreakIterator ends a sentence after {@code S.}
 * and {@code N.} ("S. Korea", "N. Korea") and the statistical splitters need model files: a sentence ends at
 * {@code . ! ?} (plus closing quotes) before whitespace and a capital, digit or opening quote, unless the word
 * before the period is an abbreviation (a single capital, titles, months, {@code U.S.}, {@code p.m.}...); CJK
 * full stops always end one.
 */
public final class Sentences {

    private static final Set<String> ABBREVIATIONS =
            Set.copyOf(PhraseList.of(Sentences.class, "sentence-abbreviations.txt"));

    private Sentences() {}

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        // paragraph by paragraph; indexOf rather than split("\n+"), whose regular expression was half of this method
        for (int from = 0; from < text.length(); ) {
            int end = text.indexOf('\n', from);
            end = end < 0 ? text.length() : end;
            if (end > from) {
                splitParagraph(text.substring(from, end).strip(), sentences);
            }
            from = end + 1;
        }
        return sentences;
    }

    private static void splitParagraph(String p, List<String> out) {
        int start = 0;
        int n = p.length();
        for (int i = 0; i < n; i++) {
            char c = p.charAt(i);
            // full stops that end a sentence wherever they stand: CJK (。！？), Hindi danda (।॥), Arabic question
            // mark (؟), Urdu full stop (۔), Burmese (။), Khmer (។), Armenian (։), Ethiopic (።)
            boolean cjkStop = c == '。' || c == '！' || c == '？' || c == '।' || c == '॥' || c == '؟' || c == '۔'
                    || c == '။' || c == '។' || c == '։' || c == '።';
            if (!cjkStop && c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < n && "\"'’”»)]".indexOf(p.charAt(end)) >= 0) {
                end++;
            }
            if (!cjkStop) {
                if (end >= n || !Character.isWhitespace(p.charAt(end))) {
                    continue;
                }
                int next = end;
                while (next < n && Character.isWhitespace(p.charAt(next))) {
                    next++;
                }
                if (next >= n) {
                    continue;
                }
                char following = p.charAt(next);
                if (!(Character.isUpperCase(following)
                        || Character.isDigit(following)
                        || "\"'‘“«(„¿¡".indexOf(following) >= 0
                        // a letter of a script without case (Arabic, Hebrew, Hindi, Chinese...) may start one
                        || Character.getType(following) == Character.OTHER_LETTER)) {
                    continue;
                }
                if (c == '.' && isAbbreviation(p, i)) {
                    continue;
                }
            }
            String sentence = p.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
            start = end;
        }
        String rest = p.substring(start).strip();
        if (rest.startsWith("(") && rest.endsWith(")") && rest.length() <= 42 && !out.isEmpty()) {
            out.set(
                    out.size() - 1,
                    out.get(out.size() - 1) + " " + rest); // a closing credit, "(Yonhap)", is no sentence
        } else if (!rest.isEmpty()) {
            out.add(rest);
        }
    }

    /** The word that ends at {@code dot}: one capital letter ("S."), or a known abbreviation ("Nov.", "U.S."). */
    private static boolean isAbbreviation(String p, int dot) {
        int begin = dot;
        while (begin > 0 && (Character.isLetter(p.charAt(begin - 1)) || p.charAt(begin - 1) == '.')) {
            begin--;
        }
        String word = p.substring(begin, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }
}
