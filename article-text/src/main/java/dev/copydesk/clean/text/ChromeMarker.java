package dev.copydesk.clean.text;

import dev.copydesk.clean.FurnitureLines;
import dev.copydesk.clean.MarkupLines;
import dev.copydesk.clean.MetadataLines;
import dev.copydesk.clean.Prose;
import dev.copydesk.clean.RuleSwitches;
import dev.copydesk.clean.TemplateSentences;
import dev.copydesk.script.Scripts;
import java.lang.Character.UnicodeScript;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The first pass: chrome that no position can redeem. A label line with nothing after its colon heads a list of
 * other pages ({@code 相关文章:}, {@code Related:}) and the items under it are chrome; a label in another script than
 * the story is site navigation ({@code 下一篇:'12.12...'}); share prompts, bylines, bare dates, reading times.
 */
final class ChromeMarker {

    private ChromeMarker() {}

    /** A list label that heads this many lists is the story's template, not a related-links box. */
    private static final int CONTENT_LABEL_REPEATS = 3;

    /** Lines that are chrome wherever they stand. */
    static boolean[] markChrome(List<String> lines, boolean[] prose, boolean[] table, UnicodeScript storyScript) {
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
            if (inChromeList && (TextLines.isListItem(line) || !prose[i])) {
                chrome[i] = true;
                continue;
            }
            inChromeList = false;
            Matcher label = TextLines.hasEarlyColon(line) ? TextLines.LABEL_LINE.matcher(line) : null;
            if (label != null && label.matches() && TextLines.isLabel(label.group(1))) {
                // a label the page repeats card after card ("Pros:", "Cons:") heads the story's own lists
                if (RuleSwitches.on("text.headline-lists")
                        && label.group(2).isEmpty()
                        && seen.getOrDefault(line, 1) < CONTENT_LABEL_REPEATS
                        && listsHeadlines(lines, prose, i + 1, FurnitureLines.isFurniture(label.group(1)))) {
                    inChromeList = true;
                    chrome[i] = true;
                    continue;
                }
                if (RuleSwitches.on("text.foreign-labels") && Scripts.dominantScript(label.group(1)) != storyScript) {
                    chrome[i] = true;
                    continue;
                }
                if (RuleSwitches.on("text.labelled-furniture")
                        && !label.group(2).isEmpty()
                        && !TextLines.isListItem(line)
                        && FurnitureLines.isFurniture(label.group(1))) {
                    chrome[i] = true; // "Related: <another story>", "Read more: ...", "Email: ..." inside the story
                    continue;
                }
            }
            // a short line the page repeats is a menu entry, a "Reply" button, a widget title, not story
            boolean repeated = RuleSwitches.on("text.repeated-lines")
                    && !prose[i]
                    && seen.get(line) > 1
                    && i > 0
                    && !lines.get(i - 1).equals(line)
                    && !TextLines.isCode(line)
                    && !table[i]; // code repeats its braces and calls, tables their headers and rows: not a menu
            chrome[i] = repeated
                    || (RuleSwitches.on("text.template-sentences") && TemplateSentences.isTemplateSentence(line))
                    || (RuleSwitches.on("text.furniture-lines") && FurnitureLines.isFurniture(line))
                    || (RuleSwitches.on("text.metadata-lines") && MetadataLines.isMetadata(line))
                    || (RuleSwitches.on("text.glued-links") && MarkupLines.isGluedLinks(line))
                    || (RuleSwitches.on("text.shopping-lines") && FurnitureLines.isShoppingLine(line))
                    || (RuleSwitches.on("text.markup-paragraphs") && MarkupLines.isMarkupParagraph(line))
                    || (RuleSwitches.on("text.embed-code") && MarkupLines.isEmbedCode(line))
                    || (RuleSwitches.on("text.bylines")
                            && Headline.BYLINE.matcher(line).matches());
        }
        return chrome;
    }

    /**
     * Whether the list from {@code from} on (list items and short lines) is a list of headlines, as under
     * "相关文章:" or "Related:", rather than the story's own list under "Pros:" or "Ingredients:". Headlines do not
     * end on a full stop and run short; the story's items mostly are sentences or "term: explanation" pairs; and
     * no paragraph of the story follows them unless the label is furniture's.
     */
    private static boolean listsHeadlines(List<String> lines, boolean[] prose, int from, boolean furnitureLabel) {
        int items = 0;
        int sentences = 0;
        for (int j = from; j < lines.size() && j < from + 30; j++) {
            String line = lines.get(j);
            if (!TextLines.isListItem(line) && prose[j]) {
                if (!furnitureLabel) {
                    // the story's prose goes on after the list: the story's own list ("Here's a quick overview:",
                    // "Examples of white grapes:"), not a box of other pages, which closes the story or stands
                    // outside it, unless its label is one ("Related:", "Read more:"). Judged by site folds
                    return false;
                }
                break;
            }
            items++;
            int words = Prose.words(line);
            if (words >= 20
                    || (words >= 5 && TextLines.endsOnFullStop(line))
                    || (words >= 8 && TextLines.hasEarlyColon(line))
                    || TextLines.isCode(line)) {
                sentences++; // or a line of code: "Output:", "This function prints:" above a code block
            }
        }
        return sentences * 2 < items || items == 0;
    }
}
