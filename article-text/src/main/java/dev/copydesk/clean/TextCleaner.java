package dev.copydesk.clean;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates the story from site chrome in text copied off a page, by the shape of the lines rather than by any
 * one site's strings. Three passes:
 * <ol>
 *   <li><b>Mark chrome</b> that no position can redeem: a <em>label line</em> with nothing after its colon is a list
 *       header ({@code 相关文章:}, {@code Related:}) and the list items under it are chrome; a label in another script
 *       than the story is site navigation ({@code 下一篇:'12.12...'}); share prompts, bylines, bare dates, reading
 *       times.</li>
 *   <li><b>Find the story</b>: every line gets a weight — positive for prose (several words ending like a
 *       sentence), negative for chrome and, mildly, for short lines — and the story is the contiguous run of lines
 *       with the greatest total weight (the maximum-subarray cut of Finn's body text extraction). Navigation above
 *       it and link lists below it fall outside; headings and short list items inside it stay.</li>
 *   <li><b>Headline</b>: the nearest headline-shaped line above the story, skipping bylines and stamps.</li>
 * </ol>
 */
public final class TextCleaner {

    private static final Pattern LABEL_LINE = Pattern.compile("^([^:：]{1,30}?)\\s*[:：]\\s*(.*)$");
    private static final Pattern BYLINE = Pattern.compile("^(?i:by|von|par|por|di)\\s+\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+(?:and\\s+)?\\p{Lu}[\\p{L}.'’\\-]*){0,4}$");
    private static final int HEADLINE_LOOKBACK = 12;
    /** Per character, capped: how much a short list item or a short line counts against the story around it. */
    private static final double LIST_PENALTY = 0.25;
    private static final double SHORT_PENALTY = 0.3;
    private static final int PENALTY_CAP = 40;

    public CleanedText clean(String rawText) {
        String text = TextNormalizer.normalize(MojibakeRepair.repair(rawText));
        List<String> withBlanks = new ArrayList<>();
        for (String line : text.split("\n")) {
            withBlanks.add(line.strip());
        }
        List<String> lines = unwrap(withBlanks);
        if (lines.isEmpty()) {
            return new CleanedText("", List.of(), 0);
        }
        boolean[] prose = new boolean[lines.size()]; // asked of every line several times: worked out once
        boolean[] leftOut = new boolean[lines.size()];
        for (int i = 0; i < prose.length; i++) {
            prose[i] = TextShapes.isProse(lines.get(i));
            // captions' photo credits, authors' bios and lines of bare addresses: not the story, but they stand among
            // its paragraphs (a technical post lists the links it cites in the middle of its text)
            leftOut[i] = TextShapes.endsWithPhotoCredit(lines.get(i)) || TextShapes.isAuthorBio(lines.get(i))
                    || TextShapes.isBareUrls(lines.get(i));
        }
        boolean[] table = figureTables(lines, prose);
        boolean[] chrome = markChrome(lines, prose, table, dominantScript(text));
        int[] story = storySpan(lines, prose, leftOut, chrome, table);
        if (story == null) {
            return withoutProse(lines, chrome);
        }
        story = cutAtComments(lines, prose, leftOut, chrome, story);
        story = cutAtWritersBox(lines, prose, leftOut, chrome, story);
        story = cutAtRepeatedCards(lines, prose, chrome, story);
        leaveOutClosingBios(lines, prose, leftOut, story);
        List<String> body = new ArrayList<>();
        Set<String> proseSeen = new HashSet<>();
        for (int i = story[0]; i <= story[1]; i++) {
            String line = lines.get(i);
            if (!chrome[i] && !leftOut[i] && (body.isEmpty() || !body.get(body.size() - 1).equals(line))
                    && (!prose[i] || proseSeen.add(line))) { // a second copy of a paragraph: the page's other layout
                body.add(line);
            }
        }
        body = TrailingTeasers.without(ReferenceList.without(body));
        int headline = headline(lines, chrome, story[0]);
        String title = headline >= 0 ? lines.get(headline) : "";
        return new CleanedText(title, List.copyOf(body), lines.size() - body.size() - (headline >= 0 ? 1 : 0),
                byline(lines, story[0]), stamp(lines, story[0]));
    }

    /**
     * The writer's box under the story, a line of the writer's name and a bio that opens with it ("Eduard Kovacs" /
     * "Eduard Kovacs (@EduardKovacs) is the managing editor at ..."), ends it: below it come the writer's other
     * stories and the site's promotions, which may read as prose. Only after the story's first paragraphs, and only
     * a bio with a writer's or an officer's role: a listicle's subhead "TurboTax" over "TurboTax is the big player..."
     * is the story.
     */
    private static int[] cutAtWritersBox(List<String> lines, boolean[] prose, boolean[] leftOut, boolean[] chrome, int[] story) {
        long proseBefore = 0;
        for (int i = story[0] + 1; i <= story[1]; i++) {
            if (!chrome[i - 1] && prose[i - 1]) {
                proseBefore += lines.get(i - 1).length();
            }
            String name = lines.get(i - 1);
            String line = lines.get(i);
            if (proseBefore >= COUNTER_PROSE_BEFORE && name.length() <= 40 && !prose[i - 1] && line.length() > name.length()
                    && line.startsWith(name) && line.charAt(name.length()) == ' ' && TextShapes.isClosingBio(line)) {
                return endBefore(i - 1, lines, prose, leftOut, chrome, story);
            }
        }
        return story;
    }

    /** The box about the writer under a story reads as prose: the story's last paragraphs are asked whether they are one. */
    private static void leaveOutClosingBios(List<String> lines, boolean[] prose, boolean[] leftOut, int[] story) {
        int asked = 0;
        for (int i = story[1]; i >= story[0] && asked < TextShapes.CLOSING_BIO_PARAGRAPHS; i--) {
            if (prose[i] && !leftOut[i]) {
                if (!TextShapes.isClosingBio(lines.get(i))) {
                    return;
                }
                leftOut[i] = true;
                asked++;
            }
        }
    }

    /** The names of the first byline line above the story or in its first lines ("By Lisa Mascaro and Kevin Freking"). */
    private static String byline(List<String> lines, int storyStart) {
        for (int i = 0; i < Math.min(lines.size(), storyStart + 3); i++) {
            Matcher m = BYLINE.matcher(lines.get(i));
            if (m.matches()) {
                return lines.get(i).replaceFirst("^\\S+\\s+", "").strip();
            }
        }
        return "";
    }

    /** The first date stamp line ("Published ...", a bare date) above the story or in its first lines. */
    private static String stamp(List<String> lines, int storyStart) {
        for (int i = 0; i < Math.min(lines.size(), storyStart + 3); i++) {
            String line = lines.get(i);
            if (TextShapes.isMetadata(line) && line.chars().filter(Character::isDigit).count() >= 4
                    && !BYLINE.matcher(line).matches()) {
                return line;
            }
        }
        return "";
    }

    /**
     * A comments section inside the story ends it: from its first line on, everything is chrome. Not above the
     * story's first paragraphs: "31 comments" beside the byline, with less than {@value #COUNTER_PROSE_BEFORE}
     * characters of prose above it, counts the comments below the story.
     */
    private static int[] cutAtComments(List<String> lines, boolean[] prose, boolean[] leftOut, boolean[] chrome, int[] story) {
        long proseBefore = 0;
        for (int i = story[0]; i <= story[1]; i++) {
            if (!chrome[i] && prose[i]) {
                proseBefore += lines.get(i).length();
            }
            if (i == story[0] || proseBefore < COUNTER_PROSE_BEFORE) {
                continue;
            }
            if (TextShapes.startsComments(lines.get(i))) {
                return endBefore(i, lines, prose, leftOut, chrome, story);
            }
        }
        return story;
    }

    /**
     * Whether the line at {@code first} comes back twice more at the same step, each time before lines of the same
     * shape and among them a stamp: a listing of cards (section, headline, author, date, excerpt), however many of
     * them follow the story.
     */
    private static boolean repeatsInStep(List<String> lines, boolean[] prose, int first, int last) {
        String marker = lines.get(first);
        int second = -1;
        for (int j = first + 2; j <= Math.min(last, first + MAX_CARD_LINES); j++) {
            if (lines.get(j).equals(marker)) {
                second = j;
                break;
            }
        }
        int step = second - first;
        if (second < 0 || second + step > last || !lines.get(second + step).equals(marker)) {
            return false;
        }
        boolean stamped = false;
        for (int k = 1; k < step; k++) {
            if (prose[first + k] != prose[second + k]) {
                return false;
            }
            stamped |= TextShapes.isMetadata(lines.get(first + k)) && TextShapes.isMetadata(lines.get(second + k))
                    && TextShapes.isMetadata(lines.get(second + step + k));
        }
        return stamped; // a date or a byline on every card: a listing of stories, not a table in this one
    }

    /** The most lines one card of a listing takes. */
    private static final int MAX_CARD_LINES = 8;

    /** A short line that comes back this often in the story's last part is the button of a row of cards. */
    private static final int CARD_MARKER_REPEATS = 3;
    private static final int CARD_MARKER_MAX_LENGTH = 30;
    /** How much of the story's prose must stand above the first card. */
    private static final double CARDS_AFTER_STORY_SHARE = 0.7;

    /**
     * Ends the story where a row of cards begins: teasers of other articles, comments, product boxes, each closed by
     * the same short line ("Read more", "Reply", "Buy now", a date). The first line that the story repeats at least
     * three times, once 70% of its prose stands above it, closes the first card; the card's text and its few
     * heading lines above that go too. A story repeats its own short lines far less, and seldom only at its end.
     */
    private static int[] cutAtRepeatedCards(List<String> lines, boolean[] prose, boolean[] chrome, int[] story) {
        Map<String, Integer> shortLines = new HashMap<>();
        long total = 0;
        for (int i = story[0]; i <= story[1]; i++) {
            String line = lines.get(i);
            if (prose[i]) {
                total += chrome[i] ? 0 : line.length();
            } else if (line.length() <= CARD_MARKER_MAX_LENGTH && hasWord(line)) {
                // a word: a code block's braces and a table's numbers repeat without being cards
                shortLines.merge(line, 1, Integer::sum);
            }
        }
        Set<String> seen = new HashSet<>();
        long before = 0;
        for (int i = story[0]; i <= story[1]; i++) {
            String line = lines.get(i);
            boolean candidate = !prose[i] && shortLines.getOrDefault(line, 0) >= CARD_MARKER_REPEATS && !seen.contains(line);
            boolean afterStory = before >= CARDS_AFTER_STORY_SHARE * total;
            // a listing that outweighs the story, told by its step: it opens on its marker ("Front Page")
            boolean listing = !afterStory && before >= COUNTER_PROSE_BEFORE && candidate && repeatsInStep(lines, prose, i, story[1]);
            if (candidate && (afterStory || listing)) {
                int end = i - 1;
                while (!listing && end > story[0] && prose[end]) {
                    end--; // the card's text, above the marker that closes a card ("Read more")
                }
                for (int headings = 0; end > story[0] && !prose[end] && headings < 3; headings++) {
                    end--; // its title, byline, date; a listing's own heading
                }
                return end > story[0] ? new int[] {story[0], end} : story;
            }
            if (!prose[i]) {
                seen.add(line); // only short lines are asked for: hashing every paragraph cost 3% of text cleaning
            } else if (!chrome[i]) {
                before += line.length();
            }
        }
        return story;
    }

    private static boolean hasWord(String line) {
        int letters = 0;
        for (int i = 0; i < line.length() && letters < 3; i++) {
            letters = Character.isLetter(line.charAt(i)) ? letters + 1 : 0;
        }
        return letters >= 3;
    }

    /** Less prose than this above a comments heading: the heading is a comment counter at the story's top. */
    private static final int COUNTER_PROSE_BEFORE = 500;

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
                if (line.length() >= WRAP_SAMPLE_MIN && !isListItem(line)) {
                    lengths.add(line.length()); // list items: a site's menus run to one length, and are never joined
                }
            }
        }
        if (lengths.size() < 10) {
            return lines;
        }
        Collections.sort(lengths);
        int width = lengths.get((int) (0.95 * (lengths.size() - 1)));
        long nearWidth = lengths.stream().filter(n -> n >= width - 15 && n <= width + 1).count();
        if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH || nearWidth * 2 < lengths.size()) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.size());
        StringBuilder paragraph = null;
        for (String line : linesWithBlanks) {
            if (line.isBlank() || isListItem(line)) {
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

    /** Everything from line {@code from} on is chrome: the story is found again above it (or stays, if none is). */
    private static int[] endBefore(int from, List<String> lines, boolean[] prose, boolean[] leftOut, boolean[] chrome, int[] story) {
        for (int j = from; j < lines.size(); j++) {
            chrome[j] = true;
        }
        // the tables again, from the same lines: only on the rare page cut below its story
        int[] before = storySpan(lines, prose, leftOut, chrome, figureTables(lines, prose));
        return before != null ? before : story;
    }

    /** A list label that heads this many lists is the story's template, not a related-links box. */
    private static final int CONTENT_LABEL_REPEATS = 3;

    /** Lines that are chrome wherever they stand. */
    private static boolean[] markChrome(List<String> lines, boolean[] prose, boolean[] table, UnicodeScript storyScript) {
        boolean[] chrome = new boolean[lines.size()];
        // how often each short line recurs: only lines that are not prose are asked (hashing every paragraph of the
        // story was 3% of text cleaning)
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!prose[i]) {
                seen.merge(lines.get(i), 1, Integer::sum);
            }
        }
        boolean inChromeList = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (inChromeList && (isListItem(line) || !prose[i])) {
                chrome[i] = true;
                continue;
            }
            inChromeList = false;
            Matcher label = hasEarlyColon(line) ? LABEL_LINE.matcher(line) : null;
            if (label != null && label.matches() && isLabel(label.group(1))) {
                // a label the page repeats card after card ("Pros:", "Cons:") heads the story's own lists
                if (label.group(2).isEmpty() && seen.getOrDefault(line, 1) < CONTENT_LABEL_REPEATS && listsHeadlines(lines, prose, i + 1)) {
                    inChromeList = true;
                    chrome[i] = true;
                    continue;
                }
                if (dominantScript(label.group(1)) != storyScript) {
                    chrome[i] = true;
                    continue;
                }
                if (!label.group(2).isEmpty() && !isListItem(line) && TextShapes.isFurniture(label.group(1))) {
                    chrome[i] = true; // "Related: <another story>", "Read more: ...", "Email: ..." inside the story
                    continue;
                }
            }
            // a short line the page repeats is a menu entry, a "Reply" button, a widget title, not story
            boolean repeated = !prose[i] && seen.get(line) > 1 && i > 0 && !lines.get(i - 1).equals(line)
                    && !isCode(line) && !table[i]; // code repeats its braces and calls, tables their headers and rows: not a menu
            chrome[i] = repeated || TextShapes.isTemplateSentence(line) || TextShapes.isFurniture(line) || TextShapes.isMetadata(line)
                    || TextShapes.isGluedLinks(line) || TextShapes.isShoppingLine(line) || TextShapes.isMarkupParagraph(line)
                    || TextShapes.isEmbedCode(line)
                    || BYLINE.matcher(line).matches();
        }
        return chrome;
    }

    /**
     * Whether the list from {@code from} on (list items and short lines) is a list of headlines, as under
     * "相关文章:" or "Related:", rather than the story's own list under "Pros:" or "Ingredients:". Headlines do not
     * end on a full stop and run short; the story's items mostly are sentences or "term: explanation" pairs.
     */
    private static boolean listsHeadlines(List<String> lines, boolean[] prose, int from) {
        int items = 0;
        int sentences = 0;
        for (int j = from; j < lines.size() && j < from + 30; j++) {
            String line = lines.get(j);
            if (!isListItem(line) && prose[j]) {
                break;
            }
            items++;
            int words = TextShapes.words(line);
            if (words >= 20 || (words >= 5 && endsOnFullStop(line)) || (words >= 8 && hasEarlyColon(line)) || isCode(line)) {
                sentences++; // or a line of code: "Output:", "This function prints:" above a code block
            }
        }
        return sentences * 2 < items || items == 0;
    }

    /** A line of program code: it holds brackets, braces, semicolons or an assignment, which headlines do not. */
    private static boolean isCode(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '{' || c == '}' || c == ';' || c == '=' || (c == '(' && i + 1 < line.length() && line.charAt(i + 1) == ')')) {
                return true;
            }
        }
        return false;
    }

    /** Ends on a full stop, not on an ellipsis ("Five ways to spice up your presen..." is a cut headline). */
    private static boolean endsOnFullStop(String line) {
        int end = line.length();
        while (end > 0 && "\"”’')".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 1 && (line.charAt(end - 1) == '.' || line.charAt(end - 1) == '。') && line.charAt(end - 2) != '.';
    }

    /** First and last line of the heaviest run, or null when no line reads like prose. */
    private static int[] storySpan(List<String> lines, boolean[] prose, boolean[] leftOut, boolean[] chrome, boolean[] table) {
        int bestStart = -1;
        int bestEnd = -1;
        double best = 0;
        double run = 0;
        int runStart = 0;
        boolean[] code = codeBlocks(lines, prose, chrome);
        for (int i = 0; i < lines.size(); i++) {
            // a listing weighs nothing, a table its figures: both are the story's, however short their lines
            run += code[i] ? 0 : table[i] && !chrome[i] ? (isFigureCell(lines.get(i)) ? FIGURE_WEIGHT : 0)
                    : weight(lines.get(i), prose[i], leftOut[i], chrome[i]);
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
                java.util.Arrays.fill(code, start, i, true);
            }
        }
        return code;
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
        if (length == 0 || length > FIGURE_CELL_MAX || line.startsWith("- ")
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
    private static boolean[] figureTables(List<String> lines, boolean[] prose) {
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
                java.util.Arrays.fill(table, start, i, true);
            }
        }
        return table;
    }

    /** Code by its marks: brackets, assignment, a comment opener, an arrow. */
    private static boolean looksLikeCode(String line) {
        return isCode(line) || line.startsWith("--") || line.startsWith("//") || line.startsWith("/*") || line.startsWith("#")
                || line.contains("->") || line.contains("=>") || line.endsWith("(");
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
        if (isListItem(line)) {
            return length >= 80 ? 0.3 * length : -LIST_PENALTY * Math.min(length, PENALTY_CAP);
        }
        return -SHORT_PENALTY * Math.min(length, PENALTY_CAP);
    }


    /** The nearest line above the story that can be a headline: not chrome, a few words, no byline, no sentence run-on. */
    private static int headline(List<String> lines, boolean[] chrome, int storyStart) {
        for (int i = storyStart - 1; i >= 0 && i >= storyStart - HEADLINE_LOOKBACK; i--) {
            String line = lines.get(i);
            if (chrome[i] || isListItem(line) || (i > 0 && lines.get(i - 1).equals(line))) {
                continue;
            }
            if (canBeHeadline(line)) {
                return i;
            }
        }
        return -1;
    }

    /** No prose anywhere (a brief, a list): every line that is not chrome, the first as headline when there are several. */
    private static CleanedText withoutProse(List<String> lines, boolean[] chrome) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!chrome[i]) {
                kept.add(lines.get(i));
            }
        }
        int removed = lines.size() - kept.size();
        if (kept.size() <= 1) {
            return new CleanedText("", List.copyOf(kept), removed);
        }
        return new CleanedText(kept.get(0), List.copyOf(kept.subList(1, kept.size())), removed);
    }

    private static boolean hasEarlyColon(String line) {
        for (int i = 0, n = Math.min(line.length(), 33); i < n; i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '：') {
                return true;
            }
        }
        return false;
    }

    /** A label: a few words, no sentence punctuation, not a time like 10:30. */
    private static boolean isLabel(String candidate) {
        String s = candidate.strip();
        if (s.isEmpty() || s.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return s.split("\\s+").length <= 4 && !TextShapes.endsSentence(s) && s.indexOf(',') < 0;
    }

    /** A headline: two to thirty words (or a CJK line of some length) that is not a byline. */
    private static boolean canBeHeadline(String line) {
        int words = TextShapes.words(line);
        boolean spaced = words >= 2 || line.codePointCount(0, line.length()) >= 6;
        return spaced && words <= 30 && !BYLINE.matcher(line).matches();
    }

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

    /** The script most letters of the text are written in (Latin, Han, Hangul, Cyrillic...). */
    static UnicodeScript dominantScript(String text) {
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
