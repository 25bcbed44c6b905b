package dev.copydesk.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The people a story credits — its authors ("By LISA MASCARO", a page's author markup) and the reporters and
 * editors of a wire credit line — as the names they are: "Lisa Mascaro". A credit names a person only when it reads
 * like one: two to four capitalised words, the first of which can be a given name ("Aoife", "Rose", never
 * "Company Size"), no agency ("Associated Press"), no desk ("Staff Writer", "Reuters Staff"), no organisation's head
 * noun ("Editorial Board").
 */
final class CreditedPeople {

    private CreditedPeople() {}

    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:[,;/|]|\\band\\b|&)\\s*");

    private static final Pattern BY = Pattern.compile("^(?i:by)\\s+");

    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}'’.\\-]*");

    /** Lower-case words inside names: "Ursula von der Leyen", "Luiz Inácio da Silva". */
    private static final Set<String> PARTICLES = Set.of(
            "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ter",
            "bin", "binti", "al", "el", "y");

    /** Words of a credit that name a job or a desk, not a person. */
    private static final Set<String> NOT_NAMES = Set.of(
            "staff",
            "writer",
            "writers",
            "reporter",
            "reporters",
            "editor",
            "editors",
            "editorial",
            "correspondent",
            "correspondents",
            "contributor",
            "contributors",
            "team",
            "desk",
            "wire",
            "wires",
            "news",
            "newsroom",
            "press",
            "service",
            "agency",
            "bureau",
            "admin",
            "administrator",
            "guest",
            "author",
            "authors",
            "board",
            "report",
            "reports",
            "media",
            "online",
            "digital",
            "web",
            "sponsored",
            "partner",
            "content");

    /** The people among comma-, "and"- or semicolon-separated credits, canonical case, in order, each once. */
    static List<String> people(List<String> credits, AgencyDirectory agencies) {
        Set<String> out = new LinkedHashSet<>();
        for (String credit : credits) {
            for (String part : SEPARATORS.split(BY.matcher(credit.strip()).replaceFirst(""))) {
                String name = canonicalCase(part.strip());
                if (readsAsPerson(name) && agencies.canonical(name).isEmpty()) {
                    out.add(name);
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean readsAsPerson(String name) {
        String[] words = name.split(" ");
        if (words.length < 2 || words.length > 4) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean particle = i > 0 && i < words.length - 1 && PARTICLES.contains(w);
            if (!particle && !NAME_WORD.matcher(w).matches() || NOT_NAMES.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return EntityRecognizer.canBeGivenName(words[0])
                && !EntityRecognizer.isOrganisationWord(words[words.length - 1]);
    }

    /** "LISA MASCARO" is "Lisa Mascaro", "JEAN-PAUL O'NEIL" "Jean-Paul O'Neil"; a name in mixed case stays as written. */
    static String canonicalCase(String name) {
        if (!name.equals(name.toUpperCase(Locale.ROOT)) || name.codePoints().noneMatch(Character::isLetter)) {
            return name;
        }
        return EntityRecognizer.titleCase(name);
    }

    /** {@code found} with a person for each credited name it lacks, one mention each. */
    static List<EntityRecognizer.Entity> withCredited(List<EntityRecognizer.Entity> found, List<String> credited) {
        List<EntityRecognizer.Entity> out = new ArrayList<>(found);
        for (String person : credited) {
            boolean known = found.stream()
                    .anyMatch(e ->
                            e.type() == EntityRecognizer.Type.PERSON && e.name().equalsIgnoreCase(person));
            if (!known) {
                out.add(new EntityRecognizer.Entity(EntityRecognizer.Type.PERSON, person, 1, ""));
            }
        }
        return out;
    }
}
