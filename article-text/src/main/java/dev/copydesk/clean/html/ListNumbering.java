package dev.copydesk.clean.html;

import dev.copydesk.clean.FurnitureLines;
import dev.copydesk.clean.Prose;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/** The numbers of ordered lists' items, and whether a sentence of the story announces a numbered list of links. */
final class ListNumbering {

    private ListNumbering() {}

    /**
     * An item of a numbered list of links that a sentence of the story announces ("Here's our roadmap:", "What's
     * ahead:"): a series' table of contents, a list of sources the story walks through. Lists of other stories come
     * bulleted and labelled ("Related", "Read more"), and those labels are furniture. {@code announced} keeps each
     * list's answer, so a long list's items do not each walk back over the items before them.
     */
    static boolean isAnnouncedListItem(List<Block> blocks, int at, Map<Element, Boolean> announced) {
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
        while (before >= 0 && Tags.inside(blocks.get(before).element, list)) {
            before--;
        }
        Element previous = list.previousElementSibling();
        if (before < 0 || previous == null) {
            return false;
        }
        Block lead = blocks.get(before);
        String text = lead.text();
        return text.endsWith(":")
                && !lead.inCard
                && lead.linkDensity(text.length()) < 0.3
                && Prose.words(text) >= 2
                && !FurnitureLines.isFurniture(text)
                && Tags.inside(lead.element, previous);
    }

    /**
     * The number a browser shows before the block when it is an item of an ordered list ({@code <li>}, or the first
     * block inside one), counted from the list's {@code start}; null for anything else. {@code numbers} keeps each list's
     * numbering, counted once, so a list of thousands of items is not recounted for each.
     */
    static Integer itemNumber(Element e, Map<Element, Integer> numbers) {
        Element item = itemOf(e);
        if (item == null
                || (item != e
                        && (item.firstElementChild() != e || !item.ownText().isBlank()))) {
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
}
