package dev.copydesk.clean.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copydesk.clean.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Title, authors, publish time and canonical URL from a page's markup: JSON-LD (schema.org Article types) first,
 * then Open Graph / article meta tags, then plain HTML ({@code <h1>}, {@code <time>}, {@code rel=canonical}).
 * Empty strings where the page says nothing.
 */
public record PageMetadata(String title, List<String> authors, String published, String canonicalUrl) {

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "Article",
            "NewsArticle",
            "BlogPosting",
            "ReportageNewsArticle",
            "AnalysisNewsArticle",
            "OpinionNewsArticle",
            "TechArticle",
            "ScholarlyArticle",
            "WebPage",
            "LiveBlogPosting");

    public static PageMetadata empty() {
        return new PageMetadata("", List.of(), "", "");
    }

    public String author() {
        return String.join(", ", authors);
    }

    static PageMetadata of(Document doc, List<JsonNode> jsonLd) {
        JsonNode ld = articleJsonLd(jsonLd);
        Map<String, String> metas = new HashMap<>();
        for (Element e : doc.select("meta[content]")) {
            String key = !e.attr("property").isEmpty()
                    ? e.attr("property")
                    : !e.attr("name").isEmpty() ? e.attr("name") : e.attr("itemprop");
            String content = e.attr("content").strip();
            if (!key.isEmpty() && !content.isEmpty()) {
                metas.putIfAbsent(key.toLowerCase(Locale.ROOT), content);
            }
        }
        String title = first(text(ld, "headline"), meta(metas, "og:title"), meta(metas, "twitter:title"));
        Set<String> authors = new LinkedHashSet<>(jsonLdAuthors(ld));
        if (authors.isEmpty()) {
            for (String candidate : List.of(
                    meta(metas, "author"),
                    meta(metas, "article:author"),
                    meta(metas, "byl"),
                    meta(metas, "dc.creator"))) {
                if (!candidate.isEmpty() && !candidate.startsWith("http")) {
                    authors.add(candidate.replaceFirst("(?i)^by\\s+", ""));
                }
            }
        }
        if (authors.isEmpty()) {
            for (Element e : doc.select("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]")) {
                String name = e.text().strip().replaceFirst("(?i)^by\\s+", "");
                if (!name.isEmpty() && name.length() < 80) {
                    authors.add(name);
                    break;
                }
            }
        }
        String published = first(
                text(ld, "datePublished"),
                meta(metas, "article:published_time"),
                meta(metas, "og:published_time"),
                meta(metas, "pubdate"),
                meta(metas, "publishdate"),
                meta(metas, "date"),
                meta(metas, "dc.date"),
                meta(metas, "dc.date.issued"));
        if (published.isBlank()) {
            // only now walk the whole page for markup dates: each lookup is a pass over a document of thousands of
            // nodes
            Element dated = doc.selectFirst("[itemprop=datePublished]");
            published = dated == null ? "" : first(dated.attr("content"), dated.attr("datetime"));
            if (published.isBlank()) {
                published = attr(doc, "time[datetime]", "datetime");
            }
        }
        String canonical = first(attr(doc, "link[rel=canonical]", "href"), meta(metas, "og:url"), text(ld, "url"));
        return new PageMetadata(clean(title), List.copyOf(authors), published.strip(), canonical.strip());
    }

    private static String clean(String s) {
        return TextNormalizer.normalize(s).replace('\n', ' ');
    }

    /** The first JSON-LD object of an article type, looking inside arrays and {@code @graph}. */
    private static JsonNode articleJsonLd(List<JsonNode> jsonLd) {
        for (JsonNode root : jsonLd) {
            List<JsonNode> candidates = new ArrayList<>();
            collect(root, candidates, 0);
            for (JsonNode node : candidates) {
                if (isArticle(node)) {
                    return node;
                }
            }
        }
        return null;
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out, depth + 1);
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (ARTICLE_TYPES.contains(t.asText()) && !"WebPage".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText()) && !"WebPage".equals(type.asText());
    }

    private static List<String> jsonLdAuthors(JsonNode ld) {
        List<String> names = new ArrayList<>();
        if (ld == null) {
            return names;
        }
        JsonNode author = ld.get("author");
        if (author == null) {
            return names;
        }
        for (JsonNode a : author.isArray() ? author : List.of(author)) {
            String name = a.isTextual() ? a.asText() : a.path("name").asText("");
            if (!name.isBlank() && !name.startsWith("http")) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return "";
        }
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() ? value.asText("") : "";
    }

    private static String meta(Map<String, String> metas, String name) {
        return metas.getOrDefault(name, "");
    }

    private static String attr(Document doc, String selector, String attribute) {
        Element e = doc.selectFirst(selector);
        return e == null ? "" : e.attr(attribute);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
