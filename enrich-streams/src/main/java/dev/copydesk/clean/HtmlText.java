package dev.copydesk.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Renders an HTML page to the line-per-block text the {@link TextCleaner} reads: the page title first, then
 * headings, paragraphs and list items ({@code - } prefixed) in document order; scripts, styles, navigation,
 * headers, footers and asides out. The skeleton's extractor; issue #3 brings a real main-content extractor.
 */
public final class HtmlText {

    private HtmlText() {
    }

    public static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, template, nav, header, footer, aside, form, iframe, svg").remove();
        StringBuilder out = new StringBuilder();
        Element h1 = doc.selectFirst("h1");
        String title = h1 != null ? h1.text() : doc.title();
        if (!title.isBlank()) {
            out.append(title).append('\n');
        }
        for (Element block : doc.body().select("h2, h3, h4, p, li, blockquote, pre")) {
            if (block.parents().stream().anyMatch(p -> p.nameIs("p") || p.nameIs("li"))) {
                continue; // nested: its text is part of the enclosing block
            }
            String text = block.text();
            if (!text.isBlank()) {
                out.append(block.nameIs("li") ? "- " : "").append(text).append('\n');
            }
        }
        return out.toString();
    }
}
