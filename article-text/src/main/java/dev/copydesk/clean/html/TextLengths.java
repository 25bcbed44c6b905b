package dev.copydesk.clean.html;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The visible text under every element, the part of it in long paragraphs, and how many elements own text (the
 * page's blocks, for the removed count). Both lengths are summed up the tree as the walk leaves each element.
 */
record TextLengths(Map<Element, Integer> under, Map<Element, Integer> paragraphs, int owners, int body) {

    /** A paragraph this long is prose: long paragraphs are what overrules a weak furniture name. */
    static final int PARAGRAPH = 150;

    static TextLengths of(Element body) {
        Map<Element, Integer> textLength = new IdentityHashMap<>();
        Map<Element, Integer> paragraphs = new IdentityHashMap<>();
        Set<Element> owners = Collections.newSetFromMap(new IdentityHashMap<>());
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t && node.parent() instanceof Element parent && !t.isBlank()) {
                            textLength.merge(parent, t.getWholeText().length(), Integer::sum);
                            Element owner = parent;
                            while (Tags.isInline(owner) && owner.parent() != null) {
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
                },
                body);
        return new TextLengths(textLength, paragraphs, owners.size(), textLength.getOrDefault(body, 0));
    }
}
