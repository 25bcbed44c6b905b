package dev.copydesk.enrich;

import dev.copydesk.enrich.EntityRecognizer.NameRun;
import dev.copydesk.enrich.EntityRecognizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bodies a story gives as its sources: "according to Statista", "as reported by Travel + Leisure", "data from
 * Expert Market Research", "a survey by Morning Consult". News cites people the same way ("according to Poonam
 * Lamba"), so the name is an organisation only when nothing makes it a person: not a person the story names or one's
 * family name ("according to LeCun"), no given name first, no title. Nor a place ("according to Kyiv"), a month,
 * everyday words ("according to Top"), a document ("according to the Dietary Guidelines": after "the" the head-noun
 * rules decide) or a word in capitals ("according to RESTRUCTURE").
 */
final class Attributions {

    private Attributions() {}

    /** The nouns whose "by" or "from" names a source: "a study by", "figures from". */
    private static final Set<String> SOURCE_NOUN_LIST = Set.of(
            "data",
            "figures",
            "estimates",
            "study",
            "report",
            "survey",
            "poll",
            "analysis",
            "research",
            "reported",
            "published",
            "conducted");

    /** Those nouns and "according", as written and opening a sentence: "Data from Orbell", "According to". */
    static final Set<String> SOURCE_WORDS = CueWords.writtenAndCapitalised(
            Stream.concat(SOURCE_NOUN_LIST.stream(), Stream.of("according")).toList());

    /** A document's last word: "according to Dietary Guidelines", "data from Census Data". */
    private static final Set<String> DOCUMENTS = Set.of(
            "Guidelines",
            "Guide",
            "Act",
            "Law",
            "Report",
            "Survey",
            "Index",
            "Study",
            "Data",
            "Spec",
            "Census",
            "Trends",
            "Rule",
            "Rules",
            "Code",
            "Bible",
            "Constitution");

    static List<String> find(
            String text, List<Token> tokens, boolean[] inGazetteerName, Set<String> people, int[] cues) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i > 0 && isYear(t.text())) {
                publisher(found, text, tokens, i, inGazetteerName, people);
                continue;
            }
            if ((cues[i] & CueWords.SOURCE) == 0) {
                continue;
            }
            String joiner = tokens.get(i + 1).text();
            boolean cited = t.text().equalsIgnoreCase("according")
                    ? joiner.equals("to")
                    : joiner.equals("by") || joiner.equals("from");
            int start = i + 2;
            if (!cited
                    || !EntityRecognizer.adjacent(text, t, tokens.get(i + 1))
                    || !EntityRecognizer.adjacent(text, tokens.get(i + 1), tokens.get(start))
                    || !tokens.get(start).capitalized()) {
                continue;
            }
            NameRun run = EntityRecognizer.nameRun(text, tokens, start);
            if (citation(text, tokens.get(run.end()))) {
                continue; // "an analysis by Lauricella [84]": a paper's author
            }
            String whole = EntityRecognizer.runName(text, tokens, start, run.end());
            for (String name : whole.split(" and ")) {
                if (isSource(name, people)
                        && EntityRecognizer.isNewName(name, inGazetteerName, start, run.end())
                        && !(name.indexOf(' ') < 0 && actsAsPerson(text, tokens, name))) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    /** The last words of a study's, a survey's or a ranking's title. */
    private static final Set<String> PUBLICATIONS = Set.of(
            "Study",
            "Survey",
            "Report",
            "Index",
            "Poll",
            "Awards",
            "Rankings",
            "Ranking",
            "Barometer",
            "Outlook",
            "Forecast");

    /**
     * The publisher before the year of a publication's title: "the J.D. Power 2025 North America Rental Car
     * Satisfaction Study", "DHL's 2024 Purchasing Behavior Report", "the Reuters Institute 2024 Digital News Report".
     */
    private static void publisher(
            List<String> found,
            String text,
            List<Token> tokens,
            int year,
            boolean[] inGazetteerName,
            Set<String> people) {
        int last = year - 1;
        if (!tokens.get(last).capitalized()
                || EntityRecognizer.neverStartsName(tokens.get(last).text()) // "Per The 2025 ... Index"
                || !EntityRecognizer.adjacent(text, tokens.get(last), tokens.get(year))) {
            return;
        }
        boolean titled = false;
        for (int k = year + 1; k < tokens.size() && k <= year + 8 && !titled; k++) {
            if (!tokens.get(k).capitalized() || !EntityRecognizer.adjacent(text, tokens.get(k - 1), tokens.get(k))) {
                break;
            }
            titled = PUBLICATIONS.contains(tokens.get(k).text());
        }
        if (!titled) {
            return;
        }
        int start = last;
        while (start > 0
                && last - start < 4
                && tokens.get(start - 1).capitalized()
                && !EntityRecognizer.neverStartsName(tokens.get(start - 1).text())
                && EntityRecognizer.adjacent(text, tokens.get(start - 1), tokens.get(start))
                && EntityRecognizer.withoutPossessive(tokens.get(start - 1).text())
                        .equals(tokens.get(start - 1).text())) {
            start--;
        }
        while (start < last
                && EntityRecognizer.neverStartsName(tokens.get(start).text())) {
            start++; // "The J.D. Power ..."
        }
        String name = EntityRecognizer.runName(text, tokens, start, last);
        if (!PERIOD.matcher(name).matches() // "the Q2 2025 Sprout Social Pulse Survey"
                && isSource(name, people)
                && EntityRecognizer.isNewName(name, inGazetteerName, start, last)
                && !found.contains(name)) {
            found.add(name);
        }
    }

    /** A quarter, a half or a fiscal year before a year: "Q2 2025". */
    private static final Pattern PERIOD = Pattern.compile("[QH][1-4]|FY|(?:Spring|Summer|Fall|Autumn|Winter)");

    private static boolean isYear(String w) {
        return w.length() == 4
                && (w.startsWith("19") || w.startsWith("20"))
                && Character.isDigit(w.charAt(2))
                && Character.isDigit(w.charAt(3));
    }

    private static boolean isSource(String name, Set<String> people) {
        String[] words = name.split(" ");
        String first = words[0];
        String last = words[words.length - 1];
        return !EntityRecognizer.neverStartsName(first)
                && !EntityRecognizer.isGivenName(first)
                && !EntityRecognizer.NOT_NAMES.contains(first)
                && !EntityRecognizer.MONTHS.contains(first)
                && !DOCUMENTS.contains(last)
                && !(name.length() > 5 && name.equals(name.toUpperCase(Locale.ROOT)))
                && !name.endsWith("-")
                && !EntityRecognizer.everydayWords(name)
                && !EntityRecognizer.known(name)
                && !people.contains(name)
                && !CompanyCues.familyNameOf(name, people);
    }

    /** A reference after an author's name: " [84]", " (2019)", " et al.". */
    private static boolean citation(String text, Token last) {
        int at = last.end();
        return text.startsWith(" [", at)
                || text.startsWith(" et al", at)
                || text.startsWith(" (19", at)
                || text.startsWith(" (20", at);
    }

    /**
     * Whether one word is a person elsewhere in the story: after a given name ("Savannah Peterson", "Yeun Joon Kim")
     * or with a verb of speech ("Peterson said", "says Joon").
     */
    private static boolean actsAsPerson(String text, List<Token> tokens, String word) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!EntityRecognizer.withoutPossessive(tokens.get(i).text()).equals(word)) {
                continue;
            }
            if (i > 0
                    && EntityRecognizer.isGivenName(tokens.get(i - 1).text())
                    && EntityRecognizer.adjacent(text, tokens.get(i - 1), tokens.get(i))) {
                return true;
            }
            if (i > 0 && EntityRecognizer.SPEECH.contains(tokens.get(i - 1).text())
                    || i + 1 < tokens.size()
                            && EntityRecognizer.SPEECH.contains(
                                    tokens.get(i + 1).text())) {
                return true;
            }
        }
        return false;
    }
}
