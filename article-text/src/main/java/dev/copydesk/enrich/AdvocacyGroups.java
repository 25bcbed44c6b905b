package dev.copydesk.enrich;

import dev.copydesk.enrich.EntityRecognizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Groups named for who they are and what they stand for: "Mothers Against Drunk Driving", "Teachers Against School
 * Vouchers", "Doctors Without Borders", "Americans for Prosperity", "Students for Fair Admissions". A capitalised
 * plural for people, then "Against", "Without" or "for", then capitalised words. Such names are everyday words, which
 * every other rule leaves; the members' noun before the preposition is what makes them a group. Not "Businesses for
 * Sale" (no people), "Women in Tech" (a topic as often as a group), or a name that a capitalised word continues.
 */
final class AdvocacyGroups {

    private AdvocacyGroups() {}

    /** People a group is made of. */
    static final Set<String> MEMBERS = Set.of(
            "Mothers",
            "Moms",
            "Fathers",
            "Dads",
            "Parents",
            "Grandparents",
            "Teachers",
            "Educators",
            "Students",
            "Doctors",
            "Physicians",
            "Nurses",
            "Lawyers",
            "Scientists",
            "Engineers",
            "Veterans",
            "Citizens",
            "Americans",
            "Women",
            "Families",
            "Workers",
            "Farmers",
            "Artists",
            "Writers",
            "Reporters",
            "Journalists",
            "Economists",
            "Taxpayers",
            "Voters",
            "Neighbors",
            "Neighbours",
            "Survivors",
            "Patients",
            "Clergy",
            "Athletes",
            "Musicians",
            "Pilots",
            "Sportsmen",
            "Conservatives",
            "Progressives",
            "Democrats",
            "Republicans",
            "Christians",
            "Muslims",
            "Jews",
            "Catholics");

    private static final Set<String> STANDS = Set.of("Against", "Without", "for");

    static List<String> find(String text, List<Token> tokens, boolean[] inOrganization, int[] cues) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if ((cues[i] & CueWords.GROUP_MEMBERS) == 0
                    || !STANDS.contains(tokens.get(i + 1).text())
                    || !tokens.get(i + 2).capitalized()
                    || inOrganization[i]
                    || EntityRecognizer.continuesName(text, tokens, i)
                    || !EntityRecognizer.adjacent(text, tokens.get(i), tokens.get(i + 1))
                    || !EntityRecognizer.adjacent(text, tokens.get(i + 1), tokens.get(i + 2))) {
                continue;
            }
            int end = EntityRecognizer.nameRun(text, tokens, i + 2).end();
            for (int k = i + 3; k + 2 <= end; k++) {
                if (tokens.get(k).text().equals("and")
                        && MEMBERS.contains(tokens.get(k + 1).text())
                        && STANDS.contains(tokens.get(k + 2).text())) {
                    end = k - 1; // "Mothers Against Drunk Driving and Doctors Without Borders": two groups
                    break;
                }
            }
            String cause = EntityRecognizer.runName(text, tokens, i + 2, end);
            if (EntityRecognizer.known(cause) || EntityRecognizer.isPlaceName(cause)) {
                continue; // "Americans for Ukraine" is a cause, "Workers for Amazon" a workplace; both too rare to tell
            }
            String name = EntityRecognizer.runName(text, tokens, i, end);
            for (int k = i; k <= end; k++) {
                inOrganization[k] = true;
            }
            found.add(name);
        }
        return found;
    }
}
