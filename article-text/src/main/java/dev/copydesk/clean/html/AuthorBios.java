package dev.copydesk.clean.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * The author's bio box, known by the page's own JSON-LD: SEO plugins (Yoast, Rank Math) describe each author as a
 * {@code Person} with the same {@code description} the theme prints under or beside the story. That paragraph is
 * about the writer, not the story. Matched by word 4-grams, so a bio the theme shortens or reflows still matches.
 * Without a description, the box is known by its shape: near the end, a paragraph that opens with the byline's name
 * and a verb of a bio ("Amar is an avid traveler...", "Lisa has over 20 years of experience..."): on the dev pages
 * 14 such closing paragraphs went and the ground truths drop 13 of them. English verbs; other languages' bios stay.
 */
final class AuthorBios {

    /** A bio shorter than this may be a job title that the story's own text could hold. */
    private static final int MIN_WORDS = 8;
    /** The share of a paragraph's 4-grams a bio must hold for the paragraph to be that bio. */
    private static final double SAME_TEXT = 0.6;
    /** Bios never take more than this share of the body's words: a profile page is its bio. */
    private static final double MAX_BODY_SHARE = 0.3;
    /** JSON-LD graphs nest; deeper than this is not a document a CMS wrote. */
    private static final int MAX_DEPTH = 12;

    /** The share of the body, from its end, where a signed bio is looked for: the box follows the story. */
    private static final double TAIL_SHARE = 0.25;
    /** A name shorter than this ("Al", initials) would open sentences that are not about the author. */
    private static final int MIN_NAME = 3;

    private final Set<Long> shingles;
    /** The byline names, full and first, each a pattern of a paragraph that opens a bio. */
    private final List<Pattern> signedBios;

    private AuthorBios(Set<Long> shingles, List<Pattern> signedBios) {
        this.shingles = shingles;
        this.signedBios = signedBios;
    }

    /** {@code authors}: the byline's names (the page's metadata). */
    static AuthorBios of(List<JsonNode> jsonLd, List<String> authors) {
        Set<Long> shingles = new HashSet<>();
        for (JsonNode root : jsonLd) {
            collect(root, shingles, 0);
        }
        List<Pattern> signedBios = new ArrayList<>();
        for (String author :
                authors.stream().flatMap(a -> BYLINE_SEPARATOR.splitAsStream(a)).toList()) {
            String[] names = author.strip().split("\\s+");
            // a person's name is two or three words; a one-word byline is as often the site's name
            if (names.length < 2 || names.length > 3 || !isName(names)) {
                continue;
            }
            String full = String.join(" ", names);
            String first = names[0].length() >= MIN_NAME ? "|" + Pattern.quote(names[0]) : "";
            signedBios.add(Pattern.compile("^(?:" + Pattern.quote(full) + first + ")(?:,[^,]{1,80},)? " + BIO_VERBS));
        }
        return new AuthorBios(shingles, List.copyOf(signedBios));
    }

    /** Between the names of a shared byline: "Chen Zhao, Daryl Fairweather", "Ann Lee and Bo Kim". */
    private static final Pattern BYLINE_SEPARATOR = Pattern.compile("\\s*(?:[,;&]|\\band\\b)\\s*");

    /** How a bio goes on after the name: "is a", "has over 20 years", "writes about", "covers", "joined". */
    private static final String BIO_VERBS =
            "(?:is|was|has|writes|covers|joined|leads|serves|specializes|specialises|loves|brings|holds)\\b";

    /** "J." of "Mary J. Blige". */
    private static boolean isInitial(String word) {
        return word.length() == 2 && word.charAt(1) == '.';
    }

    private static boolean isName(String[] words) {
        for (String word : words) {
            // capitalised, not capitals: "QCY Team" is a brand, whose name opens its own pitch
            if (word.isEmpty()
                    || !Character.isUpperCase(word.charAt(0))
                    || (word.chars().noneMatch(Character::isLowerCase) && !isInitial(word))
                    || !word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static void collect(JsonNode node, Set<Long> shingles, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()
                && isPerson(node.get("@type"))
                && node.path("description").isTextual()) {
            String description = node.get("description").asText();
            String text = description.indexOf('<') >= 0
                    ? Jsoup.parse(description).text()
                    : Parser.unescapeEntities(description, false);
            List<String> words = PublisherBody.tokens(text);
            if (words.size() >= MIN_WORDS) {
                shingles.addAll(PublisherBody.shingles(words));
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
        if (shingles.isEmpty() && signedBios.isEmpty()) {
            return paragraphs;
        }
        List<String> kept = new ArrayList<>(paragraphs.size());
        int bioWords = 0;
        int tail = (int) Math.floor(paragraphs.size() * (1 - TAIL_SHARE));
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            // the words are counted only for a bio, and the body's only when there is one: most pages have none
            if ((i >= tail && isSignedBio(paragraph))
                    || (!shingles.isEmpty() && isBio(PublisherBody.tokens(paragraph)))) {
                bioWords += PublisherBody.tokens(paragraph).size();
            } else {
                kept.add(paragraph);
            }
        }
        if (bioWords == 0) {
            return paragraphs;
        }
        int bodyWords = 0;
        for (String paragraph : paragraphs) {
            bodyWords += PublisherBody.tokens(paragraph).size();
        }
        return bioWords > MAX_BODY_SHARE * bodyWords ? paragraphs : kept;
    }

    private boolean isSignedBio(String paragraph) {
        for (Pattern bio : signedBios) {
            if (bio.matcher(paragraph).find()) {
                return true;
            }
        }
        return false;
    }

    private boolean isBio(List<String> words) {
        if (words.size() < MIN_WORDS) {
            return false;
        }
        Set<Long> own = PublisherBody.shingles(words);
        long inBio = own.stream().filter(shingles::contains).count();
        return inBio >= SAME_TEXT * own.size();
    }
}
