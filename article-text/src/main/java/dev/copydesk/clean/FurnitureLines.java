package dev.copydesk.clean;

import java.util.regex.Pattern;

/**
 * Lines of page furniture by their words: share and follow prompts, widget titles, labels, copyright lines (the
 * phrases are in {@code furniture-lines.txt}), the start of a page's comments, shopping widgets' price lines.
 */
public final class FurnitureLines {

    private FurnitureLines() {}

    /**
     * Furniture that sits inside article containers on sites of every kind: share and follow prompts,
     * advertisement labels, read-more and sign-up calls, copyright lines ({@code furniture-lines.txt}). Short lines
     * only: a sentence that merely mentions one of these words is prose.
     */
    private static final Pattern FURNITURE = Pattern.compile(
            "^(?:[-•*]\\s+|-{3,}\\s*)?(?:"
                    + String.join("|", PhraseList.of(FurnitureLines.class, "furniture-lines.txt")) + ")[.!:]?$",
            Pattern.CASE_INSENSITIVE);

    public static boolean isFurniture(String line) {
        return line.length() <= 80 && FURNITURE.matcher(line.strip()).matches();
    }

    /** Where a page's comments begin: nothing after it is the story. */
    private static final Pattern COMMENTS_START = Pattern.compile(
            "^(?:leave a (?:reply|comment)|post a comment|add a comment|(?:load|show|view|see|read) (?:all |the )?(?:\\d+ )?comments|\\d+ (?:\\p{L}+ )?(?:comments?|responses?|replies)|"
                    + "comments?(?: \\(\\d+\\))?|responses?|join the (?:discussion|conversation)|discussion about this post|"
                    + "what do you think\\?|reader comments|kommentare|commentaires|comentarios|评论|评论区)[.:!]?$",
            Pattern.CASE_INSENSITIVE);

    /** A comments heading that quotes the story's title: "6 thoughts on “...”", "15 Replies to “...”". */
    private static final Pattern COMMENTS_ON_TITLE = Pattern.compile(
            "^\\d+ (?:thoughts?|comments?|responses?|replies) (?:on|to) [“\"«„‘'].*", Pattern.CASE_INSENSITIVE);

    public static boolean startsComments(String line) {
        return line.length() <= 40
                ? COMMENTS_START.matcher(line.strip()).matches()
                : line.length() <= 300
                        && Character.isDigit(line.charAt(0))
                        && COMMENTS_ON_TITLE.matcher(line).matches();
    }

    /**
     * A shopping widget's line: a price and where to buy ("$1,599.00 from Lowe's", "$32 $29 at Amazon", "$90 $85 (6%
     * off)"), or "Buy now at ...", "Shop at ...". Reviews and gift guides put them between a story's paragraphs.
     */
    public static boolean isShoppingLine(String line) {
        if (line.isEmpty() || line.length() > 70) {
            return false;
        }
        char c = line.charAt(0);
        return (c == '$' || c == '£' || c == '€' || c == 'B' || c == 'b' || c == 'S' || c == 's')
                && SHOPPING.matcher(line).matches();
    }

    private static final Pattern SHOPPING = Pattern.compile(
            "(?:[$£€]\\s?\\d[\\d,.]*\\s*){1,2}(?:\\(\\d+% off\\)|(?:at|from) \\S.{0,40})|(?:buy|shop) (?:now )?at \\S.{0,40}",
            Pattern.CASE_INSENSITIVE);
}
