package dev.copydesk.clean.html;

import dev.copydesk.clean.TextNormalizer;
import org.jsoup.nodes.Element;

/** The text under one block-level element, excluding the text of nested blocks. */
final class Block {
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
