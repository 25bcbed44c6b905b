package dev.copydesk.clean;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Shape tests on a line of text shared by the text cleaner and the HTML extractor. */
final class TextShapes {

    private static final String SENTENCE_ENDERS = ".!?。！？…:;؟।";
    private static final String CLOSERS = "\"'’”»)]";
    /**
     * Furniture that sits inside article containers on sites of every kind: share and follow prompts,
     * advertisement labels, read-more and sign-up calls, copyright lines. Short lines only: a sentence that merely
     * mentions one of these words is prose.
     */
    private static final Pattern FURNITURE = Pattern.compile(
            "^(?:[-•*]\\s+|-{3,}\\s*)?(?:share(?: this| on| via)?|share your (?:story|tips?|experience|thoughts|feedback)\\b.*|tweet|pin it|email|print|advertisement|advertising|sponsored(?: content)?|"
                    // site-wide links and widget titles, in most sites' words
                    + "table of contents|contents|jump to(?: section)?|in this (?:article|story|guide|post|page)|contact us|get in touch|connect with us|about us|about the author|written by|"
                    + "author|careers|recent posts|latest (?:news|posts|articles|stories)|view all|see all|newsletter|"
                    + "email address|(?:name|email|comment|website) \\*|share this (?:article|post|story|page)|sign in|log ?in|"
                    + "quick links|back to (?:blog|news|home|top)|discussion about this post|toggle|"
                    + "published|home|blog|sitemap|facebook|twitter|linkedin|instagram|pinterest|tiktok|whatsapp|reddit|"
                    + "read more|read next|read this next|what to read next(?:\\.\\.\\.|…)?|read the (?:full )?(?:article|story)|continue reading|see also|also read|read also|must read|related(?: articles| stories| posts| content)?|"
                    + "more from .{1,40}|recommended(?: for you)?|click here.*|subscribe.*|sign up.*|follow us.*|"
                    + "(?:all rights reserved|copyright|©).*|photo(?: credit)?:.*|image(?: credit| source)?:.*|"
                    + "credit:.*|source:.*|"
                    // a picture's credit on its own line: "Getty Images / Holger Leue", "FatCamera/Getty Images", "Firn | Getty Images"
                    + "(?:getty images|shutterstock|istock(?:photo)?|alamy|ap photo)\\s*[/|:]\\s*\\S.*|"
                    + "[^/|]{1,60}[/|]\\s*(?:getty(?: images)?|shutterstock|istock(?:photo)?|alamy|ap photo)(?:\\s+\\S+)?|tags?:.*|filed under.*|posted in.*|categories:.*|skip to .*|"
                    + "leave a (?:comment|reply).*|\\d+ comments?|comments?|loading.*|back to top|top|next|previous|"
                    + "werbung|anzeige|publicidad|publicité|广告|相关文章|相关推荐|下一篇.*|上一篇.*|"
                    // the breaks a page sets between a story's paragraphs where an advertisement goes
                    + "(?:the )?(?:story|article|content|text|post) continues(?: (?:below|after|under)(?: (?:the|this))?"
                    + "(?: (?:ad|advert|advertisement|advertising|break|video))?)?|"
                    + "continue reading (?:the main story|below|after (?:the|this) (?:ad|advertisement))|"
                    + "(?:advertisement[.:\\s–—-]*)?scroll (?:down )?to (?:continue|keep reading)(?: (?:reading|with content))?|"
                    + "advertisement[.:\\s–—-]+(?:continue reading(?: below)?|(?:story|article) continues below)|"
                    + "(?:ad|advertisement) ends?|end of (?:ad|advertisement)|skip (?:ad|advert|advertisement)|"
                    // prompts under a story: follow the writer or the site, send a tip
                    + "follow (?:us|me|\\S+(?: \\S+){0,3}) on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon|tiktok|youtube)\\b.*|"
                    + "(?:have|got) a (?:news )?tip\\?.*|send us (?:a |your )?(?:news )?tips?\\b.*|"
                    // a site builder's form messages, shown as text when the page is copied (Webflow's)
                    + "thank you!? your submission has been received!?|oops! something went wrong while submitting the form|"
                    + "thank you for (?:your feedback|signing up|subscribing)\\b.*|"
                    // calls to action with the site's own words after them: "Get the latest SEO tips", "Get started with Moz Pro!"
                    + "get the latest\\b.*|get started (?:with|today)\\b.*|get (?:a|your) (?:free )?quote\\b.*|"
                    + "learn more about (?:our|how we)\\b.*|see also:.+|"
                    // a box of other posts by its title: "You may also like...", "Other Posts You May Enjoy", "More you might like"
                    + "(?:(?:other|more) (?:\\S+ ){0,2})?you (?:may|might) (?:also (?:like|love|enjoy|be interested)\\b.*|(?:like|love|enjoy)(?:\\.\\.\\.|…)?)|"
                    // feedback widgets and the desk's credits: "Was this page helpful? Yes No", "Edited by: Kristina Zagame"
                    + "(?:was|is|did you find) (?:this|the) (?:article|page|story|post|information|content|guide|answer) (?:helpful|useful)\\??(?:\\s*yes\\s*no)?|"
                    + "(?:edited|reviewed|fact[- ]checked|(?:additional )?reporting|editing) by(?::?(?-i: \\p{Lu}.*)|:)?)[.!:]?$",
            Pattern.CASE_INSENSITIVE);

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
            + "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DATE = "(?:" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH
            + ",?\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{4}年\\d{1,2}月\\d{1,2}日)";
    /**
     * Article metadata rendered as lines: a bare date or time, a byline, a reading time, an updated/published stamp.
     * The story repeats none of these as a line of its own.
     */
    private static final Pattern METADATA = Pattern.compile(
            "^(?:(?:(?:last\\s+)?(?:updated|published|posted|modified|reviewed|edited)(?:\\s+on)?:?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?"
                    + DATE + "(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?"
                    + "|(?:written|posted|reviewed|edited|reported|compiled)?\\s*by\\s*:?\\s+(?-i:[\\p{Lu}\\p{Lo}@]).{0,80}"
                    + "|(?:author|authors|autor|auteur|reporter|editor)\\s*:.{0,80}"
                    + "|\\d+\\s*(?:-\\s*)?(?:min(?:ute)?s?|m)\\.?\\s+(?:read|listen|watch)(?:ing time)?"
                    + "|(?:reading time|read time)\\s*:?.{0,20}"
                    + "|(?:last\\s+)?(?:updated|published|posted|modified|reviewed)(?:\\s+on)?\\s*:?\\s*.{0,40}\\d{4}.{0,20}"
                    + ")[.]?$",
            Pattern.CASE_INSENSITIVE);

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
                    // a call for readers' word, opening its line (in a quote, "“We want to hear from you,” she said", it is the story's)
                    + "^(?:[^.?!“”\"]{0,60}[?!] )?(?:we want to|we(?:'|’)?d love to|we would love to) hear from you\\b",
            Pattern.CASE_INSENSITIVE);
    /** Where a page's comments begin: nothing after it is the story. */
    private static final Pattern COMMENTS_START = Pattern.compile(
            "^(?:leave a (?:reply|comment)|post a comment|add a comment|(?:load|show|view|see|read) (?:all |the )?(?:\\d+ )?comments|\\d+ (?:\\p{L}+ )?(?:comments?|responses?|replies)|"
                    + "comments?(?: \\(\\d+\\))?|responses?|join the (?:discussion|conversation)|discussion about this post|"
                    + "what do you think\\?|reader comments|kommentare|commentaires|comentarios|评论|评论区)[.:!]?$",
            Pattern.CASE_INSENSITIVE);
    /** A comments heading that quotes the story's title: "6 thoughts on “...”", "15 Replies to “...”". */
    private static final Pattern COMMENTS_ON_TITLE = Pattern.compile(
            "^\\d+ (?:thoughts?|comments?|responses?|replies) (?:on|to) [“\"«„‘'].*", Pattern.CASE_INSENSITIVE);

    private TextShapes() {
    }

    /** Stems of the template sentences: the regular expression runs only on a line that holds one of them. */
    private static final String[] TEMPLATE_STEMS = {"ookie", "rivacy", "erms ", "ddress will", "equired field", "ights reserved",
            "ubscribe", "ign up", "earn ", "ffiliate", "avaScript", "avascript", "rowser", "ave my name", "pens in a new", "otify me", "ear from you"};

    /**
     * A news page's end matter, in sentences: paywall prompts, donation appeals, republishing terms, inbox pitches,
     * deal-price notes. Each is found by its first words: the line is walked once, and only at a word that opens one
     * of these is its pattern tried there. On the wire samples this walk is ~12% of text cleaning (JFR), about what a
     * {@code contains} per stem cost; tried at every position as one alternation it would cost far more.
     */
    private static final List<EndMatter> END_MATTER = List.of(
            new EndMatter("to read the rest of this"),
            new EndMatter("unlock ", "unlock (?:this|the full) (?:article|story)"),
            new EndMatter("already ", "already (?:have an account|a (?:subscriber|member))\\?"),
            new EndMatter("this ", "this (?:(?:article|content|story) is (?:exclusive|only available) to|(?:story|article)(?: about [^.]{1,80})? "
                    + "(?:was )?(?:produced by|(?:originally )?(?:published|appeared) (?:by|in|on)|written by [^.]{1,60} and produced by))"),
            new EndMatter("you ", "you (?:have reached your (?:limit|free)|need to (?:log ?in|sign in|register))"),
            new EndMatter("small favo", "small favou?r to ask"),
            new EndMatter("make a ", "make a (?:tax-deductible )?(?:donation|gift)\\b"),
            new EndMatter("support ", "support (?:our|independent|local|nonprofit) (?:journalism|reporting|newsroom)"),
            new EndMatter("please consider ", "please consider (?:making a |a )?(?:donat|pitching in|supporting|a gift|subscrib)"),
            new EndMatter("consider ", "consider (?:making a |a )?(?:donat|pitching in|supporting (?:our|us|independent)|a gift|subscrib|"
                    + "becoming a (?:free or )?(?:paid )?(?:subscriber|member|supporter))"),
            // newsletters' own pages: "Thanks for reading X! Subscribe for free to receive new posts", "X is a reader-supported publication"
            new EndMatter("subscribe for free to receive"),
            new EndMatter("reader-supported publication"),
            new EndMatter("republish ", "republish (?:our|this) (?:articles?|stor)"),
            // a page's contact or sign-up form, which no text of the story is: "Fill out the form below and ..."
            new EndMatter("fill ", "fill (?:out|in) the form (?:below|above)"),
            new EndMatter("use the form below"),
            new EndMatter("complete the form below"),
            // the site's disclaimer: "... is provided for informational purposes only and is not financial advice"
            new EndMatter("informational purposes only"), // "for informational purposes only", "for educational and informational ..."
            new EndMatter("not a substitute ", "not a substitute for (?:professional )?(?:legal|financial|medical|investment|tax|professional) advice"),
            // a firm's "does not provide tax, legal or accounting advice" (a clinic's "does not provide medical advice" is its service)
            new EndMatter("does not provide ", "does not provide (?:tax|legal|accounting|financial|investment)\\b"),
            new EndMatter("do not provide ", "do not provide (?:tax|legal|accounting|financial|investment)\\b"),
            new EndMatter("for general informational purposes"),
            new EndMatter("does not constitute ", "does not constitute (?:legal|financial|medical|investment|tax|professional) advice"),
            new EndMatter("is not ", "is not (?:intended to (?:constitute|be|provide) )?(?:legal|financial|medical|investment|tax) advice"),
            new EndMatter("contact ", "contact (?:staff writer|the (?:author|writer|reporter))"),
            new EndMatter("delivered to your inbox"),
            new EndMatter("straight to your inbox"),
            new EndMatter("right to your inbox"),
            new EndMatter("directly to your inbox"),
            // "Add X as a preferred source on Google", "Add as a Reliable and Trusted News Source"
            new EndMatter("preferred source"),
            new EndMatter("trusted ", "trusted (?:news )?source(?: (?:on|for) google)?\\W*$"),
            new EndMatter("pric", "(?:prices? (?:were|was|are) accurate at the time|(?:pricing|prices) and availability (?:are )?subject to change)"));

    /** Opening words (lower case) and, when they are not the whole sentence, the pattern tried where they stand. */
    private record EndMatter(String opening, Pattern pattern) {
        EndMatter(String opening) {
            this(opening, (Pattern) null);
        }

        EndMatter(String opening, String regex) {
            this(opening, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }

        boolean at(String line, int i) {
            if (i + opening.length() > line.length()) {
                return false;
            }
            for (int k = 1; k < opening.length(); k++) { // the first letter is matched already; ASCII case folding is enough
                if ((line.charAt(i + k) | 0x20) != opening.charAt(k)) {
                    return false;
                }
            }
            return pattern == null || pattern.matcher(line).region(i, line.length()).lookingAt();
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
                throw new IllegalStateException("an end-matter opening must start with two ASCII letters and a letter or space: "
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
                ? (first * 26 + second) * 27 + third : -1;
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

    static boolean isTemplateSentence(String line) {
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
    static boolean endsOnSignUp(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '.' || line.charAt(end - 1) == '!')) {
            end--;
        }
        for (String when : SIGN_UP_WHEN) {
            int at = end - when.length();
            if (at > 0 && line.regionMatches(true, at, when, 0, when.length())) {
                for (String verb : SIGN_UP_VERBS) {
                    int start = at - verb.length();
                    if (start >= 0 && line.regionMatches(true, start, verb, 0, verb.length()) && opensSentence(line, start)) {
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
    private static final Pattern NEWSLETTER_PROMO = Pattern.compile("\\b(?:[Oo]ur|[Ss]ign(?:ing)? up|[Ss]ubscrib(?:e|ing) "
            + "(?:to|for|now|here|today)|[Jj]oin|inbox|(?:[Ff]ree|weekly|daily|monthly|bi-weekly) (?:e-?mail )?[Nn]ewsletter|"
            + "[Nn]ewsletters? (?:delivers|is your))\\b");

    /**
     * A newsletter's sign-up pitch ("Join our newsletter for actionable tips", "The free Proof Points newsletter
     * delivers one research story to your inbox every Monday", "Was this newsletter forwarded to you? Sign up"): the
     * site's box, between or under the story. A short line naming a newsletter with a sign-up's words; the dev ground
     * truths drop 228 of 233 such lines (the rest: posts about newsletters, "subscribe to industry newsletters" as
     * advice). "My newsletter" is left alone: writers about newsletters say it of their own.
     */
    static boolean isNewsletterPromo(String line) {
        if (line.length() > NEWSLETTER_PROMO_MAX) {
            return false;
        }
        int at = line.indexOf("ewsletter");
        if (at < 1 || (line.charAt(at - 1) | 0x20) != 'n' || (at > 1 && Character.isLetter(line.charAt(at - 2)))) {
            return false;
        }
        return NEWSLETTER_PROMO.matcher(line).find();
    }

    static boolean startsComments(String line) {
        return line.length() <= 40 ? COMMENTS_START.matcher(line.strip()).matches()
                : line.length() <= 300 && Character.isDigit(line.charAt(0)) && COMMENTS_ON_TITLE.matcher(line).matches();
    }

    static boolean isMetadata(String line) {
        if (line.length() > 140 || !mayBeMetadata(line)) {
            return false;
        }
        if (METADATA.matcher(line.strip()).matches()) {
            return true;
        }
        // a stamp row: "March 15, 2022 · 3 min read · By ASU Online", every part a stamp of its own
        if (line.indexOf('·') < 0 && line.indexOf('•') < 0 && line.indexOf('|') < 0) {
            return false; // most lines: no split
        }
        String[] parts = STAMP_SEPARATOR.split(line);
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (!METADATA.matcher(part.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern STAMP_SEPARATOR = Pattern.compile("\\s+[·•|]\\s+");

    /** A paragraph of a story: enough words and the end of a sentence, or long enough to be nothing else. */
    static boolean isProse(String line) {
        int words = words(line, 25); // counting stops where the answer is known: most paragraphs pass 25 early
        if (words >= 25) {
            return true;
        }
        if (words >= 8) {
            return endsSentence(line);
        }
        // Chinese and Japanese put no spaces between words: judge them by length instead
        if (line.length() >= 15 && mostlyHanOrKana(line)) {
            return line.length() >= 40 || endsSentence(line);
        }
        return false;
    }

    private static boolean mostlyHanOrKana(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c >= '\u3040' && c <= '\u30FF') || (c >= '\u3400' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF')) {
                count++;
            }
        }
        return count * 3 > line.length();
    }

    /** Ends with sentence punctuation, allowing closing quotes and brackets after it. */
    static boolean endsSentence(String line) {
        int i = line.length() - 1;
        while (i >= 0 && (Character.isWhitespace(line.charAt(i)) || CLOSERS.indexOf(line.charAt(i)) >= 0)) {
            i--;
        }
        return i >= 0 && SENTENCE_ENDERS.indexOf(line.charAt(i)) >= 0;
    }

    /**
     * A line that ends on a photo credit ("... Photo: Thomas Kuoh", "Photo by X on Unsplash", "| Image by ..."): a
     * caption of a picture that text cannot carry, with the agency's or photographer's name.
     */
    static boolean endsWithPhotoCredit(String line) {
        if (line.length() > 300) {
            return false;
        }
        for (String agency : PICTURE_AGENCIES) {
            if (line.endsWith(agency) || (line.endsWith(".") && line.startsWith(agency, line.length() - agency.length() - 1))) {
                return true; // a caption's credit glued on: "... in 2024.Mikolette / Getty Images"
            }
        }
        // the credit is within the line's last 90 characters (the word, "by" or a colon, a name of up to 60): only
        // those are looked at, since every line of every story comes through here
        int from = Math.max(0, line.length() - 90);
        if (!hasColonOrBy(line, from)) {
            return false;
        }
        return hasPhotoCreditWord(line, from)
                && PHOTO_CREDIT.matcher(line).region(from, line.length()).useTransparentBounds(true).find();
    }

    /**
     * One of the credit's words ("photo", "image", "picture", "credit", "courtesy"), in either case, from {@code from}
     * on: one pass over the tail, without copying it.
     */
    private static boolean hasPhotoCreditWord(String line, int from) {
        for (int i = from, length = line.length(); i < length; i++) {
            switch (line.charAt(i) | 0x20) {
                case 'p':
                    if (line.regionMatches(true, i, "photo", 0, 5) || line.regionMatches(true, i, "picture", 0, 7)) {
                        return true;
                    }
                    break;
                case 'i':
                    if (line.regionMatches(true, i, "image", 0, 5)) {
                        return true;
                    }
                    break;
                case 'c':
                    if (line.regionMatches(true, i, "credit", 0, 6) || line.regionMatches(true, i, "courtesy", 0, 8)) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** A colon or "by" from {@code from} on: what every credit has, checked before the credit's words are looked for. */
    private static boolean hasColonOrBy(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' || ((c == 'b' || c == 'B') && i + 1 < line.length() && (line.charAt(i + 1) == 'y' || line.charAt(i + 1) == 'Y'))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An author's bio: "Jane Doe is a freelance writer living in ...", the box above or under a story that describes
     * its writer, not the story. English sentence shape; other languages' bios stay.
     */
    static boolean isAuthorBio(String line) {
        // anchored at a capitalised name: most lines fail on their first word
        return line.length() <= 600 && !line.isEmpty() && Character.isUpperCase(line.charAt(0)) && nameThenIsOrWas(line)
                && AUTHOR_BIO.matcher(line).lookingAt(); // anchored: lookingAt, not find, which would try every position
    }

    /**
     * The same box naming other roles ("... is the co-founder of", "... teaches philosophy at", "... is an associate
     * professor of"): a story's own paragraphs introduce people so, so this is asked of a story's last paragraphs only.
     */
    /** How many closing paragraphs may be the writers' bios (a story by two writers ends on two). */
    static final int CLOSING_BIO_PARAGRAPHS = 2;

    static boolean isClosingBio(String line) {
        // longer than a bio met inside the story: the closing box tells the writer's career (609 characters on one dev page)
        return line.length() <= 1000 && !line.isEmpty() && Character.isUpperCase(line.charAt(0))
                && (AUTHOR_BIO.matcher(line).lookingAt() || CLOSING_BIO.matcher(line).lookingAt());
    }

    /** Words a bio's name can take before its verb: three names, letters after them ("MA,", "MFA,"), a handle. */
    private static final int BIO_NAME_WORDS = 8;

    /**
     * Whether the line's first word that starts in lower case is "is", "was" or "has": what {@link #AUTHOR_BIO}
     * needs after the name, checked without the regex (every line of every story is asked; JFR: 5% of text cleaning).
     */
    private static boolean nameThenIsOrWas(String line) {
        int length = line.length();
        int i = 0;
        for (int word = 0; word < BIO_NAME_WORDS && i < length; word++) {
            int end = line.indexOf(' ', i);
            if (end < 0) {
                end = length;
            }
            if (end > i && Character.isLowerCase(line.charAt(i))) {
                int n = end - i;
                return (n == 2 && line.startsWith("is", i)) || (n == 3 && (line.startsWith("was", i) || line.startsWith("has", i)));
            }
            i = end + 1;
        }
        return false;
    }

    /** How far into a line a byline's "by" can stand: after "compiled", "reported" and the like. */
    private static final int BYLINE_BY_WITHIN = 16;

    /**
     * What every shape of {@link #METADATA} needs, checked without it (JFR: the pattern was 6% of text cleaning): a
     * digit (dates, times, reading times), a colon ("Author: ..."), "by" near the start (a byline) or "read" at it
     * ("Reading time"). A stamp row's first part has one of them too.
     */
    private static boolean mayBeMetadata(String line) {
        int length = line.length();
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if (c == ':' || Character.isDigit(c)) {
                return true;
            }
        }
        for (int i = 0, end = Math.min(length - 1, BYLINE_BY_WITHIN); i < end; i++) {
            if ((line.charAt(i) | 0x20) == 'b' && (line.charAt(i + 1) | 0x20) == 'y') {
                return true;
            }
        }
        return line.regionMatches(true, 0, "read", 0, 4);
    }

    /** A bio's opening: the name, maybe letters after it ("Mary Henn, MA, MFA,") or a handle ("(@EduardKovacs)"). */
    private static final String BIO_NAME = "^\\p{Lu}[\\p{L}.'’-]+(?: \\p{Lu}[\\p{L}.'’-]+){0,2}(?:, \\p{Lu}[\\p{Lu}.]{1,5})*,? (?:\\(@\\w+\\) )?";
    private static final Pattern CLOSING_BIO = Pattern.compile(BIO_NAME + "(?:(?:is|was|has been|started|founded|"
            + "serves as|works as)\\b[^.]{0,100}\\b(?i:co-?founder|founder|ceo|director|professor|faculty|lecturer|fellow|physician|editor (?:at|of|for|with))\\b"
            + "|(?:teaches|lectures)\\b[^.]{1,80}\\bat\\b)"
            // the box that opens with the writer's post: "Executive Editor at Digit. Technology journalist since 2008..."
            + "|^(?:(?:Senior|Executive|Managing|Contributing|Deputy|Associate|Assistant|Staff|Chief|Features|News) )?"
            + "(?:Editor|Writer|Reporter|Correspondent|Journalist|Columnist) (?:at|for|with) \\p{Lu}");

    /** The name, then the handle some sites put after it: "Eduard Kovacs (@EduardKovacs) is the managing editor...". */
    private static final Pattern AUTHOR_BIO = Pattern.compile(BIO_NAME + "(?:is|was|has been)\\b[^.]{0,100}"
            + "\\b(?:writer|journalist|reporter|columnist|correspondent|freelance|blogger|content creator)\\b");

    /** Picture agencies whose name closes a caption's credit. */
    private static final String[] PICTURE_AGENCIES = {"Getty Images", "Shutterstock", "iStock", "iStockphoto", "Alamy", "AP Photo"};

    /**
     * A shopping widget's line: a price and where to buy ("$1,599.00 from Lowe's", "$32 $29 at Amazon", "$90 $85 (6%
     * off)"), or "Buy now at ...", "Shop at ...". Reviews and gift guides put them between a story's paragraphs.
     */
    static boolean isShoppingLine(String line) {
        if (line.isEmpty() || line.length() > 70) {
            return false;
        }
        char c = line.charAt(0);
        return (c == '$' || c == '£' || c == '€' || c == 'B' || c == 'b' || c == 'S' || c == 's') && SHOPPING.matcher(line).matches();
    }

    private static final Pattern SHOPPING = Pattern.compile(
            "(?:[$£€]\\s?\\d[\\d,.]*\\s*){1,2}(?:\\(\\d+% off\\)|(?:at|from) \\S.{0,40})|(?:buy|shop) (?:now )?at \\S.{0,40}",
            Pattern.CASE_INSENSITIVE);

    /**
     * A paragraph of the story as HTML source ({@code <p>Even with ample money, schools ...</p>}): the "republish
     * this story" box of news sites prints the story's markup for copying. A tag, prose, a closing tag; code samples
     * of tutorials hold short text between their tags.
     */
    static boolean isMarkupParagraph(String line) {
        int length = line.length();
        if (length < 90 || line.charAt(0) != '<' || !Character.isLetter(line.charAt(1)) || line.charAt(length - 1) != '>') {
            return false;
        }
        int text = 0;
        boolean inTag = false;
        for (int i = 0; i < length; i++) {
            char ch = line.charAt(i);
            if (ch == '<') {
                inTag = true;
            } else if (ch == '>') {
                inTag = false;
            } else if (!inTag) {
                text++;
            }
        }
        return text >= 80;
    }

    /**
     * The code a player or post offers for embedding it elsewhere ({@code Embed <iframe src="..." ...>}), shown as
     * text beside audio and video: an opening {@code <iframe} or {@code <script} after at most a short label.
     */
    static boolean isEmbedCode(String line) {
        int open = line.indexOf('<');
        return open >= 0 && open <= EMBED_LABEL && line.charAt(line.length() - 1) == '>'
                && (line.startsWith("<iframe", open) || line.startsWith("<script", open));
    }

    private static final int EMBED_LABEL = 20;

    /** The credit: the word, "by" or a colon, then a name of up to 60 characters with no sentence in it. */
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "(?i)\\b(?:photo(?:graph)?|image|picture|credit|courtesy)s?(?: by)?\\s*(?::|by)\\s*[^.:!?]{1,60}$");

    /**
     * A row of links rendered without spaces between them ("HomeWeatherTraffic7 On Your SideLocalishShop", "IRFC share
     * priceSuzlon share price"): where a page's text is copied off its menus and footers, each link's words run into
     * the next one's. Three or more words glued so (a lower-case letter or digit, then a capitalised word), at least
     * one per eight words, on a line that does not end like a sentence or code. Brand names (TikTok, LinkedIn) glue
     * once or twice in a sentence, code lines end on brackets or hold operators.
     */
    static boolean isGluedLinks(String line) {
        int length = line.length();
        if (length < 12) {
            return false;
        }
        char last = line.charAt(length - 1);
        if (".!?:;{}()'\"”’".indexOf(last) >= 0) {
            return false;
        }
        int joins = 0;
        int chunkStart = 0; // where the current word began: the token's start or the last join
        for (int i = 1; i + 2 < length; i++) {
            char c = line.charAt(i);
            char before = line.charAt(i - 1);
            if (Character.isWhitespace(before)) {
                chunkStart = i;
            }
            if (c >= 'A' && c <= 'Z') {
                // both words whole: "StatusStock" glues, "TikTok" and "YouTube" (three letters before) do not
                if (((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9')) && i - chunkStart >= 4
                        && isLowerAscii(line.charAt(i + 1)) && isLowerAscii(line.charAt(i + 2))) {
                    joins++;
                    chunkStart = i;
                }
            } else if (c == '(' || c == '<' || c == '=' || c == '$') {
                return false; // code or markup
            }
        }
        return joins >= 3 && joins * 8 >= words(line);
    }

    /**
     * A line of nothing but web addresses ("https://finance.yahoo.com/news/... https://www.haier.com/..."): a source
     * list or a profile's links printed as text. A story names a site in a sentence; the dev ground truths drop 111
     * of 136 such lines.
     */
    static boolean isBareUrls(String line) {
        int i = line.startsWith("- ") ? 2 : 0;
        int length = line.length();
        boolean any = false;
        while (i < length) {
            while (i < length && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i == length) {
                break;
            }
            if (!(line.startsWith("https://", i) || line.startsWith("http://", i))) {
                return false;
            }
            boolean dotted = false; // "https://" alone is the scheme a story explains, not an address
            while (i < length && !Character.isWhitespace(line.charAt(i))) {
                dotted |= line.charAt(i) == '.' && i + 1 < length && !Character.isWhitespace(line.charAt(i + 1));
                i++;
            }
            if (!dotted) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean isLowerAscii(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isFurniture(String line) {
        return line.length() <= 80 && FURNITURE.matcher(line.strip()).matches();
    }

    static int words(String line) {
        return words(line, Integer.MAX_VALUE);
    }

    /** The words of the line, counted up to {@code enough}. */
    static int words(String line, int enough) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < line.length() && n < enough; i++) {
            char c = line.charAt(i);
            boolean space = c == ' ' || (c > ' ' ? c >= 0x80 && Character.isWhitespace(c) : Character.isWhitespace(c));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }
}
