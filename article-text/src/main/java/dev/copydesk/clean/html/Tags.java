package dev.copydesk.clean.html;

import java.util.Set;
import org.jsoup.nodes.Element;

/** The tag vocabulary of the extractor, and where an element stands in the tree. */
final class Tags {

    private Tags() {}

    private static final Set<String> INLINE_TAGS = Set.of(
            "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "img", "kbd",
            "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
            "wbr", "del", "ins", "label", "tt", "big", "strike", "nobr");

    static final Set<String> TEXT_ELEMENTS = Set.of(
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "blockquote",
            "pre",
            "td",
            "th",
            "tr",
            "dd",
            "dt",
            "article",
            "section",
            "main");

    static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

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

    static boolean inside(Element e, Element root) {
        for (Element x = e; x != null; x = x.parent()) {
            if (x == root) {
                return true;
            }
        }
        return false;
    }

    static boolean insideAny(Element e, Set<Element> roots) {
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
}
