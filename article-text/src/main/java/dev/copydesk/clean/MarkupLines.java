package dev.copydesk.clean;

/** Code and links shown as text: a paragraph in HTML source, embed codes, menus glued into one line, bare URLs. */
public final class MarkupLines {

    private MarkupLines() {}

    /**
     * A paragraph of the story as HTML source ({@code <p>Even with ample money, schools ...</p>}): the "republish
     * this story" box of news sites prints the story's markup for copying. A tag, prose, a closing tag; code samples
     * of tutorials hold short text between their tags.
     */
    public static boolean isMarkupParagraph(String line) {
        int length = line.length();
        if (length < 90
                || line.charAt(0) != '<'
                || !Character.isLetter(line.charAt(1))
                || line.charAt(length - 1) != '>') {
            return false;
        }
        int text = 0;
        boolean inTag = false;
        for (int i = 0; i < length; i++) {
            char ch = line.charAt(i);
            if (ch == '<') {
                inTag = true;
            } else if (ch == '>') {
                inTag = false;
            } else if (!inTag) {
                text++;
            }
        }
        return text >= 80;
    }

    /**
     * The code a player or post offers for embedding it elsewhere ({@code Embed <iframe src="..." ...>}), shown as
     * text beside audio and video: an opening {@code <iframe} or {@code <script} after at most a short label.
     */
    public static boolean isEmbedCode(String line) {
        int open = line.indexOf('<');
        return open >= 0
                && open <= EMBED_LABEL
                && line.charAt(line.length() - 1) == '>'
                && (line.startsWith("<iframe", open) || line.startsWith("<script", open));
    }

    private static final int EMBED_LABEL = 20;

    /**
     * A row of links rendered without spaces between them ("HomeWeatherTraffic7 On Your SideLocalishShop", "IRFC share
     * priceSuzlon share price"): where a page's text is copied off its menus and footers, each link's words run into
     * the next one's. Three or more words glued so (a lower-case letter or digit, then a capitalised word), at least
     * one per eight words, on a line that does not end like a sentence or code. Brand names (TikTok, LinkedIn) glue
     * once or twice in a sentence, code lines end on brackets or hold operators.
     */
    public static boolean isGluedLinks(String line) {
        int length = line.length();
        if (length < 12) {
            return false;
        }
        char last = line.charAt(length - 1);
        if (".!?:;{}()'\"”’".indexOf(last) >= 0) {
            return false;
        }
        int joins = 0;
        int chunkStart = 0; // where the current word began: the token's start or the last join
        for (int i = 1; i + 2 < length; i++) {
            char c = line.charAt(i);
            char before = line.charAt(i - 1);
            if (Character.isWhitespace(before)) {
                chunkStart = i;
            }
            if (c >= 'A' && c <= 'Z') {
                // both words whole: "StatusStock" glues, "TikTok" and "YouTube" (three letters before) do not
                if (((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9'))
                        && i - chunkStart >= 4
                        && isLowerAscii(line.charAt(i + 1))
                        && isLowerAscii(line.charAt(i + 2))) {
                    joins++;
                    chunkStart = i;
                }
            } else if (c == '(' || c == '<' || c == '=' || c == '$') {
                return false; // code or markup
            }
        }
        return joins >= 3 && joins * 8 >= Prose.words(line);
    }

    private static boolean isLowerAscii(char c) {
        return c >= 'a' && c <= 'z';
    }

    /**
     * A line of nothing but web addresses ("https://finance.yahoo.com/news/... https://www.haier.com/..."): a source
     * list or a profile's links printed as text. A story names a site in a sentence; the dev ground truths drop 111
     * of 136 such lines.
     */
    public static boolean isBareUrls(String line) {
        int i = line.startsWith("- ") ? 2 : 0;
        int length = line.length();
        boolean any = false;
        while (i < length) {
            while (i < length && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i == length) {
                break;
            }
            if (!(line.startsWith("https://", i) || line.startsWith("http://", i))) {
                return false;
            }
            boolean dotted = false; // "https://" alone is the scheme a story explains, not an address
            while (i < length && !Character.isWhitespace(line.charAt(i))) {
                dotted |= line.charAt(i) == '.' && i + 1 < length && !Character.isWhitespace(line.charAt(i + 1));
                i++;
            }
            if (!dotted) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
