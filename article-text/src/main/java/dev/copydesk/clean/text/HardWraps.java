package dev.copydesk.clean.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Joins the lines of text hard-wrapped at a fixed width back into paragraphs. */
final class HardWraps {

    private HardWraps() {}

    /** Lines of at least this many characters tell the wrap width of hard-wrapped text. */
    private static final int WRAP_SAMPLE_MIN = 40;

    /** The columns text is hard-wrapped at (60 to 100; feeds and mail use 69 to 80): a normal page's lines run far longer. */
    private static final int MIN_WRAP_WIDTH = 60;

    private static final int MAX_WRAP_WIDTH = 100;

    /** A line this close to the wrap width was broken by the wrap, not by its writer. */
    private static final int WRAP_SLACK = 20;

    /**
     * The non-blank lines, with hard-wrapped text (fixed-width wire feeds, plain-text pages, mail) joined back into
     * paragraphs. Wrapped, no line reads as a paragraph of prose and the story is lost to the chrome around it. The
     * text is taken as wrapped when its long lines pile up just under one column: the 95th percentile of their
     * lengths is between 60 and 100 characters and half of them lie within 15 of it. A line that reaches within 20
     * of that column is then joined with the next, unless a blank line or a list item follows.
     */
    static List<String> unwrap(List<String> linesWithBlanks) {
        List<String> lines = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (String line : linesWithBlanks) {
            if (!line.isBlank()) {
                lines.add(line);
                if (line.length() >= WRAP_SAMPLE_MIN && !TextLines.isListItem(line)) {
                    lengths.add(line.length()); // list items: a site's menus run to one length, and are never joined
                }
            }
        }
        if (lengths.size() < 10) {
            return lines;
        }
        Collections.sort(lengths);
        int width = lengths.get((int) (0.95 * (lengths.size() - 1)));
        long nearWidth =
                lengths.stream().filter(n -> n >= width - 15 && n <= width + 1).count();
        if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH || nearWidth * 2 < lengths.size()) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.size());
        StringBuilder paragraph = null;
        for (String line : linesWithBlanks) {
            if (line.isBlank() || TextLines.isListItem(line)) {
                if (paragraph != null) {
                    out.add(paragraph.toString());
                    paragraph = null;
                }
                if (line.isBlank()) {
                    continue;
                }
            }
            if (paragraph != null) {
                paragraph.append(' ').append(line);
            } else {
                paragraph = new StringBuilder(line);
            }
            if (line.length() < width - WRAP_SLACK) {
                out.add(paragraph.toString());
                paragraph = null;
            }
        }
        if (paragraph != null) {
            out.add(paragraph.toString());
        }
        return out;
    }
}
