package dev.copydesk.clean.text;

import dev.copydesk.clean.Prose;
import java.util.regex.Pattern;

/** Shapes of a line that every pass over copied text asks about: list items, labels, code. */
final class TextLines {

    private TextLines() {}

    static final Pattern LABEL_LINE = Pattern.compile("^([^:：]{1,30}?)\\s*[:：]\\s*(.*)$");

    /**
     * A list item: a bullet ({@code - – • * · ▪ ►}) or a number of one or two digits with {@code .} or {@code )},
     * then white space and something after it. By hand: as the regex {@code ^(?:[-–•*·▪►]|\d{1,2}[.)])\s+.+}
     * with {@code matches()} it read every line to its end, several times a line (JFR: 4% of text cleaning).
     */
    static boolean isListItem(String line) {
        int length = line.length();
        if (length == 0) {
            return false;
        }
        char first = line.charAt(0);
        int after;
        if ("-–•*·▪►".indexOf(first) >= 0) {
            after = 1;
        } else if (first >= '0' && first <= '9') {
            int digits = length > 1 && line.charAt(1) >= '0' && line.charAt(1) <= '9' ? 2 : 1;
            if (digits >= length || (line.charAt(digits) != '.' && line.charAt(digits) != ')')) {
                return false;
            }
            after = digits + 1;
        } else {
            return false;
        }
        return after + 1 < length && isRegexSpace(line.charAt(after));
    }

    /** {@code \s} as {@link Pattern} reads it by default: ASCII white space only. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static boolean hasEarlyColon(String line) {
        for (int i = 0, n = Math.min(line.length(), 33); i < n; i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '：') {
                return true;
            }
        }
        return false;
    }

    /** A label: a few words, no sentence punctuation, not a time like 10:30. */
    static boolean isLabel(String candidate) {
        String s = candidate.strip();
        if (s.isEmpty() || s.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return s.split("\\s+").length <= 4 && !Prose.endsSentence(s) && s.indexOf(',') < 0;
    }

    /** Ends on a full stop, not on an ellipsis ("Five ways to spice up your presen..." is a cut headline). */
    static boolean endsOnFullStop(String line) {
        int end = line.length();
        while (end > 0 && "\"”’')".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 1 && (line.charAt(end - 1) == '.' || line.charAt(end - 1) == '。') && line.charAt(end - 2) != '.';
    }

    /** A line of program code: it holds brackets, braces, semicolons or an assignment, which headlines do not. */
    static boolean isCode(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '{'
                    || c == '}'
                    || c == ';'
                    || c == '='
                    || (c == '(' && i + 1 < line.length() && line.charAt(i + 1) == ')')) {
                return true;
            }
        }
        return false;
    }
}
