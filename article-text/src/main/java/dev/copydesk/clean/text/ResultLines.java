package dev.copydesk.clean.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines of a results table in sports copy: a side, its score, the other side, its score ("Aston Villa 2 Derby County
 * 0", "Leeds United 1 Newcastle United 0"). Short, title-case and without a full stop, they read like a site's menu;
 * they are the story of a results report.
 */
public final class ResultLines {

    private ResultLines() {}

    /** A whole line that is a result; groups 1 and 3 the sides. */
    private static final Pattern RESULT = Pattern.compile(
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
        return mayBeResult(line, 0, line.length()) && RESULT.matcher(line).matches();
    }

    /** The two sides of every result line of {@code text}, as [start, end) offsets, the first side first. */
    public static List<int[]> sides(String text) {
        List<int[]> sides = new ArrayList<>();
        Matcher m = RESULT.matcher(text);
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (mayBeResult(text, start, end) && m.region(start, end).matches()) {
                sides.add(new int[] {m.start(1), m.end(1)});
                sides.add(new int[] {m.start(3), m.end(3)});
            }
            start = end + 1;
        }
        return sides;
    }

    /**
     * A line long enough that ends, spaces aside, in a digit: most lines are out without the regex, which tried at
     * every line start cost as much as the rest of the recogniser.
     */
    private static boolean mayBeResult(CharSequence text, int start, int end) {
        int last = end;
        while (last > start && Character.isWhitespace(text.charAt(last - 1))) {
            last--;
        }
        return last - start > 6 && Character.isDigit(text.charAt(last - 1));
    }
}
