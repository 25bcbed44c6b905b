package dev.copydesk.watch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits stories and query terms into the words watch queries match, one way for both: runs of letters and digits
 * (with the marks written on them), lower-cased, full-width forms as ASCII; apostrophes and hyphens split words
 * ("Korea's" holds the word "korea", "Jong-un" is "jong" then "un"). Chinese, Japanese, Thai, Lao, Khmer and
 * Burmese are written without spaces: there every character is a word, so a term of them matches the characters
 * in sequence wherever they stand.
 *
 * <p>Written here rather than taken from Lucene's standard tokenizer, which this replaced: that one was 90% of the
 * matching cost per story (a token stream, an attribute copy and a string per word), and it kept a Thai or Lao
 * clause as one word, which no term could match inside.
 */
final class WatchTokenizer {

    /**
     * Receives each word, lower-cased in {@code chars[0..length)} (a buffer reused for the next word: copy what you
     * keep), with its start and end offsets in the text. No string per word: a story's words are mostly repeats, and
     * a string for each was a third of what matching allocated.
     */
    interface Words {
        /** {@code hash} is {@link String#hashCode} of the word, computed as it was read. */
        void word(char[] chars, int length, int hash, int start, int end);
    }

    /** The words of a text as strings, in order. */
    static List<String> strings(String text) {
        List<String> out = new ArrayList<>();
        split(text, (chars, length, hash, start, end) -> out.add(new String(chars, 0, length)));
        return out;
    }

    private WatchTokenizer() {}

    static void split(String text, Words out) {
        char[] word = new char[32];
        char[] single = new char[2];
        int length = 0;
        int hash = 0;
        int start = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    // fall through to append
                } else if (c >= 'A' && c <= 'Z') {
                    c += 32;
                } else {
                    length = flush(word, length, hash, start, i, out);
                    hash = 0;
                    continue;
                }
            } else if (c >= '\uFF01' && c <= '\uFF5E') { // full-width ASCII
                char ascii = Character.toLowerCase((char) (c - 0xFEE0));
                if (!Character.isLetterOrDigit(ascii)) {
                    length = flush(word, length, hash, start, i, out);
                    hash = 0;
                    continue;
                }
                c = ascii;
            } else if (unspaced(c)) {
                length = flush(word, length, hash, start, i, out);
                hash = 0;
                if (Character.isLetterOrDigit(c) || isMark(c)) {
                    single[0] = c;
                    out.word(single, 1, c, i, i + 1);
                }
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) { // CJK extension B and on
                    length = flush(word, length, hash, start, i, out);
                    hash = 0;
                    single[0] = c;
                    single[1] = text.charAt(i + 1);
                    out.word(single, 2, 31 * c + single[1], i, i + 2);
                    i++;
                    continue;
                }
                if (Character.isLetterOrDigit(cp)) {
                    if (length == 0) {
                        start = i;
                    }
                    word = room(word, length + 2);
                    int written = Character.toChars(Character.toLowerCase(cp), word, length);
                    for (int k = 0; k < written; k++) {
                        hash = 31 * hash + word[length + k];
                    }
                    length += written;
                    i++;
                } else {
                    length = flush(word, length, hash, start, i, out);
                    hash = 0;
                }
                continue;
            } else if (Character.isLetterOrDigit(c) || length > 0 && isMark(c)) {
                c = Character.toLowerCase(c);
            } else {
                length = flush(word, length, hash, start, i, out);
                hash = 0;
                continue;
            }
            if (length == 0) {
                start = i;
            }
            word = room(word, length + 1);
            word[length++] = c;
            hash = 31 * hash + c;
        }
        flush(word, length, hash, start, n, out);
    }

    private static char[] room(char[] word, int needed) {
        return needed <= word.length ? word : Arrays.copyOf(word, Math.max(needed, word.length * 2));
    }

    private static int flush(char[] word, int length, int hash, int start, int end, Words out) {
        if (length > 0) {
            out.word(word, length, hash, start, end);
        }
        return 0;
    }

    /**
     * Kana, CJK ideographs, Thai, Lao, Myanmar, Khmer: scripts without spaces between words. The same ranges as
     * {@code dev.copydesk.script.Scripts.unspaced} in article-text, which this module (watchlists without the text
     * work's dependencies) does not depend on.
     */
    private static boolean unspaced(char c) {
        return c >= '\u3040' && c <= '\u30FF' && c != '\u30FB'
                || c >= '\u3400' && c <= '\u4DBF'
                || c >= '\u4E00' && c <= '\u9FFF'
                || c >= '\uF900' && c <= '\uFAFF'
                || c >= '\uFF66' && c <= '\uFF9D'
                || c >= '\u0E00' && c <= '\u0EFF'
                || c >= '\u1000' && c <= '\u109F'
                || c >= '\u1780' && c <= '\u17FF';
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
