package dev.copydesk.clean.html;

import dev.copydesk.clean.Prose;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Locates the article by text mass: every block adds its length to all its ancestors, positively for prose and
 * negatively for link lists, short fragments and teaser cards; the heaviest element, climbed to the ancestor that
 * holds the rest of its prose, is the article.
 */
final class TextMass {

    private TextMass() {}

    /** How much a link-list block counts against its containers, per character (prose counts +1). */
    private static final double LINK_PENALTY = 0.6;

    /**
     * Text mass: every block adds its length to all its ancestors, positive for prose (long, few links, ends like a
     * sentence), negative for link lists and short fragments. The article is the element with the greatest mass:
     * climbing higher adds more chrome than story, stopping lower leaves story out. Unlike a vote over a few
     * levels, this does not depend on how deeply a page builder nests its paragraphs. {@code proseOnly} gets what
     * the prose blocks alone add.
     */
    static Map<Element, Double> textMass(List<Block> blocks, Map<Element, Double> proseOnly) {
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
            } else if (length >= 60 && (Prose.endsSentence(text) || length >= 150)) {
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
    static final int CARD_MAX = 400;

    /**
     * Teaser cards: three or more short siblings of one tag and class, each opening on a link (the teased story's
     * title), as listings and "more stories" rows are built. Their excerpts read like prose, so without this a short
     * story loses the vote to the listing under it. Cards weigh nothing as prose in the text mass; they are not
     * dropped from the article once it is chosen (tried: it cut listicles and link-led paragraphs, F1 -0.002).
     */
    static Set<Element> cards(Element body, Set<Element> skipped, TextLengths lengths) {
        Set<Element> cards = Collections.newSetFromMap(new IdentityHashMap<>());
        NodeTraversor.filter(
                new NodeFilter() {
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
                },
                body);
        return cards;
    }

    /** The children of {@code parent} that are teaser cards: a group of one tag and class, mostly opening on links. */
    private static void addCards(Element parent, Set<Element> skipped, TextLengths lengths, Set<Element> cards) {
        List<Element> shortChildren = null;
        for (Element child : parent.children()) {
            int text = lengths.under().getOrDefault(child, 0);
            if (text > 0 && text <= CARD_MAX && !skipped.contains(child) && !Tags.isInline(child)) {
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
            groups.computeIfAbsent(
                            child.normalName() + "."
                                    + CARD_NUMBER.matcher(child.className()).replaceAll(""),
                            k -> new ArrayList<>())
                    .add(child);
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
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode t && !t.isBlank()) {
                            if (BlockSegmenter.insideLink((Element) t.parent(), e)) {
                                linked[0] = true;
                                return FilterResult.STOP;
                            }
                            return Prose.words(t.text()) <= 3 && ++labels[0] <= 2
                                    ? FilterResult.CONTINUE
                                    : FilterResult.STOP;
                        }
                        return node instanceof Element x && FurnitureFilter.isRemoved(x)
                                ? FilterResult.SKIP_ENTIRELY
                                : FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        return FilterResult.CONTINUE;
                    }
                },
                e);
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
    static Element climb(Element article, Map<Element, Double> mass, Map<Element, Double> prose) {
        Element chosen = article;
        for (Element parent = article.parent(); parent != null && !parent.nameIs("html"); parent = parent.parent()) {
            double m = mass.getOrDefault(parent, 0.0), p = prose.getOrDefault(parent, 0.0);
            if (m >= CLIMB_MASS * mass.getOrDefault(chosen, 0.0)
                    && p >= CLIMB_PROSE * prose.getOrDefault(chosen, 0.0)) {
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
    static Element heaviest(Map<Element, Double> mass, Element body) {
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
}
