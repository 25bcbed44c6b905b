package dev.copydesk.enrich;

import dev.copydesk.enrich.EntityRecognizer.NameRun;
import dev.copydesk.enrich.EntityRecognizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Companies by what only a company has in business copy, whatever their name looks like: shares that trade ("shares
 * of Dravon Kestrel", "Brindle Ashcombe shares fell"), a stake, a stock listing ("Quarro Vantis (NYSE: QVT)",
 * "(VOWG_p.DE)") and an officer named with it ("Ostrava Minerals chief executive Tomas Velk"). The name model takes
 * a two-word name with no cue for a person ("Quarro Vantis reported a loss"); these cues say otherwise. So does the
 * kind of company written after a name ("the Interfax news agency", "the Wagner mercenary group").
 */
final class CompanyCues {

    private CompanyCues() {}

    /** Nouns whose "of" or "in" names a company: "shares of", "a stake in". */
    static final Set<String> HOLDINGS = Set.of("shares", "Shares", "stake", "stakes"); // not "stock in AI"

    /** After a name: "Tesla shareholders", "Brindle Ashcombe shares fell". */
    static final Set<String> OWNERS = Set.of("shareholders", "stockholders");

    static final Set<String> SHARES = Set.of("shares", "stock");

    /** What shares do in a market report: "Brindle Ashcombe shares fell 3 percent". */
    private static final Set<String> MOVES = Set.of(
            "rose",
            "fell",
            "jumped",
            "slid",
            "gained",
            "dropped",
            "climbed",
            "tumbled",
            "surged",
            "sank",
            "slumped",
            "rallied",
            "soared",
            "plunged",
            "plummeted",
            "slipped",
            "edged",
            "advanced",
            "declined",
            "closed",
            "ended",
            "opened",
            "traded",
            "rise",
            "fall",
            "jump",
            "slide",
            "gain",
            "drop",
            "climb",
            "tumble",
            "surge",
            "sink",
            "slump",
            "rally",
            "soar",
            "plunge",
            "slip",
            "rebounded",
            "recovered",
            "were",
            "have",
            "are");

    /** A company's officers, named between the company and the person: "Tesla chief executive Elon Musk". */
    private static final List<List<String>> OFFICERS = List.of(
            List.of("chief", "executive", "officer"),
            List.of("chief", "executive"),
            List.of("chief", "financial", "officer"),
            List.of("chief", "operating", "officer"),
            List.of("chief", "technology", "officer"),
            List.of("managing", "director"),
            List.of("CEO"),
            List.of("CFO"),
            List.of("COO"),
            List.of("CTO"),
            List.of("chairman"),
            List.of("chairwoman"),
            List.of("founder"),
            List.of("co-founder"),
            List.of("cofounder"),
            List.of("boss"));

    /** Kinds of company named after the name: "the Interfax news agency", "the Corvell Marsh consulting firm". */
    static final Set<String> KINDS_AFTER = Set.of(
            "agency",
            "company",
            "firm",
            "group",
            "bank",
            "newspaper",
            "magazine",
            "broadcaster",
            "airline",
            "carrier",
            "insurer",
            "lender",
            "retailer",
            "automaker",
            "carmaker",
            "drugmaker",
            "conglomerate",
            "consultancy",
            "startup",
            "charity",
            "nonprofit",
            "publisher",
            "miner",
            "utility");

    /** Words between a name and its kind that cannot describe the kind: "Ford and the company". */
    private static final Set<String> NOT_MODIFIERS = Set.of(
            "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "the", "a", "an", "is", "was",
            "are", "that", "which", "your", "our", "their", "its", "his", "her", "this", "my");

    /** "the" before "the NAME kind": after "a" or "an" the name is a kind too ("a SaaS company", "an SEO agency"). */
    private static final Set<String> DETERMINERS = Set.of("the", "The");

    /** The first words of {@link #OFFICERS}, as written and capitalised ("chief", "Chief"). */
    static final Set<String> OFFICER_FIRST_WORDS = CueWords.writtenAndCapitalised(
            OFFICERS.stream().map(officer -> officer.get(0)).toList());

    /** A stock listing in parentheses after a name: "(NYSE: QVT)", "(Nasdaq:ABCD)", "(TSX-V: XYZ)". */
    private static final Pattern EXCHANGE = Pattern.compile(
            " \\((?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|AIM|TSX|TSXV|TSX-V|ASX|OTC|OTCQX|OTCQB|HKEX|SEHK|SGX|NSE|BSE|JSE"
                    + "|Euronext|XETRA|SIX|NYSE American|NYSE Arca|NYSE MKT|CSE)\\s?:");

    /** A Reuters instrument code in parentheses after a name: "(AAPL.O)", "(7203.T)", "(VOWG_p.DE)". */
    private static final Pattern INSTRUMENT = Pattern.compile(
            " \\([A-Z0-9]{1,6}(?:_[a-z])?\\.(?:N|O|L|T|DE|PA|HK|TO|AX|SS|SZ|KS|BO|NS|MI|MC|AS|ST|SW|CO|OL|HE|BR"
                    + "|VI|SA|MX|TW|SI|JK|KL|BK|F|I|LS|WA|PR|IS|TA|OQ)\\)");

    static List<String> find(
            String text, List<Token> tokens, boolean[] inGazetteerName, Set<String> people, int[] cues) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token joiner = tokens.get(i + 1);
            if ((cues[i] & CueWords.HOLDING) != 0
                    && (joiner.text().equals("of") || joiner.text().equals("in"))
                    && EntityRecognizer.adjacent(text, t, joiner)
                    && EntityRecognizer.adjacent(text, joiner, tokens.get(i + 2))
                    && tokens.get(i + 2).capitalized()) {
                int start = i + 2; // "shares of Dravon Kestrel"
                NameRun run = EntityRecognizer.nameRun(text, tokens, start);
                Token last = tokens.get(run.end());
                Token after = run.end() + 1 < tokens.size() ? tokens.get(run.end() + 1) : null;
                boolean modifier = EntityRecognizer.modifies(text, last, after, true)
                                && !MOVES.contains(after.text()) // "shares of Dravon Kestrel rose"
                        || last.end() < text.length() && text.charAt(last.end()) == '+'; // "shares of LGBT+ adults"
                if (!run.possessive() && !modifier) {
                    add(found, text, tokens, start, run.end(), inGazetteerName, people);
                }
            }
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            String w = tokens.get(i).text();
            boolean owners = (cues[i] & CueWords.OWNER) != 0;
            boolean moved = (cues[i] & CueWords.SHARE) != 0
                    && MOVES.contains(tokens.get(i + 1).text());
            if ((owners || moved) && EntityRecognizer.adjacent(text, tokens.get(i - 1), tokens.get(i))) {
                nameBefore(found, text, tokens, i - 1, inGazetteerName, people); // "Brindle Ashcombe shares fell"
            } else if ((cues[i] & CueWords.PLURAL_JOB) != 0
                    && EntityRecognizer.adjacent(text, tokens.get(i - 1), tokens.get(i))) {
                staffOf(found, text, tokens, i - 1, people); // "Goldman Sachs analysts expect"
            }
            int officer = (cues[i] & CueWords.OFFICER) != 0 ? officerEnd(tokens, i) : -1;
            if (officer > 0
                    && EntityRecognizer.adjacent(text, tokens.get(i - 1), tokens.get(i))
                    && personFollows(text, tokens, officer)) {
                nameBefore(found, text, tokens, i - 1, inGazetteerName, people); // "Ostrava Minerals chief executive"
            }
        }
        for (int i = 2; i < tokens.size(); i++) {
            if ((cues[i] & CueWords.KIND_AFTER) == 0) {
                continue;
            }
            int last = i - 1; // over up to two describing words: "news", "mercenary", "state-run oil"
            while (last > i - 3
                    && last > 0
                    && !tokens.get(last).capitalized()
                    && !NOT_MODIFIERS.contains(tokens.get(last).text())
                    && EntityRecognizer.adjacent(text, tokens.get(last), tokens.get(last + 1))) {
                last--;
            }
            if (tokens.get(last).capitalized()
                    && EntityRecognizer.adjacent(text, tokens.get(last), tokens.get(last + 1))) {
                int start = EntityRecognizer.capitalisedRunStart(text, tokens, last, 4);
                if (start > 0
                        && DETERMINERS.contains(tokens.get(start - 1).text())
                        && EntityRecognizer.adjacent(text, tokens.get(start - 1), tokens.get(start))
                        && EntityRecognizer.withoutPossessive(tokens.get(last).text())
                                .equals(tokens.get(last).text())
                        && !tokens.get(last).text().contains("-")) { // "the Austin-based firm"
                    String name = tokens.get(start).text();
                    boolean acronym = start == last
                            && name.length() <= 5
                            && name.chars().filter(Character::isUpperCase).count() >= 2;
                    boolean described = last < i - 1; // "the Wagner mercenary group"; "the control group", no
                    if (!acronym && (described || !tokens.get(i).text().equals("group"))) { // "the SaaS company"
                        add(found, text, tokens, start, last, inGazetteerName, people); // "the Interfax news agency"
                    }
                }
            }
        }
        Matcher exchange = EXCHANGE.matcher(text);
        Matcher instrument = INSTRUMENT.matcher(text);
        for (int at = text.indexOf(" ("); at >= 0; at = text.indexOf(" (", at + 2)) {
            // a regex's find would try every position of the story; a parenthesis is rare
            if (exchange.region(at, text.length()).lookingAt()
                    || instrument.region(at, text.length()).lookingAt()) {
                int last = tokenEndingAt(tokens, at);
                if (last >= 0) {
                    nameBefore(found, text, tokens, last, inGazetteerName, people); // "Quarro Vantis (NYSE: QVT)"
                }
            }
        }
        return found;
    }

    /**
     * The employer a plural job follows, when the name model took it for a person: "Goldman Sachs analysts expect".
     * Only then: before a plural job a name is far more often a field than an employer ("UX designers", "MBA
     * students", "JavaScript developers"), and a person with a given name first stays one ("Tony Blair advisers").
     */
    private static void staffOf(List<String> found, String text, List<Token> tokens, int last, Set<String> people) {
        int start = EntityRecognizer.capitalisedRunStart(text, tokens, last, 3);
        for (int s = start; s < last; s++) { // the longest run before the job that is a person found
            String name = EntityRecognizer.runName(text, tokens, s, last);
            if (people.contains(name)) {
                if (!EntityRecognizer.isGivenName(tokens.get(s).text()) && !found.contains(name)) {
                    found.add(name);
                }
                return;
            }
        }
    }

    /** The capitalised run that ends at {@code last}: back through spaces, hyphens, "&" and "of" between names. */
    private static void nameBefore(
            List<String> found,
            String text,
            List<Token> tokens,
            int last,
            boolean[] inGazetteerName,
            Set<String> people) {
        if (!tokens.get(last).capitalized()) {
            return;
        }
        int start = last;
        while (last - start < 5 && start > 0) {
            Token prev = tokens.get(start - 1);
            String gap = text.substring(prev.end(), tokens.get(start).start());
            if (prev.capitalized()
                    && EntityRecognizer.withoutPossessive(prev.text()).equals(prev.text())
                    && !prev.text().endsWith(".")
                    && (gap.equals(" ") || gap.equals("-") || gap.equals(" & "))) {
                start--;
            } else if (start > 1
                    && gap.equals(" ")
                    && (prev.text().equals("of") || prev.text().equals("for"))
                    && tokens.get(start - 2).capitalized()
                    && EntityRecognizer.adjacent(text, tokens.get(start - 2), prev)) {
                start -= 2; // "Bank of Nova Scotia shares"
            } else {
                break;
            }
        }
        while (start < last
                && EntityRecognizer.neverStartsName(tokens.get(start).text())) {
            start++; // "The", "Meanwhile", "Shares": words before the name
        }
        if (EntityRecognizer.neverStartsName(tokens.get(start).text())) {
            return;
        }
        add(found, text, tokens, start, last, inGazetteerName, people);
    }

    private static void add(
            List<String> found,
            String text,
            List<Token> tokens,
            int start,
            int end,
            boolean[] inGazetteerName,
            Set<String> people) {
        String name = EntityRecognizer.runName(text, tokens, start, end);
        if (EntityRecognizer.isNewName(name, inGazetteerName, start, end)
                && !EntityRecognizer.everydayWords(name) // "Its shares fell", "Company shares"
                && !EntityRecognizer.known(name) // "French shares", "London shares"
                && !familyNameOf(name, people) // "Trump spokesman", "Musk's shareholders"
                && !found.contains(name)) {
            found.add(name);
        }
    }

    /** A person's family name: "Trump spokesman Steven Cheung" names no company. */
    static boolean familyNameOf(String name, Set<String> people) {
        for (String person : people) {
            if (person.endsWith(" " + name)) {
                return true;
            }
        }
        return false;
    }

    /** The token after an officer's title that starts at {@code i}, or -1: "chief executive officer Jane". */
    private static int officerEnd(List<Token> tokens, int i) {
        for (List<String> officer : OFFICERS) {
            if (i + officer.size() >= tokens.size()) {
                continue;
            }
            boolean matches = true;
            for (int k = 0; k < officer.size() && matches; k++) {
                String w = tokens.get(i + k).text();
                matches = officer.get(k).equals(w)
                        || officer.get(k).length() > 3 && officer.get(k).equalsIgnoreCase(w);
            }
            if (matches) {
                return i + officer.size();
            }
        }
        return -1;
    }

    /** Two or more capitalised words right after the title, the first of them no title: a person's name. */
    private static boolean personFollows(String text, List<Token> tokens, int k) {
        if (k + 1 >= tokens.size()) {
            return false;
        }
        Token first = tokens.get(k);
        Token second = tokens.get(k + 1);
        return first.capitalized()
                && second.capitalized()
                && EntityRecognizer.adjacent(text, tokens.get(k - 1), first)
                && EntityRecognizer.adjacent(text, first, second)
                && !EntityRecognizer.isTitle(first.text())
                && !EntityRecognizer.neverStartsName(first.text());
    }

    /** The token that ends right at {@code at}, or -1. */
    private static int tokenEndingAt(List<Token> tokens, int at) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int end = tokens.get(mid).end();
            if (end == at) {
                return mid;
            } else if (end < at) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }
}
