package dev.copydesk.enrich;

import dev.copydesk.enrich.EntityRecognizer.Token;
import dev.copydesk.learn.SoftmaxRegression;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A learned classifier of capitalised runs ("Morning Consult", "Yann LeCun", "Key Factors Influencing"): is the run a
 * person, an organisation, a place, or no name at all? Multinomial logistic regression over the run's own words
 * (first, last, every word, their shapes and endings, whether they are given names or everyday words) and the words
 * around it in the text. The weights are learned by {@link NameModelTrainer} from names and their contexts and
 * shipped as {@code name-model.tsv.gz}; see docs/entities.md for how and on what.
 *
 * <p>The rules find what has a cue; this model types the runs they leave, so it sees names wherever they stand.
 */
public final class NameModel {

    /** What a run is; the order is the model file's column order. */
    public enum Label {
        PERSON,
        ORGANIZATION,
        PLACE,
        OTHER
    }

    static final int LABELS = Label.values().length;

    private final Map<String, float[]> weights;

    NameModel(Map<String, float[]> weights) {
        this.weights = weights;
    }

    /** The model shipped with copydesk, loaded once. */
    public static NameModel shipped() {
        return Shipped.MODEL;
    }

    private static final class Shipped {
        static final NameModel MODEL = load("name-model.tsv.gz");
    }

    /** A capitalised run of a text, its tokens {@code first..last}, with the words either side of it. */
    record Run(
            List<String> words,
            String name,
            String before2,
            String before1,
            String after1,
            String after2,
            boolean opensSentence,
            String line) {
        /** A name from a list, with no text around it. */
        static Run alone(List<String> words) {
            return new Run(words, String.join(" ", words), null, null, null, null, false, null);
        }
    }

    /** Probabilities of each {@link Label} for a run. */
    public double[] probabilities(Run run) {
        return SoftmaxRegression.probabilities(weights, features(run), LABELS);
    }

    /**
     * The features of a run. Words are lower-cased and digits read as 0, as in the names the model learned from. Words
     * around the run are left out when unknown (a name learned from a list has none).
     */
    static List<String> features(Run run) {
        List<String> f = new ArrayList<>(24 + 2 * run.words().size());
        List<String> words = run.words();
        int n = words.size();
        String first = norm(words.get(0));
        String last = norm(words.get(n - 1));
        f.add("bias");
        f.add("len=" + Math.min(n, 5));
        f.add("f=" + first);
        f.add("l=" + last);
        f.add("fsuf=" + suffix(first));
        f.add("lsuf=" + suffix(last));
        StringBuilder shapes = new StringBuilder();
        StringBuilder kinds = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = words.get(i);
            String lower = norm(w);
            if (i > 0 && i < n - 1) {
                f.add("mid=" + lower);
            }
            String shape = shape(w);
            if (i < 4) {
                shapes.append(shape).append(' ');
                kinds.append(kind(w)).append(' ');
            }
            f.add("shape=" + shape);
        }
        f.add("shapes=" + shapes);
        f.add("kinds=" + kinds);
        f.add("fkind=" + kind(words.get(0)));
        for (int i = 0; i < n; i++) {
            if (EntityRecognizer.isOrganizationHead(words.get(i))) {
                f.add(i == n - 1 ? "head=last" : "head=inside");
            }
        }
        f.add("lkind=" + kind(words.get(n - 1)));
        if (run.line() != null) {
            f.add("line=" + run.line());
        }
        if (run.before1() != null) {
            f.add("b1=" + norm(run.before1()));
            f.add("b2=" + norm(run.before2() == null ? "" : run.before2()) + "_" + norm(run.before1()));
            f.add("a1=" + norm(run.after1() == null ? "" : run.after1()));
            f.add("a2=" + norm(run.after1() == null ? "" : run.after1()) + "_"
                    + norm(run.after2() == null ? "" : run.after2()));
            if (run.opensSentence()) {
                f.add("opens");
            }
        }
        return f;
    }

    private static String suffix(String lower) {
        return lower.length() <= 3 ? lower : lower.substring(lower.length() - 3);
    }

    /** Lower case, digits as 0. */
    static String norm(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (Character.isDigit(lower.charAt(i))) {
                StringBuilder b = new StringBuilder(lower);
                for (int k = i; k < b.length(); k++) {
                    if (Character.isDigit(b.charAt(k))) {
                        b.setCharAt(k, '0');
                    }
                }
                return b.toString();
            }
        }
        return lower;
    }

    /** "Xx", "XX", "XxX" (capitals inside: "LeCun", "SimpliSafe"), "X." (an initial), "x" (a small word), "0". */
    static String shape(String w) {
        if (w.length() == 2 && w.charAt(1) == '.') {
            return "X.";
        }
        boolean digit = false;
        int upper = 0;
        int lower = 0;
        boolean innerUpper = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (Character.isUpperCase(c)) {
                upper++;
                if (i > 0 && lower > 0) {
                    innerUpper = true;
                }
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        if (digit) {
            return "0";
        }
        if (w.length() == 1 && upper == 1) {
            return "X"; // "Logitech G Pro X"
        }
        if (lower == 0) {
            return upper > 0 ? (w.indexOf('.') >= 0 ? "X.X." : "XX") : "-";
        }
        if (upper == 0) {
            return "x";
        }
        String s = innerUpper ? "XxX" : "Xx";
        return w.indexOf('-') > 0 ? s + "-" : s;
    }

    /** What the word is to the project's word lists: a given name (g), an everyday word (w), both (gw), neither (n). */
    static String kind(String w) {
        boolean given = EntityRecognizer.isGivenName(w);
        boolean word = EntityRecognizer.isEverydayWord(w);
        return given ? (word ? "gw" : "g") : (word ? "w" : "n");
    }

    /** Words that join the parts of one name: "Bank of England", "Travel + Leisure", "Procter & Gamble". */
    static final Set<String> JOINERS = Set.of("of", "for", "and", "&", "de", "la", "del", "van", "von", "the");

    /**
     * The capitalised runs of a text: adjacent capitalised tokens, through a joiner when a capital follows it, at
     * most six words; a possessive ends a run. Leading words that are never a name's ("The", "What", a title) are not
     * part of it.
     */
    static List<int[]> runs(String text, List<Token> tokens) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!tokens.get(i).capitalized()) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            while (last + 1 < tokens.size()
                    && last - first < 5
                    && !possessive(tokens.get(last).text())) {
                Token next = tokens.get(last + 1);
                if (!joined(text, tokens.get(last), next)) {
                    break;
                }
                if (next.capitalized()) {
                    last++;
                } else if (JOINERS.contains(next.text())
                        && !next.text().equals("and") // "Paris and London" are two names
                        && last + 2 < tokens.size()
                        && tokens.get(last + 2).capitalized()
                        && joined(text, next, tokens.get(last + 2))) {
                    last += 2;
                } else {
                    break;
                }
            }
            runs.add(new int[] {first, last});
            i = last + 1;
        }
        return runs;
    }

    /**
     * The first token of the run that can start a name: "The", "What", "So", a title ("Coach", "Minister") and the
     * like never do. Returns {@code last + 1} when none can.
     */
    static int nameStart(List<Token> tokens, int first, int last) {
        int k = first;
        while (k <= last
                && (EntityRecognizer.neverStartsName(tokens.get(k).text())
                        || JOINERS.contains(tokens.get(k).text()))) {
            k++;
        }
        return k;
    }

    private static boolean joined(String text, Token a, Token b) {
        int gap = b.start() - a.end();
        return gap == 1 && (text.charAt(a.end()) == ' ' || text.charAt(a.end()) == '-')
                || gap == 3 && text.startsWith(" & ", a.end()); // "&" is not a token
    }

    static boolean possessive(String w) {
        return w.endsWith("'s") || w.endsWith("’s");
    }

    /** The run {@code first..last} with its context, as the model reads it. */
    static Run run(String text, List<Token> tokens, int first, int last) {
        List<String> words = new ArrayList<>(last - first + 1);
        for (int k = first; k <= last; k++) {
            String w = tokens.get(k).text();
            words.add(k == last && possessive(w) ? w.substring(0, w.length() - 2) : w);
        }
        String b1 = first > 0 ? tokens.get(first - 1).text() : "";
        String b2 = first > 1 ? tokens.get(first - 2).text() : "";
        String a1 = last + 1 < tokens.size() ? tokens.get(last + 1).text() : "";
        String a2 = last + 2 < tokens.size() ? tokens.get(last + 2).text() : "";
        if (possessive(tokens.get(last).text())) {
            a2 = a1;
            a1 = "'s";
        }
        String name = text.substring(tokens.get(first).start(), tokens.get(last).end());
        if (possessive(name)) {
            name = name.substring(0, name.length() - 2);
        }
        return new Run(
                words,
                name,
                b2,
                b1,
                a1,
                a2,
                opensSentence(text, tokens, first),
                placeInLine(text, tokens, first, last));
    }

    /**
     * Where the run stands in its line: the whole line ("all": a heading, a menu item, a caption), its start, its end,
     * or inside. List marks and punctuation around it do not count.
     */
    static String placeInLine(String text, List<Token> tokens, int first, int last) {
        boolean opens = true;
        for (int k = tokens.get(first).start() - 1; k >= 0 && text.charAt(k) != '\n'; k--) {
            char c = text.charAt(k);
            if (Character.isLetter(c)) {
                opens = false;
                break;
            }
        }
        boolean closes = true;
        for (int k = tokens.get(last).end(); k < text.length() && text.charAt(k) != '\n'; k++) {
            char c = text.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                closes = false;
                break;
            }
        }
        return opens ? (closes ? "all" : "start") : (closes ? "end" : "inside");
    }

    /** The token starts a sentence, a line or the text: what precedes it is a full stop, a colon, a line break. */
    static boolean opensSentence(String text, List<Token> tokens, int first) {
        int from = first > 0 ? tokens.get(first - 1).end() : 0;
        for (int k = tokens.get(first).start() - 1; k >= from; k--) {
            char c = text.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '"' || c == '“') {
                return true;
            }
        }
        return first == 0;
    }

    static NameModel load(String resource) {
        try (InputStream raw = NameModel.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return read(new GZIPInputStream(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model file: a feature a line, then a weight per label in {@link Label} order (see SoftmaxRegression). */
    static NameModel read(InputStream in) throws IOException {
        return new NameModel(SoftmaxRegression.read(in, LABELS));
    }

    int size() {
        return weights.size();
    }
}
