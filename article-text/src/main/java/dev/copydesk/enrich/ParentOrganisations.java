package dev.copydesk.enrich;

import dev.copydesk.enrich.EntityRecognizer.Entity;
import dev.copydesk.enrich.EntityRecognizer.Token;
import dev.copydesk.enrich.EntityRecognizer.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every use of an organisation's name, whichever rule found it, and the first words of its name, used alone ("Seka Moving" for "Seka Moving Corporation", "Carnegie
 * Mellon" for "Carnegie Mellon University"). Said of one organisation, they are its short form and count as its
 * mentions. They name an organisation of their own, the parent, when the rest of the longer name is a place ("Paris
 * Baguette North America" is the brand's American arm, and "For Paris Baguette, however" the brand) or when two names
 * the story gives start with them ("Berkshire Hathaway Primary Group", "Berkshire Hathaway Reinsurance Group" and
 * "Berkshire Hathaway"). The parent has nothing a rule sees (no head noun, no cue); the longer names vouch for it.
 *
 * <p>Not first words that are a place ("Orange County" of "Orange County Register"), a people's name ("North
 * American"), a person, everyday words ("White House", made like "Data Center"), or that hold a joining word
 * ("Centers for Disease Control" is the one agency, not a parent).
 */
final class ParentOrganisations {

    private ParentOrganisations() {}

    private static final Set<String> JOINING = Set.of("of", "for", "and", "&", "the", "at", "on", "in", "de", "du");

    /** Words that end a place's name as well as an administrative area's heads: "New York State", "... Park". */
    private static final Set<String> PLACE_WORDS = Set.of(
            "State",
            "City",
            "Park",
            "Island",
            "Islands",
            "Valley",
            "Bay",
            "Beach",
            "Lake",
            "River",
            "Mountain",
            "Mountains",
            "Coast",
            "Region");

    static void count(Map<String, Entity> found, String text, List<Token> tokens, Set<String> people) {
        List<Entity> organisations = new ArrayList<>();
        for (Entity e : found.values()) {
            if (e.type() == Type.ORGANIZATION) {
                organisations.add(e);
            }
        }
        Map<String, List<Integer>> starts = new HashMap<>(); // where each name's first word stands
        for (Entity org : organisations) {
            starts.put(org.name().split(" ")[0], new ArrayList<>());
        }
        if (starts.isEmpty()) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            List<Integer> at =
                    starts.get(EntityRecognizer.withoutPossessive(tokens.get(i).text())); // "Halvex's"
            if (at != null) {
                at.add(i);
            }
        }
        String key = Type.ORGANIZATION.name() + ":";
        for (int n = 0; n < organisations.size(); n++) {
            // each use of the name counts, whichever rule found it: a cue finds "Veltrion" once ("Veltrion stock
            // was flat"), and the story names it again where no cue stands
            Entity org = organisations.get(n);
            String[] words = org.name().split(" ");
            int uses = usesAlone(text, tokens, starts.get(words[0]), words, words.length);
            uses -= insideLonger(text, tokens, starts.get(words[0]), org.name(), organisations);
            if (uses > org.mentions()) {
                org = new Entity(Type.ORGANIZATION, org.name(), uses, org.countryCode());
                found.put(key + org.name(), org);
                organisations.set(n, org);
            }
        }
        for (Entity org : organisations) {
            String[] words = org.name().split(" ");
            for (int k = words.length - 1; k >= 2; k--) {
                String first = String.join(" ", List.of(words).subList(0, k));
                String rest = String.join(" ", List.of(words).subList(k, words.length));
                if (!couldBeShortForm(words, k, first, people) || JOINING.contains(words[k])) {
                    continue;
                }
                int alone = usesAlone(text, tokens, starts.get(words[0]), words, k);
                if (alone == 0) {
                    continue;
                }
                Entity parent = found.get(key + first);
                if (parent != null) {
                    break; // found by a rule of its own, or a parent already
                }
                if (EntityRecognizer.isPlaceName(rest) || startsAnother(organisations, org, first)) {
                    found.put(key + first, new Entity(Type.ORGANIZATION, first, alone, ""));
                } else {
                    Entity now = found.get(key + org.name());
                    found.put(
                            key + org.name(),
                            new Entity(Type.ORGANIZATION, org.name(), now.mentions() + alone, now.countryCode()));
                }
                break; // the longest first words the story uses
            }
        }
    }

    private static boolean couldBeShortForm(String[] words, int k, String first, Set<String> people) {
        for (int j = 0; j < k; j++) {
            if (JOINING.contains(words[j]) || !Character.isUpperCase(words[j].charAt(0))) {
                return false;
            }
        }
        return !EntityRecognizer.known(first)
                && !EntityRecognizer.known(words[k - 1]) // "North American", "Palo Alto" is the city's
                && !EntityRecognizer.isOrganizationHead(words[k - 1]) // a head's name is the rules' to find
                && !PLACE_WORDS.contains(words[k - 1])
                && !EntityRecognizer.PLACE_HEADS.contains(words[k - 1])
                && !people.contains(first)
                && !EntityRecognizer.everydayWords(first);
    }

    private static boolean startsAnother(List<Entity> organisations, Entity org, String first) {
        for (Entity other : organisations) {
            if (other != org && other.name().startsWith(first + " ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Uses of {@code name} that open a longer organisation found in the story with a joining word after it
     * ("Centers for Disease Control" in "Centers for Disease Control and Prevention"), which {@link #usesAlone}
     * counts: it stops only at a capitalised word, since "Facebook and Google" are two.
     */
    private static int insideLonger(
            String text, List<Token> tokens, List<Integer> starts, String name, List<Entity> organisations) {
        List<String> longer = new ArrayList<>();
        for (Entity other : organisations) {
            String o = other.name();
            if (o.length() > name.length() + 1
                    && o.startsWith(name + " ")
                    && JOINING.contains(o.substring(name.length() + 1).split(" ")[0])) {
                longer.add(o);
            }
        }
        int inside = 0;
        for (int i : longer.isEmpty() ? List.<Integer>of() : starts) {
            for (String o : longer) {
                if (text.startsWith(o, tokens.get(i).start())) {
                    inside++;
                    break;
                }
            }
        }
        return inside;
    }

    /** Mentions of the first {@code k} of {@code words} that neither continue nor go on into a longer name. */
    private static int usesAlone(String text, List<Token> tokens, List<Integer> starts, String[] words, int k) {
        int uses = 0;
        for (int i : starts) {
            if (i + k > tokens.size()
                    || k > 1 && !tokens.get(i).text().equals(words[0]) // a possessive ends a name
                    || EntityRecognizer.continuesName(text, tokens, i)
                    || joinedToName(text, tokens, i)) {
                continue;
            }
            boolean match = true;
            for (int j = 1; j < k && match; j++) {
                match = EntityRecognizer.adjacent(text, tokens.get(i + j - 1), tokens.get(i + j))
                        && EntityRecognizer.withoutPossessive(tokens.get(i + j).text())
                                .equals(words[j])
                        && (j == k - 1 || tokens.get(i + j).text().equals(words[j]));
            }
            if (match && !goesOn(text, tokens, i + k)) {
                uses++;
            }
        }
        return uses;
    }

    /** Whether a joining word after a capitalised one stands right before token {@code i}: "Museum of ...". */
    private static boolean joinedToName(String text, List<Token> tokens, int i) {
        return i >= 2
                && JOINING.contains(tokens.get(i - 1).text())
                && tokens.get(i - 2).capitalized()
                && EntityRecognizer.adjacent(text, tokens.get(i - 1), tokens.get(i))
                && EntityRecognizer.adjacent(text, tokens.get(i - 2), tokens.get(i - 1));
    }

    /** Whether a capitalised word, or "&" and one, follows the name ending before token {@code next}. */
    private static boolean goesOn(String text, List<Token> tokens, int next) {
        if (next >= tokens.size()) {
            return false;
        }
        Token last = tokens.get(next - 1);
        Token after = tokens.get(next);
        if (!last.text().equals(EntityRecognizer.withoutPossessive(last.text()))) {
            return false;
        }
        if (!after.capitalized()) {
            return false;
        }
        String between = text.substring(last.end(), after.start());
        return between.equals(" ") || between.equals(" & ");
    }
}
