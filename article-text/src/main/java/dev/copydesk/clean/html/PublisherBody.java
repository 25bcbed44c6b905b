package dev.copydesk.clean.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.copydesk.clean.TextNormalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The story as its publisher states it: schema.org's {@code articleBody} in the page's JSON-LD, which news sites
 * fill for search engines. It has no paragraphs, subheads or lists, and is sometimes only a teaser, so it is not
 * the body; it is a second opinion on the paragraphs the extractor found. Where it holds the whole story, a
 * short block, list item or table row it does not contain (a product card, a spec table, a "Pros/Cons" widget,
 * a promo line) is the page's, not the story's. Subheads are kept (the publisher leaves them out), and so is
 * long prose inside the story: a body the CMS cut short must not cut the story. Long prose above the first
 * paragraph it states goes too: a synopsis or a teaser of the story, not the story.
 */
final class PublisherBody {

    /** Shorter statements are summaries. */
    private static final int MIN_WORDS = 50;
    /** A statement with fewer words than this share of the extracted story's is a teaser of it. */
    private static final double MIN_LENGTH_SHARE = 0.6;
    /** The share of the statement's word 4-grams the extracted story must hold: else it states another text. */
    private static final double MIN_AGREEMENT = 0.8;
    /** A block is stated when this share of its word 4-grams (of its words, if it has fewer than four) is. */
    private static final double STATED = 0.3;
    /** Blocks of at least this many words are prose, kept even when unstated. */
    private static final int PROSE_WORDS = 25;

    private static final int SHINGLE = 4;
    /** A stated block this long is the story's first sentence, not a label that happens to be stated. */
    private static final int SENTENCE_WORDS = 10;

    /** A page whose extracted story has fewer words than this share of the statement's shows the statement instead. */
    private static final double STAND_IN_SHARE = 0.3;

    private final Set<Long> shingles;
    private final Set<String> words;
    private final int wordCount;
    /** The field as the page has it: cut into paragraphs only on the rare page it stands in for. */
    private final String statement;

    private PublisherBody(List<String> tokens, String statement) {
        this.shingles = shingles(tokens);
        this.words = new HashSet<>(tokens);
        this.wordCount = tokens.size();
        this.statement = statement;
    }

    /** The longest {@code articleBody} in the page's JSON-LD, if it is long enough to be a story. */
    static Optional<PublisherBody> of(List<JsonNode> jsonLd) {
        String longest = "";
        for (JsonNode root : jsonLd) {
            for (JsonNode body : root.findValues("articleBody")) {
                if (body.isTextual() && body.asText().length() > longest.length()) {
                    longest = body.asText();
                }
            }
        }
        // some CMSes put the body's markup in the field, most its plain text with entities
        String text = longest.indexOf('<') >= 0 ? Jsoup.parse(longest).text() : Parser.unescapeEntities(longest, false);
        List<String> tokens = tokens(text);
        return tokens.size() < MIN_WORDS ? Optional.empty() : Optional.of(new PublisherBody(tokens, longest));
    }

    /**
     * The page as extracted, or with this statement as its body when the page's markup holds next to none of the
     * story: a page rendered in the browser from its scripts ({@code <div id="root"></div>}), or a story behind a
     * script-built paywall, still states it for search engines. The statement's own line breaks make the paragraphs.
     */
    ExtractedPage standIn(ExtractedPage page) {
        int extracted = 0;
        for (String paragraph : page.paragraphs()) {
            extracted += tokens(paragraph).size();
            if (extracted >= STAND_IN_SHARE * wordCount) {
                return page; // nearly every page: its markup holds the story
            }
        }
        return new ExtractedPage(page.title(), paragraphs(), page.metadata(), page.removedBlocks());
    }

    /** The statement's paragraphs: its {@code <p>}s, subheads and list items if it carries markup, else its lines. */
    private List<String> paragraphs() {
        List<String> paragraphs = new ArrayList<>();
        if (statement.indexOf('<') >= 0) {
            Element body = Jsoup.parseBodyFragment(statement).body();
            for (Element p : body.select("p, h2, h3, li")) {
                if (!p.nameIs("li")) {
                    paragraphs.add(p.text());
                } else if (p.selectFirst("p") == null) { // an item of paragraphs gives them, not itself again
                    paragraphs.add("- " + p.text());
                }
            }
            if (paragraphs.isEmpty()) {
                paragraphs.add(body.text());
            }
        } else {
            paragraphs.addAll(List.of(Parser.unescapeEntities(statement, false).split("\\n")));
        }
        return paragraphs.stream()
                .map(p -> TextNormalizer.normalize(p).strip())
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /**
     * The paragraphs without the short blocks, list items and table rows this statement of the story does not
     * contain; all of them if the statement is a teaser or states another text.
     */
    List<String> keepStated(List<String> paragraphs, Set<String> headings) {
        List<List<String>> tokenized = new ArrayList<>(paragraphs.size());
        List<String> all = new ArrayList<>();
        for (String paragraph : paragraphs) {
            List<String> t = tokens(paragraph);
            tokenized.add(t);
            all.addAll(t);
        }
        if (wordCount < MIN_LENGTH_SHARE * all.size()) {
            return paragraphs;
        }
        Set<Long> extracted = shingles(all);
        long agreeing = shingles.stream().filter(extracted::contains).count();
        if (agreeing < MIN_AGREEMENT * shingles.size()) {
            return paragraphs;
        }
        int storyStart = 0;
        while (storyStart < paragraphs.size()
                && (tokenized.get(storyStart).size() < SENTENCE_WORDS || stated(tokenized.get(storyStart)) < STATED)) {
            storyStart++;
        }
        if (storyStart == paragraphs.size()) {
            storyStart = 0;
        }
        boolean[] unstatedProse = new boolean[paragraphs.size()];
        boolean[] prose = new boolean[paragraphs.size()];
        double[] stated = new double[paragraphs.size()];
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            stated[i] = stated(tokenized.get(i));
            prose[i] = tokenized.get(i).size() >= PROSE_WORDS && !isItemOrRow(paragraph);
            unstatedProse[i] = prose[i] && i >= storyStart && stated[i] < STATED;
        }
        List<String> kept = new ArrayList<>(paragraphs.size());
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            // prose above the story's first stated paragraph is a summary or a teaser, not a part the CMS cut
            boolean mayGo = !headings.contains(paragraph) && (!prose[i] || i < storyStart);
            if (!mayGo || stated[i] >= STATED || insideUnstatedPassage(i, prose, unstatedProse)) {
                kept.add(paragraph);
            }
        }
        return kept;
    }

    private static boolean isItemOrRow(String paragraph) {
        return paragraph.startsWith("- ") || paragraph.contains(BlockSegmenter.CELL_SEPARATOR);
    }

    /**
     * Whether a short block sits between two paragraphs of prose the statement leaves out: a section the CMS cut
     * (folded FAQ answers, a buying guide), whose lead-ins and lists are the story's too. A widget sits among
     * stated paragraphs.
     */
    private static boolean insideUnstatedPassage(int at, boolean[] prose, boolean[] unstatedProse) {
        int before = at - 1;
        while (before >= 0 && !prose[before]) {
            before--;
        }
        int after = at + 1;
        while (after < prose.length && !prose[after]) {
            after++;
        }
        return before >= 0 && after < prose.length && unstatedProse[before] && unstatedProse[after];
    }

    private double stated(List<String> tokens) {
        if (tokens.isEmpty()) {
            return 1;
        }
        if (tokens.size() < SHINGLE) {
            return tokens.stream().filter(words::contains).count() / (double) tokens.size();
        }
        Set<Long> own = shingles(tokens);
        return own.stream().filter(shingles::contains).count() / (double) own.size();
    }

    /** Lower-cased runs of letters and digits: the words of both texts, whatever their punctuation. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_');
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                tokens.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return tokens;
    }

    /** The word 4-grams of the tokens, each hashed to a long: what both texts are compared by. */
    static Set<Long> shingles(List<String> tokens) {
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            long h = 0;
            for (int k = i; k < i + SHINGLE; k++) {
                h = h * 1_000_003L + tokens.get(k).hashCode();
            }
            out.add(h);
        }
        return out;
    }
}
