package dev.copydesk.script;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.function.IntBinaryOperator;

/**
 * Words in text written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese), found by ICU's
 * dictionary-based word break iterator; spaced scripts are split at their spaces and punctuation by the callers.
 * ICU rather than a per-language analyzer: one dependency (already shipped) that covers all six scripts with the
 * same call. Not thread-safe: one per thread.
 */
public final class WordBreaker {

    private final BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);

    /** Whether any character of text[start, end) is of a script written without spaces. */
    public static boolean hasUnspaced(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Scripts.unspaced(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Calls {@code word} with the start and end of each word of text[start, end) (letters, ideographs, kana;
     * not punctuation or spaces) in order; its return value is ignored.
     */
    public void forEachWord(String text, int start, int end, IntBinaryOperator word) {
        boundariesOf = null;
        words.setText(text.substring(start, end));
        int from = words.first();
        for (int to = words.next(); to != BreakIterator.DONE; from = to, to = words.next()) {
            if (words.getRuleStatus() != BreakIterator.WORD_NONE) {
                word.applyAsInt(start + from, start + to);
            }
        }
    }

    /**
     * Whether a word boundary falls at {@code offset} of {@code text}, the text given to the last call or a new one
     * (the same String object is not analysed again).
     */
    public boolean isBoundary(String text, int offset) {
        if (text != boundariesOf) {
            words.setText(text);
            boundariesOf = text;
        }
        return offset == 0 || offset == text.length() || words.isBoundary(offset);
    }

    private String boundariesOf;
}
