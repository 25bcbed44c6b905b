package dev.copydesk.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes out the teasers of other stories that close a page: two or more paragraphs cut off with an ellipsis in
 * mid-sentence ("... keeping the existing style of the…", "Continue reading to learn ab..."), the excerpts a
 * "related posts" listing shows of other pages, with the short lines between and over them (their headlines, dates,
 * the listing's heading). Found by the cut, not by a heading's words, so it holds in any language. Excerpts read as
 * prose to every other rule, and in HTML their cards are often named like the story's own wrapper.
 *
 * <p>Only at the end (a few short lines of the page's may follow), after the story's first third, and only where
 * the story before them outweighs them: a story may trail off with an ellipsis once, and a page that is a listing
 * (an agenda of sessions, each with its excerpt) keeps its listing.
 */
public final class TrailingTeasers {

    /** Cut-off paragraphs in the run: one alone may be the writer's own ellipsis. */
    static final int MIN_TEASERS = 2;
    /** An excerpt is a sentence or more; a shorter line with an ellipsis is a label ("Read more..."). */
    private static final int MIN_TEASER = 60;
    /** Short lines stepped back over before the first teaser: its headline, its date, the listing's heading. */
    private static final int LINES_OVER = 3;
    /**
     * What may follow the listing and go with it: the page's own lines under it (an app's pitch, a copyright line, the
     * site's description), a few and short.
     */
    private static final int TAIL_LINES = 4;

    private static final int TAIL_CHARS = 600;
    /** A word, number or comma right before the ellipsis: the cut runs through a sentence, not after one. */
    private static final Pattern CUT = Pattern.compile("[\\p{L}\\p{N},;] ?(?:…|\\.\\.\\.|\\[…]|\\[\\.\\.\\.])$");
    /** The longest cut: a letter, a space, "[...]". */
    private static final int CUT_SPAN = 7;

    private TrailingTeasers() {}

    /** The paragraphs without the run of teasers that closes them (the same list if there is none). */
    public static List<String> without(List<String> paragraphs) {
        if (!RuleSwitches.on("both.trailing-teasers")) {
            return paragraphs;
        }
        int n = paragraphs.size();
        int last = n - 1;
        for (int tail = 0, chars = 0; last >= 0 && !isTeaser(paragraphs.get(last)); last--) {
            chars += paragraphs.get(last).length();
            if (++tail > TAIL_LINES || chars > TAIL_CHARS) {
                return paragraphs;
            }
        }
        int teasers = 0;
        int teaserChars = 0;
        int start = n;
        for (int i = last; i >= n / 3; i--) {
            String paragraph = paragraphs.get(i);
            if (isTeaser(paragraph)) {
                teasers++;
                teaserChars += paragraph.length();
                start = i;
            } else if (Prose.isProse(paragraph) || paragraph.startsWith("- ")) {
                break; // the story's own last paragraph, or a list of its own
            }
        }
        if (teasers < MIN_TEASERS) {
            return paragraphs;
        }
        for (int over = 0;
                over < LINES_OVER
                        && start > 0
                        && !Prose.isProse(paragraphs.get(start - 1))
                        && !paragraphs.get(start - 1).startsWith("- ");
                over++) {
            start--;
        }
        int storyChars = 0;
        for (int i = 0; i < start; i++) {
            if (Prose.isProse(paragraphs.get(i))) {
                storyChars += paragraphs.get(i).length();
            }
        }
        return storyChars > teaserChars ? new ArrayList<>(paragraphs.subList(0, start)) : paragraphs;
    }

    static boolean isTeaser(String paragraph) {
        int length = paragraph.length();
        // the cut is in the last characters: the match never reads the rest of a long paragraph
        return length >= MIN_TEASER
                && CUT.matcher(paragraph).region(length - CUT_SPAN, length).find();
    }
}
