package dev.copydesk.clean.html;

import dev.copydesk.clean.FurnitureLines;
import dev.copydesk.clean.Prose;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Link lists inside the article (menus, other stories) go; the story's own links stay: a linked subhead between
 * paragraphs, a sentence of the story that is mostly links, a labelled line of the story's picks.
 */
final class LinkListRules {

    private LinkListRules() {}

    /** A short block that is mostly link text: a menu, a list of other stories. */
    static boolean isLinkList(Block block, String text) {
        int length = text.length();
        return block.linkDensity(length) > 0.5 && length < 300;
    }

    /**
     * A paragraph that is one link standing alone between two paragraphs of prose: a roundup's subhead linking to the
     * item's source ("Imprivata acquires Verosint"), not a list of links. Lists come in runs of links, "Related:" and
     * "Read more:" teasers carry their label, rows of links their separators, and all are left to the link-density rule.
     */
    static boolean isLinkedSubhead(List<Block> blocks, int at, String text) {
        Block block = blocks.get(at);
        if (!block.element.nameIs("p")
                || block.inCard
                || block.inLink
                || text.indexOf(':') >= 0
                || text.indexOf('|') >= 0
                || Prose.words(text) > SUBHEAD_WORDS) {
            return false;
        }
        // "Read our full review." closes its paragraph's section: the next block may be the section's next part (a
        // button's two words, "Learn more.", are no sentence)
        return isProseNeighbour(blocks, at - 1)
                && (isProseNeighbour(blocks, at + 1)
                        || (Prose.endsSentence(text) && Prose.words(text) >= CLOSING_LINK_WORDS));
    }

    /** Characters of a sentence's own words, outside its links, that make it the story's sentence. */
    private static final int OWN_WORDS_CHARS = 30;

    /**
     * A sentence of the story whose words are mostly links ("The USAA also rates among the <a>top insurance carriers in
     * other states, like Massachusetts</a> and <a>Florida</a>."), next to the story's prose. Dev pages: 27 change,
     * 25 gain; the two that lose keep a promotion's sentence ("Try SmartAsset AMP, ...").
     */
    static boolean isLinkedSentence(List<Block> blocks, int at, String text) {
        Block block = blocks.get(at);
        if (!block.element.nameIs("p")
                || block.inCard
                || block.inLink
                || text.length() - block.linkChars < OWN_WORDS_CHARS
                || !Character.isUpperCase(text.charAt(0))
                || !Prose.endsSentence(text)
                || text.indexOf('|') >= 0) {
            return false;
        }
        return isProseNeighbour(blocks, at - 1) || isProseNeighbour(blocks, at + 1);
    }

    private static final int SUBHEAD_WORDS = 12;

    private static final int CLOSING_LINK_WORDS = 4;

    private static boolean isProseNeighbour(List<Block> blocks, int at) {
        if (at < 0 || at >= blocks.size()) {
            return false;
        }
        Block block = blocks.get(at);
        String text = block.text();
        return !block.inCard && block.linkDensity(text.length()) < 0.3 && Prose.isProse(text);
    }

    /** Words of a label that may open a line of links: "Recommendations:", "Where to buy:", "Best for families:". */
    private static final int LABEL_WORDS = 4;

    /**
     * A paragraph or list item whose own words label the links after them ("Recommendations: Canon EOS M50, Sony a7R
     * III"): the story's picks, named by links. A bare label of furniture ("Related:", "Read more:") stays furniture.
     * Dev pages: 15 change, 14 gain (a camera guide's picks, a hotel list's, a review's "Website:" lines), 1 loses.
     */
    static boolean isLabelledLinks(Block block) {
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
        int words = Prose.words(text);
        return text.endsWith(":")
                && words >= 1
                && words <= LABEL_WORDS
                && Character.isLetter(text.charAt(0))
                && !FurnitureLines.isFurniture(text)
                && !FurnitureLines.isFurniture(text.substring(0, text.length() - 1))
                && !CROSS_REFERENCE.matcher(text).find();
    }

    /**
     * The words of a label that sends the reader to another page ("Don't Miss:", "Also Check:", "Check out:", "More on
     * the topic:", "Learn more:"): its links are other stories, whatever the label's other words.
     */
    private static final Pattern CROSS_REFERENCE = Pattern.compile(
            "\\b(?:miss|check|read|more|see|try|also|related|watch|listen|visit|explore|discover)\\b",
            Pattern.CASE_INSENSITIVE);
}
