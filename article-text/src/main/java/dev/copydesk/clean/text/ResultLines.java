package dev.copydesk.clean.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines of a results table in sports copy: a side, its score, the other side, its score ("Aston Villa 2 Derby County
 * 0", "Leeds United 1 Newcastle United 0"). Short, title-case and without a full stop, they read like a site's menu;
 * they are the story of a results report.
 */
public final class ResultLines {

    private ResultLines() {}

    /** A whole line that is a result; groups 1 and 3 the sides. */
    public static final Pattern RESULT = Pattern.compile(
            "(?m)^(\\p{Lu}[\\p{L}.'’&\\- ]{1,40}?) (\\d{1,2}) (\\p{Lu}[\\p{L}.'’&\\- ]{1,40}?) (\\d{1,2})\\s*$");

    /** A table needs this many results, one a line, to count as the story's. */
    private static final int MIN_RESULTS = 2;

    /** Line {@code i} is a result next to another one. */
    static boolean inResults(List<String> lines, int i) {
        if (!isResult(lines.get(i))) {
            return false;
        }
        int run = 1;
        for (int k = i - 1; k >= 0 && isResult(lines.get(k)); k--) {
            run++;
        }
        for (int k = i + 1; k < lines.size() && isResult(lines.get(k)); k++) {
            run++;
        }
        return run >= MIN_RESULTS;
    }

    private static boolean isResult(String line) {
        int n = line.length();
        if (n < 7 || !Character.isDigit(line.charAt(n - 1)) && !Character.isWhitespace(line.charAt(n - 1))) {
            return false; // most lines: out without a regex
        }
        return RESULT.matcher(line).matches();
    }
}
