package dev.copydesk.enrich;

import dev.copydesk.enrich.EntityRecognizer.Entity;
import dev.copydesk.enrich.EntityRecognizer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An organisation's acronym, given in parentheses after its name ("the European Central Bank (ECB)"), names it
 * wherever the story uses it after that ("The ECB said"): those are mentions of the organisation, and the acronym
 * found on its own ("PKK fighters") is not a second one. An acronym alone is no organisation: "Artificial
 * Intelligence (AI)" and "Return on Investment (ROI)" are defined the same way.
 */
final class OrganisationAcronyms {

    private OrganisationAcronyms() {}

    /** Capitals, digits and "&", two to eight: "ECB", "PKK", "AT&T", "G20". */
    private static final Pattern DEFINITION = Pattern.compile("\\((\\p{Lu}[\\p{Lu}\\p{N}&]{1,7})\\)");

    static void count(Map<String, Entity> found, String text) {
        List<Entity> organisations = new ArrayList<>();
        for (Entity e : found.values()) {
            if (e.type() == Type.ORGANIZATION) {
                organisations.add(e);
            }
        }
        for (Entity org : organisations) {
            String acronym = definedAcronym(text, org.name());
            if (acronym == null || acronym.equals(org.name())) {
                continue;
            }
            int uses = uses(text, acronym) - 1; // the definition itself is the name's mention
            String key = Type.ORGANIZATION.name() + ":";
            Entity alone = found.remove(key + acronym); // "PKK" found by itself: the same organisation
            int more = Math.max(uses, alone == null ? 0 : alone.mentions());
            if (more > 0) {
                found.put(
                        key + org.name(),
                        new Entity(Type.ORGANIZATION, org.name(), org.mentions() + more, org.countryCode()));
            }
        }
    }

    /** The acronym in parentheses right after the first mention of {@code name} that has one, or null. */
    private static String definedAcronym(String text, String name) {
        for (int at = text.indexOf(name + " ("); at >= 0; at = text.indexOf(name + " (", at + 1)) {
            if (continuesName(text, at)) {
                continue; // "Mobile World Congress (MWC)" defines no acronym for "Congress"
            }
            Matcher m = DEFINITION.matcher(text).region(at + name.length() + 1, text.length());
            if (m.lookingAt()) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * Whether a capitalised word stands right before {@code at}, so that the name there is part of a longer one; not
     * "The", "In" or a title.
     */
    private static boolean continuesName(String text, int at) {
        if (at < 2 || text.charAt(at - 1) != ' ' || !Character.isLetterOrDigit(text.charAt(at - 2))) {
            return false;
        }
        int start = at - 2;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String before = text.substring(start, at - 1);
        return Character.isUpperCase(before.charAt(0))
                && !EntityRecognizer.neverStartsName(before) // "The Internal Revenue Service (IRS)"
                && EntityRecognizer.withoutPossessive(before).equals(before); // "the Royal Family's Royal ..."
    }

    /** Whole-word uses of {@code acronym}: "ECB", "ECB's", not "ECBs" or "DECB". */
    private static int uses(String text, String acronym) {
        int n = 0;
        for (int at = text.indexOf(acronym); at >= 0; at = text.indexOf(acronym, at + acronym.length())) {
            int end = at + acronym.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord) {
                n++;
            }
        }
        return n;
    }
}
