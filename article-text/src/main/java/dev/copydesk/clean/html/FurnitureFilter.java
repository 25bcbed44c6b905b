package dev.copydesk.clean.html;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * What a reading of the page skips whole: controls and media, hidden elements, sectioning furniture (nav, aside,
 * header, footer, form), ARIA roles of page regions, and elements whose class or id names furniture
 * ({@link ElementNames}), each with the exceptions that keep a story's own parts (accordions, a story's FAQ footer,
 * code, quotations).
 */
final class FurnitureFilter {

    private FurnitureFilter() {}

    private static final Set<String> REMOVED_TAGS = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "canvas",
            "iframe",
            "object",
            "embed",
            "button",
            "input",
            "select",
            "textarea",
            "option",
            "dialog",
            "link",
            "meta",
            "figcaption",
            "map",
            "audio",
            "video",
            "picture",
            "source",
            "math");

    /** Page regions that are furniture by their tag. */
    private static final Set<String> SECTIONING_FURNITURE = Set.of("nav", "aside", "header", "footer", "form");

    /** Characters of long paragraphs that overrule a weak name. */
    private static final int WEAK_NAME_PROSE = 300;

    private static final Set<String> NEGATIVE_ROLES =
            Set.of("navigation", "complementary", "banner", "contentinfo", "dialog", "alert");

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

    private static final Pattern HIDDEN_STYLE =
            Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

    /**
     * What is never article text: the elements whose whole subtree a reading skips, and how much text went only for
     * its class or id name.
     */
    record Furniture(Set<Element> skipped, int namedText) {}

    static Furniture furniture(Element body, TextLengths lengths, boolean trustNames) {
        int bodyText = lengths.body();
        int[] namedText = {0};
        Set<String> disclosed = disclosurePanels(body);
        Set<Element> doomed = Collections.newSetFromMap(new IdentityHashMap<>());
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (!(node instanceof Element e) || e == body) {
                            return FilterResult.CONTINUE;
                        }
                        int text = lengths.under().getOrDefault(e, 0);
                        boolean furniture = isRemoved(e)
                                // hidden, unless it holds most of the page (streamed React pages hide the article until
                                // JS moves it)
                                || (isHidden(e)
                                        && !disclosed.contains(e.id())
                                        && !followsCollapsedToggle(e)
                                        && (isNegative(e) || text < bodyText / 2))
                                // unless it holds most of the page: an unclosed <aside> swallows the rest of a
                                // malformed page
                                || (SECTIONING_FURNITURE.contains(e.normalName())
                                        && text < bodyText / 2
                                        && !isStorysOwnFooter(e, lengths));
                        boolean named = !furniture
                                && trustNames
                                && ((isNegative(e, lengths.paragraphs().getOrDefault(e, 0))
                                                && !isPositive(e)
                                                && (isDialog(e) || !isVouchedByArticleName(e))
                                                && text < bodyText / 3)
                                        // a box named "card" that holds no more than a teaser (a title, a sentence, a
                                        // link): a promotion
                                        // or another page's teaser inside the story. Bigger cards are the story's own
                                        // entries (a ranking's
                                        // schools, a recipe): the name alone would cut them (dev HTML: two pages lost
                                        // 40% of their recall)
                                        || (text <= TextMass.CARD_MAX
                                                && isNamedCard(e)
                                                && !isCode(e)
                                                && !isQuotation(e)));
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
                },
                body);
        return new Furniture(doomed, namedText[0]);
    }

    /**
     * Controls, media and code are not text; but a button that is a heading's whole content is the heading: the
     * WAI-ARIA accordion header ({@code <h3><button aria-expanded>Question</button></h3>}) of FAQs and guides.
     */
    static boolean isRemoved(Element e) {
        return REMOVED_TAGS.contains(e.normalName()) && !(e.nameIs("button") && isHeadingToggle(e));
    }

    private static boolean isHeadingToggle(Element button) {
        Element parent = button.parent();
        return parent != null && Tags.HEADINGS.contains(parent.normalName()) && parent.childrenSize() == 1;
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
        Set<String> ids = new HashSet<>();
        for (Element toggle : body.getElementsByAttribute("aria-controls")) {
            if (toggle.hasAttr("aria-expanded")
                    || "button".equals(toggle.attr("role"))
                    || toggle.nameIs("button")
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
        return e.hasAttr("hidden")
                || "true".equals(e.attr("aria-hidden"))
                || HIDDEN_STYLE.matcher(e.attr("style")).find();
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
            if (ARTICLE_NAME.matcher(name).find() && ElementNames.nameWeight(name) != ElementNames.STRONG) {
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
        String names = ElementNames.asciiLowerCase(e.className() + " " + e.id());
        return names.contains("modal") || names.contains("popup");
    }

    /** {@code paragraphs}: characters in long paragraphs under it, which a weak name (a layout word) does not outweigh. */
    private static boolean isNegative(Element e, int paragraphs) {
        if (NEGATIVE_ROLES.contains(e.attr("role"))) {
            return true;
        }
        String id = e.id();
        int name = ElementNames.nameWeight(e.className() + " " + (isHeadingSlug(e, id) ? "" : id));
        // a heading's weak name is its anchor for the page's table of contents ("toc_how-they-work", "header-anchor")
        return (name == ElementNames.STRONG
                        || (name == ElementNames.WEAK
                                && paragraphs < WEAK_NAME_PROSE
                                && !Tags.HEADINGS.contains(e.normalName())
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
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof Element x
                                && x != e
                                && Tags.HEADINGS.contains(x.normalName())
                                && !x.nameIs("h1")
                                && ++subheads[0] >= SECTIONS) {
                            return FilterResult.STOP; // enough: a wrapper of the whole page is not walked to its end
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                e);
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
        if (id.length() < 2 * SLUG_PARTS || ElementNames.nameWeight(id) == ElementNames.NONE) {
            return false; // most ids: too short for a sentence's words, or holding no furniture word to excuse
        }
        Element heading = Tags.HEADINGS.contains(e.normalName()) ? e : e.selectFirst("h1, h2, h3, h4, h5, h6");
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
        String lower = ElementNames.asciiLowerCase(e.className() + " " + e.id());
        for (int i = lower.indexOf("card"); i >= 0; i = lower.indexOf("card", i + 4)) {
            if ((i == 0 || ElementNames.isNameSeparator(lower.charAt(i - 1)))
                    && (i + 4 == lower.length() || ElementNames.isNameSeparator(lower.charAt(i + 4)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPositive(Element e) {
        return e.nameIs("article")
                || e.nameIs("main")
                || "main".equals(e.attr("role"))
                || "articleBody".equals(e.attr("itemprop"));
    }
}
