package dev.copydesk.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * The author's bio box, known by the page's own JSON-LD: SEO plugins (Yoast, Rank Math) describe each author as a
 * {@code Person} with the same {@code description} the theme prints under or beside the story. That paragraph is
 * about the writer, not the story. Matched by word 4-grams, so a bio the theme shortens or reflows still matches.
 */
final class AuthorBios {

    /** A bio shorter than this may be a job title that the story's own text could hold. */
    private static final int MIN_WORDS = 8;
    /** The share of a paragraph's 4-grams a bio must hold for the paragraph to be that bio. */
    private static final double SAME_TEXT = 0.6;
    /** Bios never take more than this share of the body's words: a profile page is its bio. */
    private static final double MAX_BODY_SHARE = 0.3;
    private static final int SHINGLE = 4;
    /** JSON-LD graphs nest; deeper than this is not a document a CMS wrote. */
    private static final int MAX_DEPTH = 12;

    private final Set<List<String>> shingles;

    private AuthorBios(Set<List<String>> shingles) {
        this.shingles = shingles;
    }

    static AuthorBios of(List<JsonNode> jsonLd) {
        Set<List<String>> shingles = new HashSet<>();
        for (JsonNode root : jsonLd) {
            collect(root, shingles, 0);
        }
        return new AuthorBios(shingles);
    }

    private static void collect(JsonNode node, Set<List<String>> shingles, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject() && isPerson(node.get("@type")) && node.path("description").isTextual()) {
            String description = node.get("description").asText();
            String text = description.indexOf('<') >= 0 ? Jsoup.parse(description).text()
                    : Parser.unescapeEntities(description, false);
            List<String> words = PublisherBody.tokens(text);
            if (words.size() >= MIN_WORDS) {
                shingles.addAll(shingles(words));
            }
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                collect(child, shingles, depth + 1);
            }
        }
    }

    private static boolean isPerson(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("Person".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "Person".equals(type.asText());
    }

    /** The paragraphs without the ones that are an author's bio; all of them when the bios would be much of the body. */
    List<String> without(List<String> paragraphs) {
        if (shingles.isEmpty()) {
            return paragraphs;
        }
        List<String> kept = new ArrayList<>(paragraphs.size());
        int bodyWords = 0;
        int bioWords = 0;
        for (String paragraph : paragraphs) {
            List<String> words = PublisherBody.tokens(paragraph);
            bodyWords += words.size();
            if (isBio(words)) {
                bioWords += words.size();
            } else {
                kept.add(paragraph);
            }
        }
        return bioWords == 0 || bioWords > MAX_BODY_SHARE * bodyWords ? paragraphs : kept;
    }

    private boolean isBio(List<String> words) {
        if (words.size() < MIN_WORDS) {
            return false;
        }
        List<List<String>> own = shingles(words);
        long inBio = own.stream().filter(shingles::contains).count();
        return inBio >= SAME_TEXT * own.size();
    }

    private static List<List<String>> shingles(List<String> words) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            out.add(List.copyOf(words.subList(i, i + SHINGLE)));
        }
        return out;
    }
}
