package dev.copydesk.clean.text;

import dev.copydesk.clean.RuleSwitches;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second pass: every line gets a weight (positive for prose, negative for chrome and, mildly, for short lines),
 * and the story is the contiguous run of lines with the greatest total weight, the maximum-subarray cut of Finn's
 * body text extraction. Code blocks and tables of figures inside a story count with it.
 */
final class StorySpan {

    private StorySpan() {}

    /** Per character, capped: how much a short list item or a short line counts against the story around it. */
    private static final double LIST_PENALTY = 0.25;

    private static final double SHORT_PENALTY = 0.3;

    private static final int PENALTY_CAP = 40;

    /** First and last line of the heaviest run, or null when no line reads like prose. */
    static int[] storySpan(List<String> lines, boolean[] prose, boolean[] leftOut, boolean[] chrome, boolean[] table) {
        TextCleaner.Lines l = new TextCleaner.Lines(lines, prose, leftOut, table, chrome);
        boolean[] code = codeBlocks(lines, prose, chrome);
        double[] weights = new double[lines.size()];
        for (int i = 0; i < weights.length; i++) {
            // a listing weighs nothing, a table its figures: both are the story's, however short their lines
            weights[i] = handWeight(l, code, i);
        }
        return storySpan(lines, prose, chrome, weights);
    }

    /** The heaviest run by the given weights (the hand weights, or a learned scorer's), or null when it holds no prose. */
    static int[] storySpan(List<String> lines, boolean[] prose, boolean[] chrome, double[] weights) {
        int bestStart = -1;
        int bestEnd = -1;
        double best = 0;
        double run = 0;
        int runStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            run += weights[i];
            if (run <= 0) {
                run = 0;
                runStart = i + 1;
            } else if (run > best) {
                best = run;
                bestStart = runStart;
                bestEnd = i;
            }
        }
        boolean anyProse = false;
        for (int i = bestStart; i >= 0 && i <= bestEnd && !anyProse; i++) {
            anyProse = !chrome[i] && prose[i];
        }
        return anyProse ? new int[] {bestStart, bestEnd} : null;
    }

    /** The hand weight of line {@code i} as the story span counts it (a feature of the learned scorer too). */
    static double handWeight(TextCleaner.Lines l, boolean[] code, int i) {
        return code[i]
                ? 0
                : l.table()[i] && !l.chrome()[i]
                        ? (isFigureCell(l.lines().get(i)) ? FIGURE_WEIGHT : 0)
                        : RuleSwitches.on("text.numbered-lists")
                                        && !l.chrome()[i]
                                        && !l.leftOut()[i]
                                        && inNumberedList(l.lines(), i)
                                ? NUMBERED_ITEM_WEIGHT * l.lines().get(i).length()
                                : RuleSwitches.on("text.results-tables")
                                                && !l.chrome()[i]
                                                && ResultLines.inResults(l.lines(), i)
                                        ? NUMBERED_ITEM_WEIGHT
                                                * l.lines().get(i).length()
                                        : weight(l.lines().get(i), l.prose()[i], l.leftOut()[i], l.chrome()[i]);
    }

    /** Per character, what an item of a numbered list counts for the story around it. */
    private static final double NUMBERED_ITEM_WEIGHT = 0.5;

    private static final Pattern NUMBERED_ITEM = Pattern.compile("^(\\d{1,2})[.)]\\s+\\S.*");

    /** A numbered list needs this many items to count as the story's. */
    private static final int NUMBERED_LIST_MIN = 3;

    /**
     * Line {@code i} is an item of a numbered list: 1, 2, 3 and on, one a line. Such a list is the story's (its
     * ranking, its steps, its directory: on WCXB's text renderings 28 lists of 37 are wholly in the ground truth and
     * 6 wholly out); weighed as short lines, one closing a story was cut off with the names it gives.
     */
    static boolean inNumberedList(List<String> lines, int i) {
        int n = itemNumber(lines.get(i));
        if (n < 1) {
            return false;
        }
        int first = i;
        while (first > 0 && itemNumber(lines.get(first - 1)) == itemNumber(lines.get(first)) - 1) {
            first--;
        }
        if (itemNumber(lines.get(first)) != 1) {
            return false;
        }
        int last = i;
        while (last + 1 < lines.size() && itemNumber(lines.get(last + 1)) == itemNumber(lines.get(last)) + 1) {
            last++;
        }
        return last - first + 1 >= NUMBERED_LIST_MIN;
    }

    /** The number opening a numbered item ("12. ..."), or -1. */
    private static int itemNumber(String line) {
        if (line.isEmpty() || line.charAt(0) < '0' || line.charAt(0) > '9') {
            return -1; // most lines: out without a regex
        }
        Matcher m = NUMBERED_ITEM.matcher(line);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    static boolean[] codeBlocks(TextCleaner.Lines l) {
        return codeBlocks(l.lines(), l.prose(), l.chrome());
    }

    private static double weight(String line, boolean prose, boolean leftOut, boolean chrome) {
        int length = line.length();
        if (chrome) {
            return -Math.max(length, 20);
        }
        if (leftOut) {
            // a caption's credit or the author's bio: left out of the body, but it stands among the paragraphs, so it
            // weighs as a short line (no stronger: a story illustrated all through must not fall apart at its captions)
            return -SHORT_PENALTY * Math.min(length, PENALTY_CAP);
        }
        if (prose) {
            return length;
        }
        if (TextLines.isListItem(line)) {
            return length >= 80 ? 0.3 * length : -LIST_PENALTY * Math.min(length, PENALTY_CAP);
        }
        return -SHORT_PENALTY * Math.min(length, PENALTY_CAP);
    }

    /** Runs of this many short lines or more can be a code listing. */
    private static final int CODE_BLOCK_MIN_LINES = 3;

    /**
     * The short lines of code listings: a run of non-prose lines of which at least a third read like code. A listing
     * is part of the story it illustrates; weighed line by line as short lines, a long one split a technical
     * article in two and only one half was kept.
     */
    private static boolean[] codeBlocks(List<String> lines, boolean[] prose, boolean[] chrome) {
        boolean[] code = new boolean[lines.size()];
        int i = 0;
        while (i < lines.size()) {
            if (prose[i] || chrome[i]) {
                i++;
                continue;
            }
            int start = i;
            int codeLike = 0;
            while (i < lines.size() && !prose[i] && !chrome[i]) {
                if (looksLikeCode(lines.get(i))) {
                    codeLike++;
                }
                i++;
            }
            if (i - start >= CODE_BLOCK_MIN_LINES && codeLike * 3 >= i - start) {
                Arrays.fill(code, start, i, true);
            }
        }
        return code;
    }

    /** Code by its marks: brackets, assignment, a comment opener, an arrow. */
    private static boolean looksLikeCode(String line) {
        return TextLines.isCode(line)
                || line.startsWith("--")
                || line.startsWith("//")
                || line.startsWith("/*")
                || line.startsWith("#")
                || line.contains("->")
                || line.contains("=>")
                || line.endsWith("(");
    }

    /** A table copied as text puts each cell on its own line: a run with this many figures is a table, not a few labels. */
    private static final int TABLE_MIN_FIGURES = 10;

    private static final int FIGURE_CELL_MAX = 24;

    private static final double FIGURE_WEIGHT = 5;

    private static final Pattern DURATION = Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2})?");

    /**
     * A table's cell of figures ("$175,000", "37% / 40%", "3 (tie)", "3.6"): short, with a digit, and mostly not letters.
     * A third of a run of short lines like this is a table of the story's (a ranking, a price list).
     */
    private static boolean isFigureCell(String line) {
        int length = line.length();
        // a list's items are not cells (a rating widget's "- 1 ... - 5"), nor is a playlist's "05:49"
        if (length == 0
                || length > FIGURE_CELL_MAX
                || line.startsWith("- ")
                || (line.indexOf(':') > 0 && DURATION.matcher(line).matches())) {
            return false;
        }
        int digits = 0;
        int letters = 0;
        for (int k = 0; k < length; k++) {
            char c = line.charAt(k);
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        return digits > 0 && letters * 2 <= length - letters;
    }

    /**
     * The lines of tables copied as text, one cell a line: runs of short lines of which a third or more are figures.
     * Two tables of one story repeat their headers and row names (the same schools ranked full-time and part-time),
     * which is not a menu's repetition.
     */
    static boolean[] figureTables(List<String> lines, boolean[] prose) {
        boolean[] table = new boolean[lines.size()];
        int i = 0;
        while (i < lines.size()) {
            if (prose[i]) {
                i++;
                continue;
            }
            int start = i;
            int figures = 0;
            while (i < lines.size() && !prose[i]) {
                if (isFigureCell(lines.get(i))) {
                    figures++;
                }
                i++;
            }
            if (figures >= TABLE_MIN_FIGURES && figures * 3 >= i - start) {
                Arrays.fill(table, start, i, true);
            }
        }
        return table;
    }
}
