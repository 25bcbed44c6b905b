package dev.copydesk.clean;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sentences that CMS plugins and site templates put on every page (cookie notices, comment forms, affiliate
 * disclosures), a news page's end matter (paywall prompts, donation appeals, disclaimers; the rules are in
 * {@code end-matter.tsv}), newsletter pitches and closing calls to sign up.
 */
public final class TemplateSentences {

    private TemplateSentences() {}

    /**
     * Sentences that CMS plugins and site templates put on every page: cookie consent, comment forms, affiliate
     * disclosures, newsletter pitches, legal lines. They read like prose, so shape alone cannot catch them.
     */
    private static final Pattern TEMPLATE_SENTENCE = Pattern.compile(
            "\\bcookies?\\b|privacy (?:policy|overview|settings)|terms (?:of|and) (?:use|service|conditions)|"
                    + "email address will not be published|required fields are marked|all rights reserved|"
                    + "(?:subscribe|sign up) (?:to|for) (?:our|the|my) (?:[\\w’'-]+ ){0,4}(?:newsletter|mailing list|updates)|"
                    + "(?:we (?:may )?earn|may earn us) (?:a )?(?:small )?(?:commission|fee)|affiliate (?:links?|commission|advertising)|"
                    + "enable javascript|javascript is disabled|your browser does not support|"
                    + "save my name, email|opens in a new (?:window|tab)|notify me of (?:new|follow-up)|"
                    // a call for readers' word, opening its line (in a quote, "“We want to hear from you,” she said",
                    // it is the story's)
                    + "^(?:[^.?!“”\"]{0,60}[?!] )?(?:we want to|we(?:'|’)?d love to|we would love to) hear from you\\b",
            Pattern.CASE_INSENSITIVE);

    /** Stems of the template sentences: the regular expression runs only on a line that holds one of them. */
    private static final String[] TEMPLATE_STEMS = {
        "ookie",
        "rivacy",
        "erms ",
        "ddress will",
        "equired field",
        "ights reserved",
        "ubscribe",
        "ign up",
        "earn ",
        "ffiliate",
        "avaScript",
        "avascript",
        "rowser",
        "ave my name",
        "pens in a new",
        "otify me",
        "ear from you"
    };

    public static boolean isTemplateSentence(String line) {
        if (line.length() > 400) {
            return false;
        }
        for (String stem : TEMPLATE_STEMS) {
            if (line.contains(stem)) {
                if (TEMPLATE_SENTENCE.matcher(line).find()) {
                    return true;
                }
                break;
            }
        }
        return isEndMatter(line) || isNewsletterPromo(line) || endsOnSignUp(line);
    }

    /**
     * A news page's end matter, in sentences: paywall prompts, donation appeals, republishing terms, inbox pitches,
     * deal-price notes. Each is found by its first words: the line is walked once, and only at a word that opens one
     * of these is its pattern tried there. On the wire samples this walk is ~12% of text cleaning (JFR), about what a
     * {@code contains} per stem cost; tried at every position as one alternation it would cost far more.
     */
    private static final List<EndMatter> END_MATTER = PhraseList.of(TemplateSentences.class, "end-matter.tsv").stream()
            .map(EndMatter::parse)
            .toList();

    /** Opening words (lower case) and, when they are not the whole sentence, the pattern tried where they stand. */
    private record EndMatter(String opening, Pattern pattern) {
        EndMatter(String opening) {
            this(opening, (Pattern) null);
        }

        EndMatter(String opening, String regex) {
            this(opening, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }

        /** A row of {@code end-matter.tsv}: the opening, and a tab and the pattern when there is one. */
        static EndMatter parse(String row) {
            int tab = row.indexOf('\t');
            return tab < 0 ? new EndMatter(row) : new EndMatter(row.substring(0, tab), row.substring(tab + 1));
        }

        boolean at(String line, int i) {
            if (i + opening.length() > line.length()) {
                return false;
            }
            for (int k = 1;
                    k < opening.length();
                    k++) { // the first letter is matched already; ASCII case folding is enough
                if ((line.charAt(i + k) | 0x20) != opening.charAt(k)) {
                    return false;
                }
            }
            return pattern == null
                    || pattern.matcher(line).region(i, line.length()).lookingAt();
        }
    }

    /**
     * The end-matter rules by the three characters their opening starts with (two ASCII letters, then a letter or a
     * space): most words start none of them, and a word's first three find the few that could match without trying
     * the rest. Keyed by the first letter alone the rules' checks were a tenth of text cleaning, by the first two
     * still 5% (JFR: "is", "in", "th", "co" open most English words and some rules).
     */
    private static final EndMatter[][] END_MATTER_BY_START = new EndMatter[26 * 26 * 27][];

    static {
        for (EndMatter rule : END_MATTER) {
            int start = letterTriple(rule.opening(), 0);
            if (start < 0) {
                throw new IllegalStateException(
                        "an end-matter opening must start with two ASCII letters and a letter or space: "
                                + rule.opening());
            }
            EndMatter[] known = END_MATTER_BY_START[start];
            EndMatter[] grown = known == null ? new EndMatter[1] : Arrays.copyOf(known, known.length + 1);
            grown[grown.length - 1] = rule;
            END_MATTER_BY_START[start] = grown;
        }
    }

    /** (first * 26 + second) * 27 + third for two ASCII letters and a letter or a space at {@code i} (either case), or -1. */
    private static int letterTriple(String s, int i) {
        if (i + 2 >= s.length()) {
            return -1;
        }
        int first = (s.charAt(i) | 0x20) - 'a';
        int second = (s.charAt(i + 1) | 0x20) - 'a';
        char c = s.charAt(i + 2);
        int third = c == ' ' ? 26 : (c | 0x20) - 'a';
        return first >= 0 && first < 26 && second >= 0 && second < 26 && third >= 0 && (third < 26 || c == ' ')
                ? (first * 26 + second) * 27 + third
                : -1;
    }

    private static boolean isEndMatter(String line) {
        boolean afterLetter = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int letter = (c | 0x20) - 'a'; // ASCII letters fold to 0-25
            boolean isLetter = (letter >= 0 && letter < 26) || (c >= 0x80 && Character.isLetter(c));
            if (isLetter && !afterLetter) {
                int start = letterTriple(line, i); // -1 unless this letter and the next two are ASCII (or a space)
                EndMatter[] rules = start < 0 ? null : END_MATTER_BY_START[start];
                if (rules != null) {
                    for (EndMatter rule : rules) {
                        if (rule.at(line, i)) {
                            return true;
                        }
                    }
                }
            }
            afterLetter = isLetter;
        }
        return false;
    }

    private static final String[] SIGN_UP_VERBS = {"subscribe", "sign up", "register", "join"};

    private static final String[] SIGN_UP_WHEN = {" here", " now", " today", " for free"};

    /** Whether a sentence or a box's label ends right before {@code at}: "... news. Subscribe here", "Newsletters – subscribe here". */
    private static boolean opensSentence(String line, int at) {
        int i = at;
        while (i > 0 && line.charAt(i - 1) == ' ') {
            i--;
        }
        return i == 0 || ".!?:–—-|".indexOf(line.charAt(i - 1)) >= 0;
    }

    /**
     * A line that closes on a call to sign up ("... the industry's top source for sales news. Subscribe here.",
     * "Join now", "Sign up for free"): the site's box, whatever comes before it. The call opens its sentence; in a
     * story's sentence ("voters can still register today") it is the story's. The dev ground truths drop 44 of 45
     * such lines. Read from the line's end, without a regex, since every line is asked.
     */
    public static boolean endsOnSignUp(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '.' || line.charAt(end - 1) == '!')) {
            end--;
        }
        for (String when : SIGN_UP_WHEN) {
            int at = end - when.length();
            if (at > 0 && line.regionMatches(true, at, when, 0, when.length())) {
                for (String verb : SIGN_UP_VERBS) {
                    int start = at - verb.length();
                    if (start >= 0
                            && line.regionMatches(true, start, verb, 0, verb.length())
                            && opensSentence(line, start)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static final int NEWSLETTER_PROMO_MAX = 250;

    /** What a sign-up box says of the newsletter it offers: its "our", its verbs, its schedule. */
    private static final Pattern NEWSLETTER_PROMO =
            Pattern.compile("\\b(?:[Oo]ur|[Ss]ign(?:ing)? up|[Ss]ubscrib(?:e|ing) "
                    + "(?:to|for|now|here|today)|[Jj]oin|inbox|(?:[Ff]ree|weekly|daily|monthly|bi-weekly) (?:e-?mail )?[Nn]ewsletter|"
                    + "[Nn]ewsletters? (?:delivers|is your))\\b");

    /**
     * A newsletter's sign-up pitch ("Join our newsletter for actionable tips", "The free Proof Points newsletter
     * delivers one research story to your inbox every Monday", "Was this newsletter forwarded to you? Sign up"): the
     * site's box, between or under the story. A short line naming a newsletter with a sign-up's words; the dev ground
     * truths drop 228 of 233 such lines (the rest: posts about newsletters, "subscribe to industry newsletters" as
     * advice). "My newsletter" is left alone: writers about newsletters say it of their own.
     */
    public static boolean isNewsletterPromo(String line) {
        if (line.length() > NEWSLETTER_PROMO_MAX) {
            return false;
        }
        int at = line.indexOf("ewsletter");
        if (at < 1 || (line.charAt(at - 1) | 0x20) != 'n' || (at > 1 && Character.isLetter(line.charAt(at - 2)))) {
            return false;
        }
        return NEWSLETTER_PROMO.matcher(line).find();
    }
}
