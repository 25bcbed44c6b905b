package dev.copydesk.clean.html;

import dev.copydesk.clean.Prose;
import dev.copydesk.clean.Shapes;
import dev.copydesk.learn.SoftmaxRegression;
import dev.copydesk.learn.SoftmaxRegression.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Element;

/**
 * A learned judgement of each block of a page beside the hand rules of {@link HtmlExtractor}: logistic regression on
 * the block's tag, its tag path, the class and id words of it and its ancestors, its text and link density, its
 * shape (length, ending, capitals), its place on the page and against the article the text mass found, what the hand
 * rules made of it, and what they made of its neighbours. It judges only what the rules dropped by its shape inside
 * the article (a loose fragment, the items of a list or a table that is mostly links): such a block comes back when
 * its odds of being the story's pass {@link #KEEP_ABOVE}. What the rules keep stays, and so do the rules' other calls.
 * Judging the kept blocks too, and dropping those under 0.1, scored 0.9594 against 0.9584 cross-validated, but cost
 * 6-8% of the extractor's time against 2%.
 *
 * <p>Trained on pages with their ground truth ({@link #train}; the shipped one on the 710 WCXB dev pages by
 * {@code tools/clean/train-block-scorer.sh}); judged by {@code copydesk clean --eval DIR --folds K --learned}, which
 * trains it on the other folds' sites and scores the held-out fold. Cross-validated on WCXB by site, it lifts HTML
 * shingle F1 from 0.9552 to 0.9584, in each of the five folds (docs/cleaning.md).
 */
public final class BlockScorer {

    private static final int STORY = 1;

    /** A dropped block of the article comes back over this probability. */
    static final double KEEP_ABOVE = 0.5;

    /**
     * A paragraph that is mostly links, which the scorer never lets back: inside a story it is a teaser for another
     * ("Related: ...", "Don't miss: ...") as often as a linked subhead, and the hand rules already keep the subheads
     * and sentences they can tell. The items of a list or a table that is mostly links (a product roundup, a reading
     * list) are what the scorer lets back: without them it gained a fifth as much (0.9561 against 0.9599
     * cross-validated, when it also judged kept blocks); never letting paragraphs back cost 0.0005 and nothing on the
     * news pages.
     */
    private static boolean isLinkParagraph(Block block) {
        return (block.element.nameIs("p") || block.element.nameIs("div"))
                && LinkListRules.isLinkList(block, block.text());
    }

    private final Map<String, float[]> weights;

    BlockScorer(Map<String, float[]> weights) {
        this.weights = weights;
    }

    public static BlockScorer read(InputStream in) throws IOException {
        return new BlockScorer(SoftmaxRegression.read(in, 2));
    }

    /** Where the shipped scorer is, beside this class; {@code tools/clean/train-block-scorer.sh} writes it. */
    public static final String RESOURCE = "block-scorer.tsv.gz";

    private static final class Shipped {
        static final BlockScorer SCORER = load();

        private static BlockScorer load() {
            try (InputStream raw = BlockScorer.class.getResourceAsStream(RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException("the block scorer " + RESOURCE + " is missing from the jar");
                }
                return read(new GZIPInputStream(raw));
            } catch (IOException e) {
                throw new UncheckedIOException("the block scorer " + RESOURCE + " cannot be read", e);
            }
        }
    }

    /** The scorer shipped in the jar, trained on the WCXB dev pages; read once. */
    public static BlockScorer shipped() {
        return Shipped.SCORER;
    }

    public void write(Path file, String comment) throws IOException {
        SoftmaxRegression.write(weights, comment, file);
    }

    public int size() {
        return weights.size();
    }

    /** A page to learn from: its HTML and the story's text. */
    public record Page(String html, String truth) {}

    /** Learns from pages; deterministic for the same pages in the same order. */
    public static BlockScorer train(List<Page> pages) {
        List<Example> examples = new ArrayList<>();
        for (Page page : pages) {
            HtmlExtractor.Reading reading = HtmlExtractor.readBlocks(page.html());
            String truth = " " + String.join(" ", words(page.truth())) + " ";
            Set<String> truthShingles = shingles(words(page.truth()));
            int[] span = articleSpan(reading);
            Map<Element, List<String>> nameWords = new IdentityHashMap<>();
            Map<Element, List<String>> ancestorNames = new IdentityHashMap<>();
            for (int b = 0; b < reading.blocks().size(); b++) {
                List<String> words = words(reading.blocks().get(b).text());
                if (isJudged(reading, b) && !words.isEmpty()) {
                    examples.add(new Example(
                            features(reading, b, span, nameWords, ancestorNames),
                            isStory(words, truth, truthShingles) ? STORY : 0));
                }
            }
        }
        return new BlockScorer(new SoftmaxRegression(2, 4, 0.05, 3).train(examples, new Random(35)));
    }

    /**
     * A block is the story's when the story holds its words in order, or (a long block the ground truth has
     * re-spaced or trimmed) holds most of its four-word shingles.
     */
    private static boolean isStory(List<String> words, String truth, Set<String> truthShingles) {
        if (truth.contains(" " + String.join(" ", words) + " ")) {
            return true;
        }
        if (words.size() < 8) {
            return false;
        }
        Set<String> own = shingles(words);
        int held = 0;
        for (String s : own) {
            if (truthShingles.contains(s)) {
                held++;
            }
        }
        return held * 2 >= own.size();
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Set<String> shingles(List<String> words) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 4 <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + 4)));
        }
        return out;
    }

    /** The blocks to keep: the hand rules' choice, and the dropped blocks the scorer is sure of. */
    boolean[] keep(HtmlExtractor.Reading reading) {
        int[] span = articleSpan(reading);
        Map<Element, List<String>> nameWords = new IdentityHashMap<>();
        Map<Element, List<String>> ancestorNames = new IdentityHashMap<>();
        boolean[] keep = reading.handKeep().clone();
        for (int b = 0; b < keep.length; b++) {
            if (isJudged(reading, b) && !reading.blocks().get(b).text().isEmpty()) {
                double p = SoftmaxRegression.probabilities(
                        weights, features(reading, b, span, nameWords, ancestorNames), 2)[STORY];
                keep[b] = p > KEEP_ABOVE;
            }
        }
        return keep;
    }

    /**
     * Whether the scorer has a say on a block: one of the article's that the rules dropped, but not by its words and
     * not a paragraph of links. Outside the article the text mass has spoken, and a share prompt or a paywall's line
     * reads like prose to the scorer: let back in, they cost more than the scorer's other calls gained (0.9597
     * against 0.9598 cross-validated, and 0.9724 against 0.9738 on the news pages).
     */
    private static boolean isJudged(HtmlExtractor.Reading r, int b) {
        if (!r.inArticle()[b] || r.byWords()[b]) {
            return false;
        }
        return !r.handKeep()[b] && !isLinkParagraph(r.blocks().get(b));
    }

    /** The first and last block of the article. */
    private static int[] articleSpan(HtmlExtractor.Reading r) {
        int first = -1;
        int last = -1;
        for (int b = 0; b < r.blocks().size(); b++) {
            if (r.inArticle()[b]) {
                first = first < 0 ? b : first;
                last = b;
            }
        }
        return new int[] {first, last};
    }

    /** What the hand rules made of a block: kept, dropped inside the article, or outside it. */
    private static String hand(HtmlExtractor.Reading r, int b) {
        if (b < 0 || b >= r.handKeep().length) {
            return "edge";
        }
        return r.handKeep()[b] ? "keep" : !r.inArticle()[b] ? "out" : r.byWords()[b] ? "words" : "drop";
    }

    /**
     * The words of an element's class and id names, lower case: {@code article-body}, {@code article_body} and
     * {@code articleBody} all give "article" and "body". Split by hand: a regular expression with a look-behind was
     * a tenth of the extractor's time.
     */
    static List<String> nameWords(Element x) {
        String names = x.className() + " " + x.id();
        List<String> words = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            char c = i < names.length() ? names.charAt(i) : ' ';
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean camel = letter && start >= 0 && c <= 'Z' && names.charAt(i - 1) >= 'a';
            if (start >= 0 && (!letter || camel)) {
                if (i - start >= 3 && i - start <= 20) {
                    words.add(names.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /**
     * The name words of an element and its ancestors up to the article's element (four at most), as features; every
     * block under the same parent asks for the same, so they are kept per parent.
     */
    private static List<String> ancestorNames(Element parent, Element article, Map<Element, List<String>> nameWords) {
        Set<String> names = new LinkedHashSet<>();
        int depth = 1;
        for (Element x = parent; x != null && depth < 5; x = x.parent(), depth++) {
            for (String word : nameWords.computeIfAbsent(x, BlockScorer::nameWords)) {
                names.add("ca=" + word);
            }
            if (x == article) {
                break;
            }
        }
        return List.copyOf(names);
    }

    /** The first word, lower case, digits as 0: "step 3" and "step 4" are one feature. */
    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        StringBuilder word = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            word.append(Character.isDigit(c) ? '0' : Character.toLowerCase(c));
        }
        return word.toString();
    }

    /** A block's features; the maps keep what every block under the same elements asks for again. */
    static List<String> features(
            HtmlExtractor.Reading r,
            int b,
            int[] span,
            Map<Element, List<String>> nameWords,
            Map<Element, List<String>> ancestorNames) {
        List<Block> blocks = r.blocks();
        int n = blocks.size();
        int first = span[0];
        int last = span[1];
        {
            Block block = blocks.get(b);
            String text = block.text();
            int length = text.length();
            List<String> f = new ArrayList<>(40);
            String hand = hand(r, b);
            f.add("bias");
            f.add("hand=" + hand);
            Element e = block.element;
            String tag = e.normalName();
            f.add("tag=" + tag);
            f.add("hand=" + hand + "&tag=" + tag);
            Element parent = e.parent();
            String parentTag = parent == null ? "none" : parent.normalName();
            f.add("ptag=" + parentTag);
            f.add("path=" + parentTag + ">" + tag);
            for (String word : nameWords.computeIfAbsent(e, BlockScorer::nameWords)) {
                f.add("c0=" + word);
            }
            if (parent != null && e != r.article()) {
                f.addAll(ancestorNames.computeIfAbsent(parent, p -> ancestorNames(p, r.article(), nameWords)));
            }
            f.add("len=" + Shapes.bin(length, 10, 20, 40, 80, 160, 320, 640));
            f.add("hand=" + hand + "&len=" + Shapes.bin(length, 20, 80, 200));
            double ld = block.linkDensity(length);
            f.add("ld=" + (ld == 0 ? "0" : ld < 0.2 ? "<.2" : ld < 0.5 ? "<.5" : ld < 0.8 ? "<.8" : "high"));
            f.add("end=" + Shapes.ending(text));
            if (Prose.isProse(text)) {
                f.add("prose");
            }
            // the first 300 characters tell a heading from a sentence; a long block's rest only costs time
            f.add("caps=" + (Shapes.capitals(length > 300 ? text.substring(0, 300) : text)));
            int words = Prose.words(text, 32);
            f.add("words=" + Shapes.bin(words, 2, 4, 8, 16, 32));
            if ((words <= 5 || ld > 0.5) && length > 0) {
                // the first word of a short block ("Advertisement", "Step 3") or of a line of links ("Related: ...")
                f.add("w1=" + firstWord(text));
            }
            int colon = text.indexOf(':');
            if (colon > 0 && colon < 30 && colon < length - 1) {
                f.add("label" + (ld > 0.5 ? "&links" : ""));
            }
            if (block.inCard) {
                f.add("card");
            }
            if (block.inLink) {
                f.add("inLink");
            }
            f.add("pos=" + (n <= 1 ? 0 : 10 * b / n));
            if (first >= 0) {
                f.add("rel="
                        + (b < first
                                ? "before"
                                : b > last ? "after" : (last - first < 1 ? 0 : 4 * (b - first) / (last - first + 1))));
            }
            for (int d = -2; d <= 2; d++) {
                if (d != 0) {
                    f.add("h" + d + "=" + hand(r, b + d));
                }
            }
            f.add("around=" + hand(r, b - 1) + "," + hand + "," + hand(r, b + 1));
            return f;
        }
    }
}
