package dev.copydesk.clean;

import dev.copydesk.script.Scripts;

/** The shape of a story's prose: words, sentence ends, and what makes a paragraph. */
public final class Prose {

    private Prose() {}

    private static final String SENTENCE_ENDERS = ".!?。！？…:;؟।";

    private static final String CLOSERS = "\"'’”»)]";

    /** A paragraph of a story: enough words and the end of a sentence, or long enough to be nothing else. */
    public static boolean isProse(String line) {
        int words = words(line, 25); // counting stops where the answer is known: most paragraphs pass 25 early
        if (words >= 25) {
            return true;
        }
        if (words >= 8) {
            return endsSentence(line);
        }
        // Chinese and Japanese put no spaces between words: judge them by length instead
        if (line.length() >= 15 && mostlyHanOrKana(line)) {
            return line.length() >= 40 || endsSentence(line);
        }
        return false;
    }

    private static boolean mostlyHanOrKana(String line) {
        return Scripts.hanOrKana(line, true) * 3 > line.length();
    }

    /** Ends with sentence punctuation, allowing closing quotes and brackets after it. */
    public static boolean endsSentence(String line) {
        int i = line.length() - 1;
        while (i >= 0 && (Character.isWhitespace(line.charAt(i)) || CLOSERS.indexOf(line.charAt(i)) >= 0)) {
            i--;
        }
        return i >= 0 && SENTENCE_ENDERS.indexOf(line.charAt(i)) >= 0;
    }

    public static int words(String line) {
        return words(line, Integer.MAX_VALUE);
    }

    /** The words of the line, counted up to {@code enough}. */
    public static int words(String line, int enough) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < line.length() && n < enough; i++) {
            char c = line.charAt(i);
            boolean space = c == ' ' || (c > ' ' ? c >= 0x80 && Character.isWhitespace(c) : Character.isWhitespace(c));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }
}
