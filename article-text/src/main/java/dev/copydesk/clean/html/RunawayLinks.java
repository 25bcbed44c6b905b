package dev.copydesk.clean.html;

import dev.copydesk.clean.Prose;
import dev.copydesk.clean.RuleSwitches;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Repairs one kind of broken markup: an {@code <a>} left open in a page's header ({@code <div><a href="/">Home</div>})
 * is opened again by the HTML parser, as the HTML standard says and browsers do, inside every paragraph after it, so
 * the story becomes one link per paragraph to that address and reads as a list of links. Three or more paragraphs of
 * prose that are each wholly a link to one address are that, and every link to that address is unwrapped, its text
 * kept. Real link lists and teaser cards point each item elsewhere, and a card's linked excerpt is one paragraph.
 */
final class RunawayLinks {

    /** Paragraphs wholly one link to the same address that make a runaway link. */
    private static final int MIN_PARAGRAPHS = 3;
    /** A paragraph of prose: this long and ending a sentence. */
    private static final int PARAGRAPH = 80;

    private RunawayLinks() {}

    static void unwrap(Element body) {
        if (!RuleSwitches.on("html.runaway-links")) {
            return;
        }
        if (body == null) {
            return;
        }
        List<Element> links = body.getElementsByTag("a");
        Map<String, Integer> paragraphsByHref = null;
        for (Element link : links) {
            String href = link.attr("href");
            int paragraphs = href.isEmpty() ? 0 : paragraphsIn(link);
            if (paragraphs > 0) {
                if (paragraphsByHref == null) {
                    paragraphsByHref = new HashMap<>();
                }
                paragraphsByHref.merge(href, paragraphs, Integer::sum);
            }
        }
        if (paragraphsByHref == null) {
            return; // most pages: no link wraps a paragraph
        }
        List<Element> runaway = new ArrayList<>();
        for (Element link : links) {
            if (paragraphsByHref.getOrDefault(link.attr("href"), 0) >= MIN_PARAGRAPHS) {
                runaway.add(link);
            }
        }
        runaway.forEach(Element::unwrap);
    }

    /**
     * The paragraphs of prose the link holds: its block's whole text (the copy inside a {@code <p>}), or the
     * paragraphs it encloses (the copy opened between paragraphs, by the whitespace there, holds the {@code <p>}s
     * after it).
     */
    private static int paragraphsIn(Element link) {
        String text = link.text();
        if (text.length() < PARAGRAPH) {
            return 0; // most links: a few words, and nothing else is walked
        }
        int enclosed = 0;
        for (Element child : link.children()) {
            if (child.nameIs("p") && isParagraph(child.text())) {
                enclosed++;
            }
        }
        if (enclosed > 0) {
            return enclosed;
        }
        if (!isParagraph(text)) {
            return 0;
        }
        Element block = link.parent();
        while (block != null && Tags.isInline(block)) {
            block = block.parent();
        }
        return block != null && !block.nameIs("body") && block.text().length() <= text.length() + 2 ? 1 : 0;
    }

    private static boolean isParagraph(String text) {
        return text.length() >= PARAGRAPH && Prose.endsSentence(text);
    }
}
