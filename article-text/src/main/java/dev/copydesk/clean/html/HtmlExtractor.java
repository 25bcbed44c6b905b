package dev.copydesk.clean.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copydesk.clean.BioLines;
import dev.copydesk.clean.FurnitureLines;
import dev.copydesk.clean.MarkupLines;
import dev.copydesk.clean.MetadataLines;
import dev.copydesk.clean.MojibakeRepair;
import dev.copydesk.clean.Prose;
import dev.copydesk.clean.ReferenceList;
import dev.copydesk.clean.RuleSwitches;
import dev.copydesk.clean.TemplateSentences;
import dev.copydesk.clean.TrailingTeasers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The main content of an HTML page as paragraphs, plus its metadata. The page is cut into text blocks (the text
 * under each block-level element; a table row is one block), furniture is removed first (scripts, navigation,
 * hidden elements, elements whose class or id names comments, sharing, sidebars, related links...), and then
 * the article is the element with the greatest <em>text mass</em>: every block adds its length to all its
 * ancestors, positively for prose and negatively for link lists and short fragments. Inside the article, link
 * lists, template sentences, bylines, stamps and loose fragments are dropped, and the edges are trimmed to prose.
 *
 * <p>Written here rather than taken from Readability4J: that port runs ~465 pages/s on this hardware and its
 * few-levels-up vote picks a single paragraph on deeply nested page-builder markup, where the mass rule does not.
 * Structural hints in class and id names are the cross-site conventions every extractor uses, not any one site's
 * strings. All walks over the tree are iterative, so hostile nesting cannot overflow the stack.
 */
public final class HtmlExtractor {

    /** Below this many characters of body the furniture names are distrusted and the page is read again without them. */
    private static final int TOO_LITTLE_BODY = 2000;

    /** ...and the second reading wins only with this much more body: a little more is usually a box the names removed. */
    private static final double MUCH_MORE_BODY = 1.5;

    /** A learned weight for each block beside the hand rules; null: the hand rules alone. */
    private final BlockScorer scorer;

    /** The shipped extractor: the hand rules, and the shipped block scorer beside them. */
    public HtmlExtractor() {
        this(BlockScorer.shipped());
    }

    /** The hand rules alone, as they were before a scorer was learned: what cross-validation compares it with. */
    public static HtmlExtractor handRules() {
        return new HtmlExtractor(null);
    }

    /** An extractor whose hand rules' decisions a learned scorer may overrule when it is sure (null: never). */
    public HtmlExtractor(BlockScorer scorer) {
        this.scorer = scorer;
    }

    public ExtractedPage extract(String html) {
        Document doc = parse(html);
        List<JsonNode> jsonLd = JsonLd.of(doc);
        PageMetadata metadata = PageMetadata.of(doc, jsonLd);
        Optional<PublisherBody> stated = PublisherBody.of(jsonLd);
        AuthorBios bios = AuthorBios.of(jsonLd, metadata.authors());
        TextLengths lengths = TextLengths.of(doc.body());
        FurnitureFilter.Furniture strict = FurnitureFilter.furniture(doc.body(), lengths, true);
        ExtractedPage page = extract(doc, metadata, stated, bios, lengths, strict);
        int found = bodyLength(page);
        if (RuleSwitches.on("html.retry-without-names")
                && found < TOO_LITTLE_BODY
                && strict.namedText() >= (MUCH_MORE_BODY - 1) * found) {
            // Like readability.js's retry without its "unlikely candidates" pass: a site that names its story's own
            // wrapper "map-and-related" or "hub--header" has lost the story to the name rules, and the tags and the
            // text mass alone still find it. The tree is not changed by a reading, so the second one reuses the parse.
            ExtractedPage relaxed = extract(
                    doc, metadata, stated, bios, lengths, FurnitureFilter.furniture(doc.body(), lengths, false));
            page = bodyLength(relaxed) >= MUCH_MORE_BODY * found ? relaxed : page;
        }
        return stated.isPresent() && RuleSwitches.on("html.publisher-body")
                ? stated.get().standIn(page)
                : page;
    }

    /** The page parsed, mojibake repaired, footnote marks out and runaway links unwrapped: what every reading starts from. */
    private static Document parse(String html) {
        Document doc = Jsoup.parse(MojibakeRepair.repair(html), "", Parser.htmlParser());
        FootnoteMarks.remove(doc.body());
        RunawayLinks.unwrap(doc.body());
        return doc;
    }

    /** Whether the paragraphs so far are only what sites put above a headline: no prose but the trail to it. */
    private static boolean onlyAboveTheHeadline(List<String> paragraphs, String headline) {
        for (String paragraph : paragraphs) {
            if (Prose.isProse(paragraph) && !paragraph.endsWith(headline)) {
                return false;
            }
        }
        return true;
    }

    private static int bodyLength(ExtractedPage page) {
        int length = 0;
        for (String paragraph : page.paragraphs()) {
            length += paragraph.length();
        }
        return length;
    }

    /**
     * The page's blocks as the hand rules read them (strict furniture names): what a {@link BlockScorer} learns from.
     */
    static Reading readBlocks(String html) {
        Document doc = parse(html);
        TextLengths lengths = TextLengths.of(doc.body());
        return read(doc.body(), lengths, FurnitureFilter.furniture(doc.body(), lengths, true));
    }

    /**
     * The page's blocks, whether each is inside the article the text mass finds, whether the hand rules keep it
     * (inside the article and not furniture, not a link list), and whether a rule knew it as furniture by its words
     * (a share prompt, a paywall's, a template sentence) rather than by its shape.
     */
    record Reading(List<Block> blocks, Element article, boolean[] inArticle, boolean[] handKeep, boolean[] byWords) {}

    private static Reading read(Element body, TextLengths lengths, FurnitureFilter.Furniture furniture) {
        List<Block> blocks = BlockSegmenter.blocks(body, furniture.skipped());
        boolean[] inArticle = new boolean[blocks.size()];
        boolean[] handKeep = new boolean[blocks.size()];
        boolean[] byWords = new boolean[blocks.size()];
        if (blocks.isEmpty()) {
            return new Reading(blocks, body, inArticle, handKeep, byWords);
        }
        Set<Element> cards =
                RuleSwitches.on("html.teaser-cards") ? TextMass.cards(body, furniture.skipped(), lengths) : Set.of();
        for (Block block : blocks) {
            block.inCard = Tags.insideAny(block.element, cards);
        }
        Map<Element, Double> prose = new HashMap<>();
        Map<Element, Double> mass = TextMass.textMass(blocks, prose);
        Element article = TextMass.climb(TextMass.heaviest(mass, body), mass, prose);
        Map<Element, Boolean> announcedLists = new IdentityHashMap<>();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            inArticle[b] = Tags.inside(block.element, article);
            if (!inArticle[b]) {
                continue;
            }
            String text = block.text();
            byWords[b] = RuleSwitches.on("html.furniture-by-words") && isFurnitureByWords(text);
            handKeep[b] = !(text.isEmpty()
                    || byWords[b]
                    || (RuleSwitches.on("html.loose-fragments") && isLooseFragment(block, text))
                    || (LinkListRules.isLinkList(block, text)
                            && !(RuleSwitches.on("html.linked-subheads")
                                    && LinkListRules.isLinkedSubhead(blocks, b, text))
                            && !(RuleSwitches.on("html.announced-lists")
                                    && ListNumbering.isAnnouncedListItem(blocks, b, announcedLists))
                            && !(RuleSwitches.on("html.labelled-links") && LinkListRules.isLabelledLinks(block))
                            && !(RuleSwitches.on("html.linked-sentences")
                                    && LinkListRules.isLinkedSentence(blocks, b, text))));
        }
        return new Reading(blocks, article, inArticle, handKeep, byWords);
    }

    /** One reading of the page, without the given furniture. */
    private ExtractedPage extract(
            Document doc,
            PageMetadata metadata,
            Optional<PublisherBody> stated,
            AuthorBios bios,
            TextLengths lengths,
            FurnitureFilter.Furniture furniture) {
        Reading reading = read(doc.body(), lengths, furniture);
        List<Block> blocks = reading.blocks();
        int totalBlocks = lengths.owners();
        if (blocks.isEmpty()) {
            return new ExtractedPage(metadata.title(), List.of(), metadata, totalBlocks);
        }
        boolean[] keep = scorer == null ? reading.handKeep() : scorer.keep(reading);
        List<String> paragraphs = new ArrayList<>();
        Set<String> seenParagraphs = new HashSet<>();
        Set<String> headings = new HashSet<>();
        // an item of a numbered list reads "- " to the filters below, which know list items by that mark, and gets its
        // number back at the end: the page shows "3. Structured Outputs", and so do most ground truths
        Map<String, String> numbered = new IdentityHashMap<>();
        Map<Element, Integer> listNumbers = new IdentityHashMap<>();
        String title = metadata.title();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            String text = block.text();
            if (!keep[b] || text.isEmpty()) {
                continue;
            }
            if (block.element.nameIs("h1")
                    && RuleSwitches.on("html.above-the-headline")
                    && onlyAboveTheHeadline(paragraphs, text)) {
                if (title.isEmpty()) {
                    title = text;
                }
                // the headline belongs in title, not in the body, and the lines above it (section labels, a
                // breadcrumb trail ending in the headline) are the page's, not the story's
                paragraphs.clear();
                continue;
            }
            if (!paragraphs.isEmpty() && paragraphs.get(paragraphs.size() - 1).equals(text)) {
                continue;
            }
            if (Prose.isProse(text) && !seenParagraphs.add(text) && RuleSwitches.on("html.second-copies")) {
                continue; // a second copy: responsive pages render the story twice, once per layout
            }
            if (Tags.HEADINGS.contains(block.element.normalName())) {
                headings.add(text);
            }
            Integer number = ListNumbering.itemNumber(block.element, listNumbers);
            if (number != null) {
                String item = "- " + text;
                numbered.put(item, number + ". " + text);
                paragraphs.add(item);
            } else {
                paragraphs.add(block.element.nameIs("li") ? "- " + text : text);
            }
        }
        if (title.isEmpty()) {
            title = TitleGuess.fromDocumentTitle(doc.title());
        }
        if (RuleSwitches.on("html.title-copies")) {
            paragraphs = withoutTitleCopies(paragraphs, title);
        }
        if (RuleSwitches.on("html.trim-to-prose")) {
            paragraphs = BlockTrimmer.trim(paragraphs);
        }
        paragraphs = TrailingTeasers.without(ReferenceList.without(paragraphs));
        if (stated.isPresent() && RuleSwitches.on("html.publisher-body")) {
            paragraphs = stated.get().keepStated(paragraphs, headings);
        }
        if (RuleSwitches.on("html.author-bios")) {
            paragraphs = bios.without(paragraphs);
        }
        List<String> story = new ArrayList<>(paragraphs.size());
        for (String paragraph : paragraphs) {
            story.add(numbered.getOrDefault(paragraph, paragraph));
        }
        return new ExtractedPage(title, List.copyOf(story), metadata, Math.max(0, totalBlocks - paragraphs.size()));
    }

    /** How far into the body the headline's copies are looked for. */
    private static final int TITLE_COPIES_WITHIN = 6;

    /**
     * The body without the headline's copies near its top: the title line a template repeats under a video or a
     * summary box ("Plumbers are training as substitute teachers ..."), and the box's headline glued to a standfirst
     * that follows as a paragraph of its own. The title is the record's, not the body's; the dev ground truths leave
     * it out on 14 of the 17 pages whose body repeated it.
     */
    private static List<String> withoutTitleCopies(List<String> paragraphs, String title) {
        if (title.isBlank()) {
            return paragraphs;
        }
        List<String> kept = new ArrayList<>(paragraphs.size());
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            boolean copy = i < TITLE_COPIES_WITHIN
                    && (paragraph.equalsIgnoreCase(title)
                            || (paragraph.regionMatches(true, 0, title, 0, title.length())
                                    && paragraph.length() > title.length() + 1
                                    && paragraph.charAt(title.length()) == ' '
                                    && paragraphs.contains(paragraph.substring(title.length() + 1))));
            if (!copy) {
                kept.add(paragraph);
            }
        }
        return kept.size() == paragraphs.size() || kept.isEmpty() ? paragraphs : kept;
    }

    /** Share prompts, stamps, bios, shopping lines and other furniture, by their text. */
    private static boolean isFurnitureByWords(String text) {
        return FurnitureLines.isFurniture(text)
                || MetadataLines.isMetadata(text)
                || TemplateSentences.isTemplateSentence(text)
                || BioLines.isAuthorBio(text)
                || FurnitureLines.isShoppingLine(text)
                || MarkupLines.isEmbedCode(text)
                || MarkupLines.isBareUrls(text);
    }

    private static boolean isLooseFragment(Block block, String text) {
        // a loose fragment in a div or span (a label, a price, a name, a counter): paragraphs, headings and list
        // items carry the story, and a short one of those is kept
        return !Tags.TEXT_ELEMENTS.contains(block.element.normalName())
                && Prose.words(text) < 5
                && !Prose.endsSentence(text);
    }
}
