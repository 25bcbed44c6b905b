package dev.copydesk.clean.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Cuts the page into {@link Block}s: the text under each block-level element, a table row being one block. */
final class BlockSegmenter {

    private BlockSegmenter() {}

    /** Between the cells of a table row, which is one block. */
    static final String CELL_SEPARATOR = " | ";

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
        NodeTraversor.filter(
                new NodeFilter() {
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
                                owner = !Tags.isInline(e) || parent == null ? e : blockOf.getOrDefault(parent, parent);
                            }
                            blockOf.put(e, owner);
                            if (owner == e && parent != null) {
                                openRun.remove(blockOf.getOrDefault(
                                        parent, parent)); // a block child ends its container's run of text
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
                },
                root);
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

    static boolean insideLink(Element from, Element stop) {
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
}
