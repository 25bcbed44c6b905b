package dev.copydesk.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

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

    private static final Set<String> REMOVED_TAGS = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "button", "input", "select", "textarea", "option", "dialog", "link", "meta",
            "figcaption", "map", "audio", "video", "picture", "source", "math");
    /** Page regions that are furniture by their tag. */
    private static final Set<String> SECTIONING_FURNITURE = Set.of("nav", "aside", "header", "footer", "form");
    private static final Set<String> INLINE_TAGS = Set.of("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data",
            "dfn", "em", "font", "i", "img", "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
            "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins", "label", "tt", "big", "strike", "nobr");
    private static final Set<String> TEXT_ELEMENTS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "td", "th", "tr", "dd", "dt", "article", "section", "main");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /**
     * Class/id fragments of page furniture, matched anywhere in a name ({@code sharedaddy}, {@code relatedPosts}) by
     * {@code indexOf} on the lower-cased names: the same words
     * as one case-insensitive regex alternation took a third of all HTML extraction on real pages (long utility-class
     * lists tried every alternative at every position).
     */
    private static final List<String> NEGATIVE = List.of(
            "comment", "disqus", "share", "sharing", "social", "related", "recommend", "promo", "sidebar", "side-bar", "newsletter",
            "subscri", "signup", "sign-up", "cookie", "consent", "gdpr", "banner", "advert", "sponsor", "popup", "modal",
            "breadcrumb", "pagination", "footer", "masthead", "navbar", "navigation", "toolbar", "tagcloud", "authorbio",
            "author-bio", "byline", "paywall", "outbrain", "taboola", "more-stories", "next-post",
            "prev-post", "trending", "most-read", "screen-reader", "sr-only", "visually-hidden", "table-of-contents",
            "jumplink", "jump-link", "also-read", "see-also", "you-may", "dont-miss", "carousel", "author-info", "post-meta",
            "entry-meta", "article-meta", "skip-link", "disclaimer", "w-form-done", "w-form-fail",
            // the class names of the platforms' own embed codes: a post quoted from elsewhere, not the story's text
            "twitter-tweet", "instagram-media", "tiktok-embed", "bluesky-embed", "text-post-media");
    /** Names that hold a furniture word but mark the article itself ("promoted": Drupal's node--promoted). */
    private static final List<String> NOT_NEGATIVE = List.of("promoted");
    /** Short furniture words, matched only as a whole part of a name ({@code ad}, {@code nav-main}, {@code tags}). */
    private static final Set<String> NEGATIVE_PART = Set.of(
            "ad", "ads", "menu", "nav", "tag", "tags", "rail", "cta", "print", "caption", "credit", "credits",
            "login", "popular", "teaser", "slider", "donate", "aside", "side");
    /** The placements that make "side" a layout word ({@link #isPlacement}). */
    private static final List<String> PLACEMENTS = List.of("left", "right");
    /**
     * Layout words that name a story's own wrapper on some sites ("toc-para", "hub--header"): furniture only without
     * prose. Tried as weak and left strong, each losing more than it gained on the dev pages: menu, nav, aside, rail
     * (a sidebar's prose came in), tag, caption, credit (no change), teaser, slider, popular, ad, cta. "callout" is
     * no furniture word at all: callouts are the story's fact boxes and key points far more often than promotions.
     */
    private static final Set<String> WEAK_PART = Set.of("toc", "header", "meta");
    /**
     * Furniture words matched anywhere that also name a folded answer or story ("ReadMoreAnswer_answerText"): weak,
     * like {@link #WEAK_PART}.
     */
    private static final List<String> WEAK_WORDS = List.of("readmore", "read-more");
    /** Characters of long paragraphs that overrule a weak name. */
    private static final int WEAK_NAME_PROSE = 300;
    /** A paragraph this long is prose, for {@link #WEAK_NAME_PROSE}. */
    private static final int PARAGRAPH = 150;
    private static final Set<String> NEGATIVE_ROLES = Set.of("navigation", "complementary", "banner", "contentinfo", "dialog", "alert");

    /**
     * Class/id words that overrule a furniture word in the element's other names: the story's own wrapper ("main-content
     * has-share-bar"), as in readability.js's "maybe a candidate" list; not in the same name ("comments-body",
     * {@link #isVouchedByArticleName}: 39 dev pages changed, all pages' HTML 0.9535 -> 0.9541). The blog words (post, entry, story, text, page,
     * blog) are left out: they name the page's other posts as often as its own ("popular-post", "related-stories",
     * "text-promo"), and with them the dev pages' HTML scored 0.946 against 0.949 without.
     */
    private static final Pattern ARTICLE_NAME = Pattern.compile("article|body|content|main", Pattern.CASE_INSENSITIVE);
    /** The id React gives a server-rendered segment streamed in a hidden div ("S:0", "S:17"). */
    private static final Pattern REACT_STREAMED_SEGMENT = Pattern.compile("S:\\d+");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden",
            Pattern.CASE_INSENSITIVE);

    /** The text under one block-level element, excluding the text of nested blocks. */
    static final class Block {
        final Element element;
        final StringBuilder text = new StringBuilder();
        int linkChars;
        /** Inside a link around the whole block ({@code <a href><div><h3>..</h3><p>..</p></div></a>}): all its text is link text. */
        boolean inLink;
        /** Inside a teaser card of a listing: its excerpt reads like prose but is another page's. */
        boolean inCard;
        private String normalized;

        Block(Element element) {
            this.element = element;
        }

        String text() {
            if (normalized == null) {
                normalized = TextNormalizer.normalize(text.toString()).replace('\n', ' ');
            }
            return normalized;
        }

        double linkDensity(int length) {
            return length == 0 ? 0 : Math.min(1.0, (double) linkChars / length);
        }
    }

    /** Between the cells of a table row, which is one block. */
    static final String CELL_SEPARATOR = " | ";

    /** How much a link-list block counts against its containers, per character (prose counts +1). */
    private static final double LINK_PENALTY = 0.6;

    /** Below this many characters of body the furniture names are distrusted and the page is read again without them. */
    private static final int TOO_LITTLE_BODY = 2000;
    /** ...and the second reading wins only with this much more body: a little more is usually a box the names removed. */
    private static final double MUCH_MORE_BODY = 1.5;

    public ExtractedPage extract(String html) {
        Document doc = Jsoup.parse(MojibakeRepair.repair(html), "", Parser.htmlParser());
        FootnoteMarks.remove(doc.body());
        RunawayLinks.unwrap(doc.body());
        List<JsonNode> jsonLd = JsonLd.of(doc);
        PageMetadata metadata = PageMetadata.of(doc, jsonLd);
        Optional<PublisherBody> stated = PublisherBody.of(jsonLd);
        AuthorBios bios = AuthorBios.of(jsonLd, metadata.authors());
        TextLengths lengths = TextLengths.of(doc.body());
        Furniture strict = furniture(doc.body(), lengths, true);
        ExtractedPage page = extract(doc, metadata, stated, bios, lengths, strict);
        int found = bodyLength(page);
        if (found < TOO_LITTLE_BODY && strict.namedText() >= (MUCH_MORE_BODY - 1) * found) {
            // Like readability.js's retry without its "unlikely candidates" pass: a site that names its story's own
            // wrapper "map-and-related" or "hub--header" has lost the story to the name rules, and the tags and the
            // text mass alone still find it. The tree is not changed by a reading, so the second one reuses the parse.
            ExtractedPage relaxed = extract(doc, metadata, stated, bios, lengths, furniture(doc.body(), lengths, false));
            page = bodyLength(relaxed) >= MUCH_MORE_BODY * found ? relaxed : page;
        }
        return stated.isPresent() ? stated.get().standIn(page) : page;
    }

    /** Whether the paragraphs so far are only what sites put above a headline: no prose but the trail to it. */
    private static boolean onlyAboveTheHeadline(List<String> paragraphs, String headline) {
        for (String paragraph : paragraphs) {
            if (TextShapes.isProse(paragraph) && !paragraph.endsWith(headline)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an element runs inside its parent's text: the inline tags, and a custom element (a hyphen in its name,
     * {@code <side-note>}, {@code <hover-card>}) inside a paragraph, which a browser shows inline as well.
     */
    static boolean isInline(Element e) {
        String name = e.normalName();
        return INLINE_TAGS.contains(name) || (name.indexOf('-') > 0 && isInParagraph(e));
    }

    /** Whether the element stands in a paragraph's text, directly or inside its inline tags ({@code <p><em><side-note>}). */
    private static boolean isInParagraph(Element e) {
        for (Element parent = e.parent(); parent != null; parent = parent.parent()) {
            if (parent.nameIs("p")) {
                return true;
            }
            if (!INLINE_TAGS.contains(parent.normalName())) {
                return false;
            }
        }
        return false;
    }

    private static int bodyLength(ExtractedPage page) {
        int length = 0;
        for (String paragraph : page.paragraphs()) {
            length += paragraph.length();
        }
        return length;
    }

    /** One reading of the page, without the given furniture. */
    private static ExtractedPage extract(Document doc, PageMetadata metadata, Optional<PublisherBody> stated, AuthorBios bios,
            TextLengths lengths, Furniture furniture) {
        Element body = doc.body();
        List<Block> blocks = blocks(body, furniture.skipped());
        int totalBlocks = lengths.owners();
        if (blocks.isEmpty()) {
            return new ExtractedPage(metadata.title(), List.of(), metadata, totalBlocks);
        }
        Set<Element> cards = cards(body, furniture.skipped(), lengths);
        for (Block block : blocks) {
            block.inCard = insideAny(block.element, cards);
        }
        Map<Element, Double> prose = new HashMap<>();
        Map<Element, Double> mass = textMass(blocks, prose);
        Element article = climb(heaviest(mass, body), mass, prose);
        List<String> paragraphs = new ArrayList<>();
        Set<String> seenParagraphs = new HashSet<>();
        Set<String> headings = new HashSet<>();
        // an item of a numbered list reads "- " to the filters below, which know list items by that mark, and gets its
        // number back at the end: the page shows "3. Structured Outputs", and so do most ground truths
        Map<String, String> numbered = new IdentityHashMap<>();
        Map<Element, Integer> listNumbers = new IdentityHashMap<>();
        Map<Element, Boolean> announcedLists = new IdentityHashMap<>();
        String title = metadata.title();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            if (!inside(block.element, article)) {
                continue;
            }
            String text = block.text();
            if (text.isEmpty() || isFurnitureText(block, text) || (isLinkList(block, text) && !isLinkedSubhead(blocks, b, text)
                    && !isAnnouncedListItem(blocks, b, announcedLists) && !isLabelledLinks(block) && !isLinkedSentence(blocks, b, text))) {
                continue;
            }
            if (block.element.nameIs("h1") && onlyAboveTheHeadline(paragraphs, text)) {
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
            if (TextShapes.isProse(text) && !seenParagraphs.add(text)) {
                continue; // a second copy: responsive pages render the story twice, once per layout
            }
            if (HEADINGS.contains(block.element.normalName())) {
                headings.add(text);
            }
            Integer number = itemNumber(block.element, listNumbers);
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
        paragraphs = withoutTitleCopies(paragraphs, title);
        paragraphs = TrailingTeasers.without(ReferenceList.without(BlockTrimmer.trim(paragraphs)));
        if (stated.isPresent()) {
            paragraphs = stated.get().keepStated(paragraphs, headings);
        }
        paragraphs = bios.without(paragraphs);
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
            boolean copy = i < TITLE_COPIES_WITHIN && (paragraph.equalsIgnoreCase(title)
                    || (paragraph.regionMatches(true, 0, title, 0, title.length()) && paragraph.length() > title.length() + 1
                            && paragraph.charAt(title.length()) == ' '
                            && paragraphs.contains(paragraph.substring(title.length() + 1))));
            if (!copy) {
                kept.add(paragraph);
            }
        }
        return kept.size() == paragraphs.size() || kept.isEmpty() ? paragraphs : kept;
    }

    /**
     * The visible text under every element, the part of it in long paragraphs, and how many elements own text (the
     * page's blocks, for the removed count). Both lengths are summed up the tree as the walk leaves each element.
     */
    private record TextLengths(Map<Element, Integer> under, Map<Element, Integer> paragraphs, int owners, int body) {

        static TextLengths of(Element body) {
            Map<Element, Integer> textLength = new IdentityHashMap<>();
            Map<Element, Integer> paragraphs = new IdentityHashMap<>();
            Set<Element> owners = Collections.newSetFromMap(new IdentityHashMap<>());
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (node instanceof TextNode t && node.parent() instanceof Element parent && !t.isBlank()) {
                        textLength.merge(parent, t.getWholeText().length(), Integer::sum);
                        Element owner = parent;
                        while (isInline(owner) && owner.parent() != null) {
                            owner = owner.parent();
                        }
                        owners.add(owner);
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e && e.parent() != null) {
                        Integer own = textLength.get(e);
                        if (own != null && own >= PARAGRAPH && e.nameIs("p")) {
                            paragraphs.merge(e, own, Integer::sum);
                        }
                        if (own != null) {
                            textLength.merge(e.parent(), own, Integer::sum);
                        }
                        Integer inParagraphs = paragraphs.get(e);
                        if (inParagraphs != null) {
                            paragraphs.merge(e.parent(), inParagraphs, Integer::sum);
                        }
                    }
                }
            }, body);
            return new TextLengths(textLength, paragraphs, owners.size(), textLength.getOrDefault(body, 0));
        }
    }

    /**
     * What is never article text: the elements whose whole subtree a reading skips, and how much text went only for
     * its class or id name.
     */
    private record Furniture(Set<Element> skipped, int namedText) {
    }

    private static Furniture furniture(Element body, TextLengths lengths, boolean trustNames) {
        int bodyText = lengths.body();
        int[] namedText = {0};
        Set<String> disclosed = disclosurePanels(body);
        Set<Element> doomed = Collections.newSetFromMap(new IdentityHashMap<>());
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e) || e == body) {
                    return FilterResult.CONTINUE;
                }
                int text = lengths.under().getOrDefault(e, 0);
                boolean furniture = isRemoved(e)
                        // hidden, unless it holds most of the page (streamed React pages hide the article until JS moves it)
                        || (isHidden(e) && !disclosed.contains(e.id()) && !followsCollapsedToggle(e)
                                && (isNegative(e) || text < bodyText / 2))
                        // unless it holds most of the page: an unclosed <aside> swallows the rest of a malformed page
                        || (SECTIONING_FURNITURE.contains(e.normalName()) && text < bodyText / 2 && !isStorysOwnFooter(e, lengths));
                boolean named = !furniture && trustNames
                        && ((isNegative(e, lengths.paragraphs().getOrDefault(e, 0)) && !isPositive(e)
                                && (isDialog(e) || !isVouchedByArticleName(e)) && text < bodyText / 3)
                        // a box named "card" that holds no more than a teaser (a title, a sentence, a link): a promotion
                        // or another page's teaser inside the story. Bigger cards are the story's own entries (a ranking's
                        // schools, a recipe): the name alone would cut them (dev HTML: two pages lost 40% of their recall)
                        || (text <= CARD_MAX && isNamedCard(e) && !isCode(e) && !isQuotation(e)));
                if (named) {
                    furniture = true;
                    namedText[0] += text;
                }
                if (furniture) {
                    doomed.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        return new Furniture(doomed, namedText[0]);
    }

    /**
     * Controls, media and code are not text; but a button that is a heading's whole content is the heading: the
     * WAI-ARIA accordion header ({@code <h3><button aria-expanded>Question</button></h3>}) of FAQs and guides.
     */
    private static boolean isRemoved(Element e) {
        return REMOVED_TAGS.contains(e.normalName()) && !(e.nameIs("button") && isHeadingToggle(e));
    }

    private static boolean isHeadingToggle(Element button) {
        Element parent = button.parent();
        return parent != null && HEADINGS.contains(parent.normalName()) && parent.childrenSize() == 1;
    }

    /** Prose a story's own footer holds when it is the story's last section (an FAQ), not its credits and tags. */
    private static final int FOOTER_PROSE = 600;

    /**
     * A {@code <footer>} inside an {@code <article>} that holds paragraphs of prose: some templates put the story's
     * closing sections (its FAQ) there. A page's footer is outside the article; an article's credits and tags are short.
     */
    private static boolean isStorysOwnFooter(Element e, TextLengths lengths) {
        if (!e.nameIs("footer") || lengths.paragraphs().getOrDefault(e, 0) < FOOTER_PROSE) {
            return false;
        }
        for (Element x = e.parent(); x != null; x = x.parent()) {
            if (x.nameIs("article")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ids of panels a button opens (WAI-ARIA disclosure: {@code aria-controls} on the button, the panel hidden
     * until clicked): collapsed FAQ answers and accordion sections are the page's text, only folded.
     */
    private static Set<String> disclosurePanels(Element body) {
        Set<String> ids = new java.util.HashSet<>();
        for (Element toggle : body.getElementsByAttribute("aria-controls")) {
            if (toggle.hasAttr("aria-expanded") || "button".equals(toggle.attr("role")) || toggle.nameIs("button")
                    || toggle.nameIs("summary")) {
                for (String id : toggle.attr("aria-controls").split("\\s+")) {
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    /**
     * An accordion panel without {@code aria-controls}: hidden right after the header whose toggle
     * ({@code aria-expanded="false"}) opens it, the FAQ and "what to consider" sections of guides.
     */
    private static boolean followsCollapsedToggle(Element e) {
        Element header = e.previousElementSibling();
        if (header == null) {
            return false;
        }
        if ("false".equals(header.attr("aria-expanded"))) {
            return true;
        }
        for (Element toggle : header.getElementsByAttributeValue("aria-expanded", "false")) {
            if (toggle.nameIs("button") || "button".equals(toggle.attr("role"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(Element e) {
        if (e.hasAttr("hidden") && REACT_STREAMED_SEGMENT.matcher(e.id()).matches()) {
            return false; // React's streamed server rendering: hidden until its script moves it into place, then shown
        }
        return e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) || HIDDEN_STYLE.matcher(e.attr("style")).find();
    }

    private static boolean isNegative(Element e) {
        return isNegative(e, 0);
    }

    /**
     * Whether a class or id names the story's own wrapper without a furniture word in the same name: "main-content
     * has-share-bar" is the story with a share bar; "ArticleContent__imageBlock_caption" or "article-share" is a part
     * of the story's template that is not its text.
     */
    private static boolean isVouchedByArticleName(Element e) {
        for (String name : (e.className() + " " + e.id()).split("\\s+")) {
            if (ARTICLE_NAME.matcher(name).find() && nameWeight(name) != STRONG) {
                return true;
            }
        }
        return false;
    }

    /**
     * A modal or popup by its name: its parts are named "modal-content", "popup-body", which the article words would
     * otherwise vouch for (a subscription box named "memberModal ... contentBlockModal").
     */
    private static boolean isDialog(Element e) {
        String names = asciiLowerCase(e.className() + " " + e.id());
        return names.contains("modal") || names.contains("popup");
    }

    /** {@code paragraphs}: characters in long paragraphs under it, which a weak name (a layout word) does not outweigh. */
    private static boolean isNegative(Element e, int paragraphs) {
        if (NEGATIVE_ROLES.contains(e.attr("role"))) {
            return true;
        }
        String id = e.id();
        int name = nameWeight(e.className() + " " + (isHeadingSlug(e, id) ? "" : id));
        // a heading's weak name is its anchor for the page's table of contents ("toc_how-they-work", "header-anchor")
        return (name == STRONG || (name == WEAK && paragraphs < WEAK_NAME_PROSE && !HEADINGS.contains(e.normalName())
                        && !hasSections(e)))
                && !isCode(e);
    }

    /** Subheads under an element that make it a run of the story's sections, whatever its layout words say. */
    private static final int SECTIONS = 2;

    /**
     * Whether the element holds sections of the story, each under its subhead: an accordion whose wrapper is named
     * "kt-pane-header-alignment-left" is no page header. A page header, a table of contents or a meta row has no
     * subheads, or one (its title).
     */
    private static boolean hasSections(Element e) {
        int[] subheads = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element x && x != e && HEADINGS.contains(x.normalName()) && !x.nameIs("h1")
                        && ++subheads[0] >= SECTIONS) {
                    return FilterResult.STOP; // enough: a wrapper of the whole page is not walked to its end
                }
                return FilterResult.CONTINUE;
            }
        }, e);
        return subheads[0] >= SECTIONS;
    }

    /** Word parts of an id from which it may be a heading's words rather than a name. */
    private static final int SLUG_PARTS = 4;

    /**
     * Whether an id is the slug of the heading it anchors, on the heading or on its section's wrapper
     * ("how-popular-are-meditation-and-mindfulness", "1-heading-how-popular-..."): the words are the story's, and a
     * furniture word among them ("popular") names nothing.
     */
    private static boolean isHeadingSlug(Element e, String id) {
        if (id.length() < 2 * SLUG_PARTS || nameWeight(id) == NONE) {
            return false; // most ids: too short for a sentence's words, or holding no furniture word to excuse
        }
        Element heading = HEADINGS.contains(e.normalName()) ? e : e.selectFirst("h1, h2, h3, h4, h5, h6");
        if (heading == null) {
            return false;
        }
        String slug = slug(heading.text());
        return slug.chars().filter(c -> c == '-').count() >= SLUG_PARTS - 1 && slug(id).contains(slug);
    }

    /** Lower-case letters and digits, each run of anything else one hyphen: "How popular is it?" is "how-popular-is-it". */
    private static String slug(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }

    /** Inside a code block a class names a token kind ({@code hljs-comment}, {@code token tag}), not furniture. */
    private static boolean isCode(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            if (x.nameIs("pre") || x.nameIs("code")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the element is or stands in a {@code <blockquote>}: a "quote-card" is the story's quotation, not a teaser. */
    private static boolean isQuotation(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            if (x.nameIs("blockquote")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class or id part is "card": a teaser's box when it holds no more than a teaser. */
    private static boolean isNamedCard(Element e) {
        if (!e.hasAttr("class") && !e.hasAttr("id")) {
            return false; // most elements: no name to lower-case
        }
        String lower = asciiLowerCase(e.className() + " " + e.id());
        for (int i = lower.indexOf("card"); i >= 0; i = lower.indexOf("card", i + 4)) {
            if ((i == 0 || isNameSeparator(lower.charAt(i - 1))) && (i + 4 == lower.length() || isNameSeparator(lower.charAt(i + 4)))) {
                return true;
            }
        }
        return false;
    }

    private static final int NONE = 0;
    private static final int WEAK = 1;
    private static final int STRONG = 2;

    private static int nameWeight(String names) {
        if (names.isBlank()) {
            return NONE;
        }
        String lower = asciiLowerCase(names);
        for (String falseFriend : NOT_NEGATIVE) {
            if (lower.contains(falseFriend)) {
                lower = lower.replace(falseFriend, " ");
            }
        }
        for (String word : NEGATIVE) {
            if (lower.contains(word)) {
                return STRONG;
            }
        }
        int weight = NONE;
        for (String word : WEAK_WORDS) {
            if (lower.contains(word)) {
                weight = WEAK;
                break;
            }
        }
        // the parts between spaces, underscores and hyphens
        for (int i = 0, n = lower.length(); i < n; ) {
            while (i < n && isNameSeparator(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isNameSeparator(lower.charAt(i))) {
                i++;
            }
            if (i > start) {
                String part = lower.substring(start, i);
                if (WEAK_PART.contains(part)) {
                    weight = WEAK;
                } else if (NEGATIVE_PART.contains(part) && !("side".equals(part) && isPlacement(lower, i))) {
                    return STRONG;
                }
            }
        }
        return weight;
    }

    /**
     * Whether the name part ending at {@code end} is followed by a placement: "side" names a sidebar
     * ("zox-side-wrap", "post-side-widget") except in "icon-side-right" or "image-side-left", which say where
     * something sits in the story.
     */
    private static boolean isPlacement(String lower, int end) {
        if (end >= lower.length() || lower.charAt(end) != '-') {
            return false;
        }
        for (String placement : PLACEMENTS) {
            if (lower.startsWith(placement, end + 1)
                    && (end + 1 + placement.length() == lower.length() || isNameSeparator(lower.charAt(end + 1 + placement.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameSeparator(char c) {
        return c == '_' || c == '-' || Character.isWhitespace(c);
    }

    /** ASCII letters lower-cased, nothing else touched: what a case-insensitive regex did to these names. */
    private static String asciiLowerCase(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = (char) (c + 32);
            }
        }
        return out == null ? s : new String(out);
    }

    private static boolean isPositive(Element e) {
        return e.nameIs("article") || e.nameIs("main") || "main".equals(e.attr("role")) || "articleBody".equals(e.attr("itemprop"));
    }

    /**
     * The text blocks of the tree in document order, leaving out the subtrees of {@code skipped}. An element's own
     * text makes one block per run between its block children: a story written as bare text in a div with
     * {@code <h2>} subheads between its paragraphs (many CMSes) reads as paragraph, subhead, paragraph, not as one
     * block of all the text followed by the subheads.
     */
    static List<Block> blocks(Element root, Set<Element> skipped) {
        List<Block> out = new ArrayList<>();
        Map<Element, Block> openRun = new IdentityHashMap<>();
        Map<Element, Element> blockOf = new IdentityHashMap<>();
        Map<Element, Boolean> inCardLink = new IdentityHashMap<>();
        NodeTraversor.filter(new NodeFilter() {
            private Block run(Element owner) {
                return openRun.computeIfAbsent(owner, o -> {
                    Block b = new Block(o);
                    b.inLink = insideCardLink(o, inCardLink);
                    out.add(b);
                    return b;
                });
            }

            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e) {
                    if (skipped.contains(e)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    Element parent = e.parent();
                    Element owner;
                    if ((e.nameIs("td") || e.nameIs("th")) && parent != null && parent.nameIs("tr")) {
                        owner = parent; // a table row is one line, its cells joined by " | "
                        Block row = openRun.get(parent);
                        if (row != null && !row.text.toString().isBlank()) {
                            row.text.append(CELL_SEPARATOR);
                        }
                    } else {
                        owner = !isInline(e) || parent == null ? e : blockOf.getOrDefault(parent, parent);
                    }
                    blockOf.put(e, owner);
                    if (owner == e && parent != null) {
                        openRun.remove(blockOf.getOrDefault(parent, parent)); // a block child ends its container's run of text
                    }
                    if (e.nameIs("br") && owner != null) {
                        Block open = openRun.get(owner);
                        if (open != null && endsWithLineBreak(open.text)) {
                            openRun.remove(owner); // <br><br>: a paragraph break in text that has no <p>
                        } else {
                            run(owner).text.append('\n');
                        }
                    }
                } else if (node instanceof TextNode t && !t.isBlank()) {
                    Element parent = (Element) t.parent();
                    Element owner = blockOf.getOrDefault(parent, parent);
                    Block block = run(owner);
                    String text = t.getWholeText();
                    block.text.append(text);
                    if (block.inLink || insideLink(parent, owner)) {
                        block.linkChars += text.strip().length();
                    }
                } else if (node instanceof TextNode t) {
                    Element parent = (Element) t.parent();
                    Block block = openRun.get(blockOf.getOrDefault(parent, parent));
                    if (block != null) {
                        block.text.append(' ');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        out.removeIf(b -> b.text.toString().isBlank());
        return out;
    }

    private static boolean endsWithLineBreak(StringBuilder text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    /** The most text a link around whole blocks holds as a card (a headline and an excerpt). */
    private static final int CARD_LINK_MAX = 600;

    /**
     * Whether a link to another page encloses the block: a card built as one link around its headline and excerpt.
     * Only a link of a card's size: an {@code <a>} left unclosed in broken markup swallows the rest of the page,
     * story included. {@code known} holds the answer for every element already walked through, so each element of
     * the page is walked once however many blocks lie under it (a page of 50,000 nested blocks stays linear).
     */
    private static boolean insideCardLink(Element block, Map<Element, Boolean> known) {
        List<Element> path = new ArrayList<>();
        boolean answer = false;
        for (Element e = block.parent(); e != null; e = e.parent()) {
            Boolean seen = known.get(e);
            if (seen != null) {
                answer = seen;
                break;
            }
            if (e.nameIs("a")) {
                String href = e.attr("href");
                // a fragment: a section's anchor around its heading (href="/this-page#anchor-1"), not another page
                answer = !href.isEmpty() && href.indexOf('#') < 0 && e.text().length() <= CARD_LINK_MAX;
                path.add(e);
                break;
            }
            path.add(e);
        }
        for (Element e : path) {
            known.put(e, answer);
        }
        return answer;
    }

    private static boolean insideLink(Element from, Element stop) {
        for (Element e = from; e != null && e != stop; e = e.parent()) {
            if (isLink(e)) {
                return true;
            }
        }
        return stop != null && isLink(stop);
    }

    /** An {@code <a>} that goes somewhere: {@code <a id name>} around a heading is the table of contents' anchor, text. */
    private static boolean isLink(Element e) {
        return e.nameIs("a") && e.hasAttr("href");
    }

    /**
     * Text mass: every block adds its length to all its ancestors, positive for prose (long, few links, ends like a
     * sentence), negative for link lists and short fragments. The article is the element with the greatest mass:
     * climbing higher adds more chrome than story, stopping lower leaves story out. Unlike a vote over a few
     * levels, this does not depend on how deeply a page builder nests its paragraphs. {@code proseOnly} gets what
     * the prose blocks alone add.
     */
    private static Map<Element, Double> textMass(List<Block> blocks, Map<Element, Double> proseOnly) {
        Map<Element, Double> mass = new LinkedHashMap<>(); // its order breaks ties in heaviest()
        for (Block block : blocks) {
            boolean prose = false;
            String text = block.text();
            int length = text.length();
            double ld = block.linkDensity(length);
            double value;
            if (ld > 0.5) {
                value = -length * LINK_PENALTY;
            } else if (block.element.nameIs("tr")) {
                value = length >= 60 ? length * (0.5 - ld) : 0; // table rows are short by nature
            } else if (length >= 60 && (TextShapes.endsSentence(text) || length >= 150)) {
                value = length * (1 - 2 * ld);
                prose = true;
            } else if (length >= 60) {
                value = length * (0.5 - ld);
            } else {
                value = -Math.min(length, 30) * (0.3 + ld);
            }
            if (block.inCard) {
                value = Math.min(value, 0); // another page's excerpt
                prose = false;
            }
            for (Element e = block.element; e != null; e = e.parent()) {
                mass.merge(e, value, Double::sum);
                if (prose) {
                    proseOnly.merge(e, value, Double::sum);
                }
            }
        }
        return mass;
    }

    /** Siblings of one tag and class that make a row of cards. */
    private static final int CARD_MIN = 3;
    private static final Pattern CARD_NUMBER = Pattern.compile("\\d+");
    /**
     * The most text a teaser card holds (a title and a sentence or two). A listicle's entries also open on a linked
     * name, but run longer: at 600 two dev pages' restaurant and product entries were taken for teasers.
     */
    private static final int CARD_MAX = 400;

    private static boolean insideAny(Element e, Set<Element> roots) {
        if (roots.isEmpty()) {
            return false;
        }
        for (Element x = e; x != null; x = x.parent()) {
            if (roots.contains(x)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Teaser cards: three or more short siblings of one tag and class, each opening on a link (the teased story's
     * title), as listings and "more stories" rows are built. Their excerpts read like prose, so without this a short
     * story loses the vote to the listing under it. Cards weigh nothing as prose in the text mass; they are not
     * dropped from the article once it is chosen (tried: it cut listicles and link-led paragraphs, F1 -0.002).
     */
    private static Set<Element> cards(Element body, Set<Element> skipped, TextLengths lengths) {
        Set<Element> cards = Collections.newSetFromMap(new IdentityHashMap<>());
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element parent)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (skipped.contains(parent)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (parent.childrenSize() >= CARD_MIN) {
                    addCards(parent, skipped, lengths, cards);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        return cards;
    }

    /** The children of {@code parent} that are teaser cards: a group of one tag and class, mostly opening on links. */
    private static void addCards(Element parent, Set<Element> skipped, TextLengths lengths, Set<Element> cards) {
        List<Element> shortChildren = null;
        for (Element child : parent.children()) {
            int text = lengths.under().getOrDefault(child, 0);
            if (text > 0 && text <= CARD_MAX && !skipped.contains(child) && !isInline(child)) {
                if (shortChildren == null) {
                    shortChildren = new ArrayList<>();
                }
                shortChildren.add(child);
            }
        }
        if (shortChildren == null || shortChildren.size() < CARD_MIN) {
            return; // most elements: no three short siblings with text, no map built
        }
        Map<String, List<Element>> groups = new HashMap<>();
        for (Element child : shortChildren) {
            // numbered classes ("article_0", "post-17") still make one group
            groups.computeIfAbsent(child.normalName() + "." + CARD_NUMBER.matcher(child.className()).replaceAll(""),
                    k -> new ArrayList<>()).add(child);
        }
        for (List<Element> group : groups.values()) {
            if (group.size() < CARD_MIN) {
                continue;
            }
            List<Element> teasers = new ArrayList<>();
            for (Element e : group) {
                if (opensOnLink(e)) {
                    teasers.add(e);
                }
            }
            if (teasers.size() >= CARD_MIN && teasers.size() * 2 >= group.size()) {
                cards.addAll(teasers);
            }
        }
    }

    /**
     * Whether the first text under {@code e} is a link's, after at most two short labels (a card's category or
     * date above its headline: "Front Page", "December 19").
     */
    private static boolean opensOnLink(Element e) {
        boolean[] linked = {false};
        int[] labels = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t && !t.isBlank()) {
                    if (insideLink((Element) t.parent(), e)) {
                        linked[0] = true;
                        return FilterResult.STOP;
                    }
                    return TextShapes.words(t.text()) <= 3 && ++labels[0] <= 2 ? FilterResult.CONTINUE : FilterResult.STOP;
                }
                return node instanceof Element x && isRemoved(x) ? FilterResult.SKIP_ENTIRELY : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, e);
        return linked[0];
    }

    /** An ancestor with this share of the heaviest element's mass... */
    private static final double CLIMB_MASS = 0.3;
    /** ...and this many times its prose is the article. */
    private static final double CLIMB_PROSE = 2;

    /**
     * The heaviest element can be one section of a story whose other sections carry link lists (a changelog's
     * patch links, a reading list): the links weigh against the whole story, and one section outweighs it. An
     * ancestor that holds twice the prose and still a good share of the mass is the article. Across wide settings
     * (share 0.3 down to -2, prose 1.5 to 2) this changed the same one dev page; at 1.2 times the prose it pulled
     * in teaser rows.
     */
    private static Element climb(Element article, Map<Element, Double> mass, Map<Element, Double> prose) {
        Element chosen = article;
        for (Element parent = article.parent(); parent != null && !parent.nameIs("html"); parent = parent.parent()) {
            double m = mass.getOrDefault(parent, 0.0), p = prose.getOrDefault(parent, 0.0);
            if (m >= CLIMB_MASS * mass.getOrDefault(chosen, 0.0) && p >= CLIMB_PROSE * prose.getOrDefault(chosen, 0.0)) {
                chosen = parent;
            }
        }
        return chosen;
    }

    /**
     * The element of greatest mass. A wrapper with one child ties with it, so ties go to the element met first in
     * {@code mass}'s insertion order (the innermost ancestor of the first block to reach it), never to a hash order
     * that changes from run to run.
     */
    private static Element heaviest(Map<Element, Double> mass, Element body) {
        Element top = body;
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Element, Double> e : mass.entrySet()) {
            if (e.getValue() > best && !e.getKey().nameIs("html")) {
                best = e.getValue();
                top = e.getKey();
            }
        }
        return top;
    }

    private static boolean inside(Element e, Element root) {
        for (Element x = e; x != null; x = x.parent()) {
            if (x == root) {
                return true;
            }
        }
        return false;
    }

    /**
     * A paragraph that is one link standing alone between two paragraphs of prose: a roundup's subhead linking to the
     * item's source ("Imprivata acquires Verosint"), not a list of links. Lists come in runs of links, "Related:" and
     * "Read more:" teasers carry their label, rows of links their separators, and all are left to the link-density rule.
     */
    private static boolean isLinkedSubhead(List<Block> blocks, int at, String text) {
        Block block = blocks.get(at);
        if (!block.element.nameIs("p") || block.inCard || block.inLink || text.indexOf(':') >= 0 || text.indexOf('|') >= 0
                || TextShapes.words(text) > SUBHEAD_WORDS) {
            return false;
        }
        // "Read our full review." closes its paragraph's section: the next block may be the section's next part (a
        // button's two words, "Learn more.", are no sentence)
        return isProseNeighbour(blocks, at - 1) && (isProseNeighbour(blocks, at + 1)
                || (TextShapes.endsSentence(text) && TextShapes.words(text) >= CLOSING_LINK_WORDS));
    }

    /** Characters of a sentence's own words, outside its links, that make it the story's sentence. */
    private static final int OWN_WORDS_CHARS = 30;

    /**
     * A sentence of the story whose words are mostly links ("The USAA also rates among the <a>top insurance carriers in
     * other states, like Massachusetts</a> and <a>Florida</a>."), next to the story's prose. Dev pages: 27 change,
     * 25 gain; the two that lose keep a promotion's sentence ("Try SmartAsset AMP, ...").
     */
    private static boolean isLinkedSentence(List<Block> blocks, int at, String text) {
        Block block = blocks.get(at);
        if (!block.element.nameIs("p") || block.inCard || block.inLink || text.length() - block.linkChars < OWN_WORDS_CHARS
                || !Character.isUpperCase(text.charAt(0)) || !TextShapes.endsSentence(text) || text.indexOf('|') >= 0) {
            return false;
        }
        return isProseNeighbour(blocks, at - 1) || isProseNeighbour(blocks, at + 1);
    }

    /**
     * An item of a numbered list of links that a sentence of the story announces ("Here's our roadmap:", "What's
     * ahead:"): a series' table of contents, a list of sources the story walks through. Lists of other stories come
     * bulleted and labelled ("Related", "Read more"), and those labels are furniture. {@code announced} keeps each
     * list's answer, so a long list's items do not each walk back over the items before them.
     */
    private static boolean isAnnouncedListItem(List<Block> blocks, int at, Map<Element, Boolean> announced) {
        Element item = itemOf(blocks.get(at).element);
        Element list = item == null ? null : item.parent();
        if (list == null || !list.nameIs("ol")) {
            return false;
        }
        return announced.computeIfAbsent(list, l -> isAnnounced(blocks, at, l));
    }

    /** Whether the block before the list (found from its item at {@code at}) is the story's sentence leading into it. */
    private static boolean isAnnounced(List<Block> blocks, int at, Element list) {
        int before = at - 1;
        while (before >= 0 && inside(blocks.get(before).element, list)) {
            before--;
        }
        Element previous = list.previousElementSibling();
        if (before < 0 || previous == null) {
            return false;
        }
        Block lead = blocks.get(before);
        String text = lead.text();
        return text.endsWith(":") && !lead.inCard && lead.linkDensity(text.length()) < 0.3 && TextShapes.words(text) >= 2
                && !TextShapes.isFurniture(text) && inside(lead.element, previous);
    }

    /**
     * The number a browser shows before the block when it is an item of an ordered list ({@code <li>}, or the first
     * block inside one), counted from the list's {@code start}; null for anything else. {@code numbers} keeps each list's
     * numbering, counted once, so a list of thousands of items is not recounted for each.
     */
    private static Integer itemNumber(Element e, Map<Element, Integer> numbers) {
        Element item = itemOf(e);
        if (item == null || (item != e && (item.firstElementChild() != e || !item.ownText().isBlank()))) {
            return null; // not an item, or a later block inside one: the number stands before the item's first block
        }
        Element list = item.parent();
        if (list == null || !list.nameIs("ol")) {
            return null;
        }
        if (!numbers.containsKey(list)) {
            numbers.put(list, null);
            int n = start(list);
            for (Element sibling : list.children()) {
                if (sibling.nameIs("li")) {
                    numbers.put(sibling, n++);
                }
            }
        }
        return numbers.get(item);
    }

    private static int start(Element list) {
        try {
            return list.hasAttr("start") ? Integer.parseInt(list.attr("start").strip()) : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The {@code <li>} a block belongs to: the block itself, or the item it sits in directly; null outside lists. */
    private static Element itemOf(Element e) {
        return e.nameIs("li") ? e : e.parent() != null && e.parent().nameIs("li") ? e.parent() : null;
    }

    private static final int SUBHEAD_WORDS = 12;
    private static final int CLOSING_LINK_WORDS = 4;

    private static boolean isProseNeighbour(List<Block> blocks, int at) {
        if (at < 0 || at >= blocks.size()) {
            return false;
        }
        Block block = blocks.get(at);
        String text = block.text();
        return !block.inCard && block.linkDensity(text.length()) < 0.3 && TextShapes.isProse(text);
    }

    /** Words of a label that may open a line of links: "Recommendations:", "Where to buy:", "Best for families:". */
    private static final int LABEL_WORDS = 4;

    /**
     * A paragraph or list item whose own words label the links after them ("Recommendations: Canon EOS M50, Sony a7R
     * III"): the story's picks, named by links. A bare label of furniture ("Related:", "Read more:") stays furniture.
     * Dev pages: 15 change, 14 gain (a camera guide's picks, a hotel list's, a review's "Website:" lines), 1 loses.
     */
    private static boolean isLabelledLinks(Block block) {
        Element e = block.element;
        if (!e.nameIs("li") && !e.nameIs("p")) {
            return false;
        }
        StringBuilder label = new StringBuilder();
        for (Node child : e.childNodes()) {
            if (child instanceof Element c && (c.nameIs("a") || c.selectFirst("a") != null)) {
                break;
            }
            label.append(child instanceof TextNode t ? t.text() : child instanceof Element c ? c.text() : "");
            if (label.length() > 60) {
                return false;
            }
        }
        String text = label.toString().strip();
        int words = TextShapes.words(text);
        return text.endsWith(":") && words >= 1 && words <= LABEL_WORDS && Character.isLetter(text.charAt(0))
                && !TextShapes.isFurniture(text) && !TextShapes.isFurniture(text.substring(0, text.length() - 1))
                && !CROSS_REFERENCE.matcher(text).find();
    }

    /**
     * The words of a label that sends the reader to another page ("Don't Miss:", "Also Check:", "Check out:", "More on
     * the topic:", "Learn more:"): its links are other stories, whatever the label's other words.
     */
    private static final Pattern CROSS_REFERENCE = Pattern.compile(
            "\\b(?:miss|check|read|more|see|try|also|related|watch|listen|visit|explore|discover)\\b", Pattern.CASE_INSENSITIVE);

    /** A short block that is mostly link text: a menu, a list of other stories. */
    private static boolean isLinkList(Block block, String text) {
        int length = text.length();
        return block.linkDensity(length) > 0.5 && length < 300;
    }

    /** Share prompts, stamps, bios, shopping lines and other furniture, by their text; loose fragments by their tag. */
    private static boolean isFurnitureText(Block block, String text) {
        if (TextShapes.isFurniture(text) || TextShapes.isMetadata(text) || TextShapes.isTemplateSentence(text)
                || TextShapes.isAuthorBio(text) || TextShapes.isShoppingLine(text) || TextShapes.isEmbedCode(text)
                || TextShapes.isBareUrls(text)) {
            return true;
        }
        // a loose fragment in a div or span (a label, a price, a name, a counter): paragraphs, headings and list
        // items carry the story, and a short one of those is kept
        return !TEXT_ELEMENTS.contains(block.element.normalName()) && TextShapes.words(text) < 5 && !TextShapes.endsSentence(text);
    }
}
