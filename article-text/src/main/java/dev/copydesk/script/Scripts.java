package dev.copydesk.script;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which writing systems a text uses, counted once for the cleaner (a label in another script than the story is
 * chrome) and the language identifier (the script decides between detectors).
 */
public final class Scripts {

    private Scripts() {}

    /**
     * The Hiragana, Katakana and CJK ideographs (with extension A) in the text, and with {@code compatibilityIdeographs}
     * the CJK compatibility block too: the characters that carry Chinese and Japanese text, which has no spaces.
     */
    public static int hanOrKana(CharSequence text, boolean compatibilityIdeographs) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u3040' && c <= '\u30FF')
                    || (c >= '\u3400' && c <= '\u9FFF')
                    || (compatibilityIdeographs && c >= '\uF900' && c <= '\uFAFF')) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether the character belongs to a script written without spaces between words: kana (full and half width),
     * CJK ideographs, Thai, Lao, Myanmar, Khmer. Dedup shingles, keywords and country names treat text in them by
     * characters or by a dictionary, not by spaces.
     */
    public static boolean unspaced(char c) {
        return c >= '\u3040' && c <= '\u30FF' && c != '\u30FB' // kana; ・ separates words
                || c >= '\u3400' && c <= '\u4DBF'
                || c >= '\u4E00' && c <= '\u9FFF'
                || c >= '\uF900' && c <= '\uFAFF' // ideographs
                || c >= '\uFF66' && c <= '\uFF9D' // half-width katakana
                || c >= '\u0E00' && c <= '\u0EFF' // Thai, Lao
                || c >= '\u1000' && c <= '\u109F' // Myanmar
                || c >= '\u1780' && c <= '\u17FF'; // Khmer
    }

    /** A vowel sign or tone mark written on a letter (Thai, Devanagari...): part of the word, not a separator. */
    public static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** The script most letters of the text are written in (Latin, Han, Hangul, Cyrillic...). */
    public static UnicodeScript dominantScript(String text) {
        int[] counts = countScripts(text, true);
        int best = -1;
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > 0 && (best < 0 || counts[s] > counts[best])) {
                best = s; // on a tie the first script in Unicode's order, as before
            }
        }
        return best < 0 ? UnicodeScript.COMMON : SCRIPTS[best];
    }

    /** Letters per script (Latin, Han, Hangul, Cyrillic...); shared with language identification. */
    public static Map<UnicodeScript, Integer> scriptCounts(String text) {
        int[] counts = countScripts(text, false);
        Map<UnicodeScript, Integer> byScript = new EnumMap<>(UnicodeScript.class);
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > 0) {
                byScript.put(SCRIPTS[s], counts[s]);
            }
        }
        return byScript;
    }

    /** How often the leader's lead over the rest is checked, in characters. */
    private static final int LEAD_CHECK = 1024;

    private static final int LATIN_LEAD_CHECK = 128;

    /**
     * Letters per script, by ordinal. With {@code untilDecided}, the count stops once one script leads the next by
     * more letters than the rest of the text holds: the dominant script is known (a story in English is decided a
     * little past its middle; counting every letter was 7% of text cleaning).
     */
    private static int[] countScripts(String text, boolean untilDecided) {
        // counted in an array: UnicodeScript.of is a binary search and a boxed merge per letter cost a tenth of
        // all enrichment; ASCII letters (most of most stories) are Latin without a lookup
        int[] counts = new int[SCRIPTS.length];
        int latin = UnicodeScript.LATIN.ordinal();
        int letters = 0;
        int nextCheck = LATIN_LEAD_CHECK;
        for (int i = 0; i < text.length(); ) {
            if (untilDecided && i >= nextCheck) {
                // Latin ahead of all the other letters together by more than is left: decided, cheaply; any
                // other script is asked for its lead now and then
                if (2 * counts[latin] - letters > text.length() - i
                        || (i % LEAD_CHECK < LATIN_LEAD_CHECK && decided(counts, text.length() - i))) {
                    return counts;
                }
                nextCheck += LATIN_LEAD_CHECK;
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                i++;
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    counts[latin]++;
                    letters++;
                }
                continue;
            }
            if (!Character.isSurrogate(c)) {
                i++;
                int script = BMP_LETTER_SCRIPT[c] & 0xFF;
                if (script > 0) {
                    counts[script - 1]++;
                    letters++;
                }
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                counts[UnicodeScript.of(cp).ordinal()]++;
                letters++;
            }
        }
        return counts;
    }

    /** Whether the leading script stays ahead whatever the {@code remaining} characters hold. */
    private static boolean decided(int[] counts, int remaining) {
        int first = 0;
        int second = 0;
        for (int count : counts) {
            if (count > first) {
                second = first;
                first = count;
            } else if (count > second) {
                second = count;
            }
        }
        return first - second > remaining;
    }

    private static final UnicodeScript[] SCRIPTS = UnicodeScript.values();

    /**
     * For every character of the Basic Multilingual Plane, 1 + the ordinal of its script if it is a letter, else 0 (an unsigned byte):
     * Han, Hangul and Cyrillic stories spent a tenth of text cleaning in UnicodeScript.of's binary search (JFR). 64 KB,
     * filled once in a few milliseconds.
     */
    private static final byte[] BMP_LETTER_SCRIPT = new byte[0x10000];

    static {
        if (SCRIPTS.length >= 0xFF) {
            throw new IllegalStateException("more scripts than a byte holds: " + SCRIPTS.length);
        }
        for (int c = 0x80; c < 0x10000; c++) {
            if (!Character.isSurrogate((char) c) && Character.isLetter(c)) {
                BMP_LETTER_SCRIPT[c] = (byte) (UnicodeScript.of(c).ordinal() + 1);
            }
        }
    }
}
