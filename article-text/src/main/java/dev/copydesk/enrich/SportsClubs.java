package dev.copydesk.enrich;

import dev.copydesk.clean.text.ResultLines;
import dev.copydesk.enrich.EntityRecognizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sports clubs, which sports copy names after their city: a club's word before the city ("Real Madrid", "Bayern
 * Munich", "PSV Eindhoven", "Red Star Belgrade"), a club's word after a name ("Leeds United", "Blackburn Rovers"),
 * and both sides of a results line ("Aston Villa 2 Derby County 0", "Coventry City 1"). The city in such a name is
 * no place of the story.
 */
final class SportsClubs {

    private SportsClubs() {}

    /** Words that open a club's name before its city: "Real Madrid", "Borussia Dortmund", "FC Barcelona". */
    private static final List<String> PREFIXES = List.of(
            "Real",
            "Atletico",
            "Atlético",
            "Borussia",
            "Bayern",
            "Inter",
            "AC",
            "AS",
            "FC",
            "SC",
            "SV",
            "VfB",
            "VfL",
            "TSV",
            "PSV",
            "Ajax",
            "Sporting",
            "Dynamo",
            "Dinamo",
            "Spartak",
            "Lokomotiv",
            "CSKA",
            "Olympique",
            "Olympiakos",
            "Olympiacos",
            "Racing",
            "Deportivo",
            "Rapid",
            "Sparta",
            "Slavia",
            "Legia",
            "Hertha",
            "Union",
            "Red Star",
            "Crvena Zvezda",
            "Partizan",
            "Feyenoord",
            "Shakhtar",
            "Zenit");

    static final Set<String> PREFIX_FIRST_WORDS =
            Set.copyOf(PREFIXES.stream().map(p -> p.split(" ")[0]).toList());

    /** Words that close a club's name after a name: "Leeds United", "Blackburn Rovers", "Tottenham Hotspur". */
    static final Set<String> CLUB_HEADS =
            Set.of("United", "Rovers", "Wanderers", "Athletic", "Albion", "Hotspur", "Rangers");

    /** The clubs of {@code text}; their tokens are marked in {@code inOrganization}. */
    static List<String> find(String text, List<Token> tokens, boolean[] inOrganization, int[] cues) {
        List<String> clubs = new ArrayList<>();
        for (int[] side : ResultLines.sides(text)) {
            add(clubs, text, tokens, inOrganization, side[0], side[1]); // "Aston Villa 2 Derby County 0"
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (inOrganization[i]) {
                continue;
            }
            int prefixEnd = (cues[i] & CueWords.CLUB_PREFIX) != 0 ? prefixEnd(text, tokens, i) : -1;
            if (prefixEnd >= 0 && !EntityRecognizer.continuesName(text, tokens, i)) {
                int city = cityEnd(text, tokens, prefixEnd + 1); // "Real Madrid"
                if (city > prefixEnd) {
                    addTokens(clubs, text, tokens, inOrganization, i, city);
                    i = city;
                    continue;
                }
            }
            if ((cues[i] & CueWords.CLUB_HEAD) != 0 && i > 0) {
                int start = clubHeadStart(text, tokens, i); // "Blackburn Rovers", "West Bromwich Albion"
                if (start >= 0) {
                    addTokens(clubs, text, tokens, inOrganization, start, i);
                }
            }
        }
        return clubs;
    }

    /** The last token of a club's opening word at {@code i} ("Real", "Red Star"), or -1. */
    private static int prefixEnd(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        for (String prefix : PREFIXES) {
            if (text.startsWith(prefix, t.start())) {
                int end = t.start() + prefix.length();
                for (int k = i; k < tokens.size() && tokens.get(k).end() <= end; k++) {
                    if (tokens.get(k).end() == end) {
                        return k + 1 < tokens.size()
                                        && EntityRecognizer.adjacent(text, tokens.get(k), tokens.get(k + 1))
                                ? k
                                : -1;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Where a club's name that {@code head} closes starts, or -1: a name that is no everyday word right before the
     * head ("Blackburn", not "Choose" or "Southwestern"), and the capitalised words before it; nothing capitalised
     * after the head ("Athletic Footwear").
     */
    private static int clubHeadStart(String text, List<Token> tokens, int head) {
        Token before = tokens.get(head - 1);
        if (!before.capitalized()
                || !EntityRecognizer.adjacent(text, before, tokens.get(head))
                || EntityRecognizer.isWord(before.text())
                || EntityRecognizer.neverStartsName(before.text())
                || head + 1 < tokens.size()
                        && tokens.get(head + 1).capitalized()
                        && EntityRecognizer.adjacent(text, tokens.get(head), tokens.get(head + 1))) {
            return -1;
        }
        int start = head - 1;
        while (start > 0
                && head - start < 3
                && tokens.get(start - 1).capitalized()
                && EntityRecognizer.adjacent(text, tokens.get(start - 1), tokens.get(start))
                && !EntityRecognizer.neverStartsName(tokens.get(start - 1).text())) {
            start--;
        }
        return start;
    }

    /** The last token of the longest known city of one to three words from {@code from}, or -1. */
    private static int cityEnd(String text, List<Token> tokens, int from) {
        int best = -1;
        for (int end = from; end < tokens.size() && end < from + 3; end++) {
            if (!tokens.get(end).capitalized()
                    || end > from && !EntityRecognizer.adjacent(text, tokens.get(end - 1), tokens.get(end))) {
                break;
            }
            if (EntityRecognizer.placeByName.containsKey(
                    text.substring(tokens.get(from).start(), tokens.get(end).end()))) {
                best = end;
            }
        }
        return best;
    }

    private static void addTokens(
            List<String> clubs, String text, List<Token> tokens, boolean[] inOrganization, int first, int last) {
        add(
                clubs,
                text,
                tokens,
                inOrganization,
                tokens.get(first).start(),
                tokens.get(last).end());
    }

    private static void add(
            List<String> clubs, String text, List<Token> tokens, boolean[] inOrganization, int start, int end) {
        String name = text.substring(start, end).strip();
        if (name.isEmpty() || EntityRecognizer.known(name)) {
            return; // "Leeds 1 Chelsea 0": a city's name alone is left to be the place it also is
        }
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() >= start && tokens.get(k).end() <= end) {
                inOrganization[k] = true;
            }
        }
        if (!clubs.contains(name)) {
            clubs.add(name);
        }
    }
}
