package dev.copydesk.clean.text;

import dev.copydesk.clean.BioLines;
import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.MarkupLines;
import dev.copydesk.clean.MojibakeRepair;
import dev.copydesk.clean.PhotoCredits;
import dev.copydesk.clean.Prose;
import dev.copydesk.clean.ReferenceList;
import dev.copydesk.clean.RuleSwitches;
import dev.copydesk.clean.TextNormalizer;
import dev.copydesk.clean.TrailingTeasers;
import dev.copydesk.script.Scripts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    private final LineScorer scorer;

    /** The shipped cleaner: hand weights for the story's lines. */
    public TextCleaner() {
        this(null);
    }

    /** A cleaner that adds a learned scorer's weights to the hand weights (null: the hand weights alone). */
    public TextCleaner(LineScorer scorer) {
        this.scorer = scorer;
    }

    /** A text's lines after the first pass, with what is known of each; what the line scorer learns from too. */
    record Lines(List<String> lines, boolean[] prose, boolean[] leftOut, boolean[] table, boolean[] chrome) {}

    static Lines firstPass(String rawText) {
        String text = TextNormalizer.normalize(MojibakeRepair.repair(rawText));
        List<String> withBlanks = new ArrayList<>();
        for (String line : text.split("\n")) {
            withBlanks.add(line.strip());
        }
        List<String> lines = HardWraps.unwrap(withBlanks);
        boolean[] prose = new boolean[lines.size()]; // asked of every line several times: worked out once
        boolean[] leftOut = new boolean[lines.size()];
        for (int i = 0; i < prose.length; i++) {
            prose[i] = Prose.isProse(lines.get(i));
            // captions' photo credits, authors' bios and lines of bare addresses: not the story, but they stand among
            // its paragraphs (a technical post lists the links it cites in the middle of its text)
            leftOut[i] = (RuleSwitches.on("text.photo-credits") && PhotoCredits.endsWithPhotoCredit(lines.get(i)))
                    || (RuleSwitches.on("text.bio-lines") && BioLines.isAuthorBio(lines.get(i)))
                    || (RuleSwitches.on("text.bare-urls") && MarkupLines.isBareUrls(lines.get(i)));
        }
        boolean[] table = RuleSwitches.on("text.figure-tables")
                ? StorySpan.figureTables(lines, prose)
                : new boolean[lines.size()];
        boolean[] chrome = lines.isEmpty()
                ? new boolean[0]
                : ChromeMarker.markChrome(lines, prose, table, Scripts.dominantScript(text));
        return new Lines(lines, prose, leftOut, table, chrome);
    }

    public CleanedText clean(String rawText) {
        Lines first = firstPass(rawText);
        List<String> lines = first.lines();
        if (lines.isEmpty()) {
            return new CleanedText("", List.of(), 0);
        }
        boolean[] prose = first.prose();
        boolean[] leftOut = first.leftOut();
        boolean[] table = first.table();
        boolean[] chrome = first.chrome();
        int[] story = scorer == null
                ? StorySpan.storySpan(lines, prose, leftOut, chrome, table)
                : StorySpan.storySpan(lines, prose, chrome, scorer.weights(first));
        if (story == null) {
            return withoutProse(lines, chrome);
        }
        if (RuleSwitches.on("text.cut-at-comments")) {
            story = StoryCuts.cutAtComments(lines, prose, leftOut, chrome, story);
        }
        if (RuleSwitches.on("text.cut-at-writers-box")) {
            story = StoryCuts.cutAtWritersBox(lines, prose, leftOut, chrome, story);
        }
        if (RuleSwitches.on("text.cut-at-repeated-cards")) {
            story = StoryCuts.cutAtRepeatedCards(lines, prose, chrome, story);
        }
        if (RuleSwitches.on("text.closing-bios")) {
            StoryCuts.leaveOutClosingBios(lines, prose, leftOut, story);
        }
        List<String> body = new ArrayList<>();
        Set<String> proseSeen = new HashSet<>();
        for (int i = story[0]; i <= story[1]; i++) {
            String line = lines.get(i);
            if (!chrome[i]
                    && !leftOut[i]
                    && (body.isEmpty() || !body.get(body.size() - 1).equals(line))
                    && (!prose[i]
                            || proseSeen.add(line)
                            || !RuleSwitches.on(
                                    "text.second-copies"))) { // a second copy of a paragraph: the page's other layout
                body.add(line);
            }
        }
        body = TrailingTeasers.without(ReferenceList.without(body));
        int headline = Headline.headline(lines, chrome, story[0]);
        String title = headline >= 0 ? lines.get(headline) : "";
        String byline = Headline.byline(lines, story[0]);
        Optional<WireCredit> credit = wireCredit(lines, story);
        if (byline.isEmpty() && credit.isPresent()) {
            byline = String.join(", ", credit.get().writers());
        }
        return new CleanedText(
                title,
                List.copyOf(body),
                lines.size() - body.size() - (headline >= 0 ? 1 : 0),
                byline,
                Headline.stamp(lines, story[0]),
                credit.map(WireCredit::credited).orElse(List.of()));
    }

    /** How far below the story a wire credit line can stand: past a "Related:" list it is another story's. */
    private static final int CREDIT_LOOKAHEAD = 3;

    /** The wire credit line closing the story: its last lines, or just below them. */
    private static Optional<WireCredit> wireCredit(List<String> lines, int[] story) {
        int from = Math.max(story[0], story[1] - 1);
        for (int i = from; i < lines.size() && i <= story[1] + CREDIT_LOOKAHEAD; i++) {
            Optional<WireCredit> credit = WireCredit.parse(lines.get(i));
            if (credit.isPresent()) {
                return credit;
            }
        }
        return Optional.empty();
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
}
