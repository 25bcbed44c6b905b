package dev.copydesk.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People, organisations and places in a story, offline and without a statistical model (none with a usable
 * licence and size exists on Maven Central; see the README). Three sources:
 * <ul>
 *   <li><b>Gazetteers</b>: country names in every language the JDK's locale data knows, plus
 *       {@code country-aliases.tsv} (short and old forms, demonyms, capitals standing for governments), and
 *       {@code organizations.tsv}. Matched on word boundaries, longest name first, and inside hyphenated pairs
 *       ({@code Russia-Ukraine war} mentions both).</li>
 *   <li><b>Person cues</b>: a run of capitalised words after a role ({@code Defense Minister Shin Won-sik},
 *       {@code spokesperson Lee Do-woon}, {@code counterpart, Kihara Minoru}) or before {@code said}. Later
 *       mentions by family name alone ({@code Austin}, {@code Shin}) count for the full name.</li>
 *   <li><b>Organisation shape</b>: capitalised words ending in a head noun ({@code United Nations Command},
 *       {@code Ministry of Defense}).</li>
 * </ul>
 */
public final class EntityRecognizer {

    public enum Type { PERSON, ORGANIZATION, PLACE }

    /** One entity: canonical name, how often the story mentions it, and for places the ISO 3166-1 alpha-2 code. */
    public record Entity(Type type, String name, int mentions, String countryCode) {
    }

    private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’]*(?:-\\p{L}[\\p{L}'’]*)*";
    private static final Pattern ORGANIZATION_SHAPE = Pattern.compile(
            "\\b((?:" + NAME_WORD + "\\s+(?:(?:of|for)\\s+(?:the\\s+)?)?){1,4}"
                    + "(?:Command|Ministry|Department|Council|Committee|Agency|Party|Bank|Union|Association|Organi[sz]ation"
                    + "|Corporation|Group|University|Court|Parliament|Assembly|Commission|Federation|Institute|Authority"
                    + "|Service|Office|Forces|Army|Navy|Police|Company|Foundation|Fund|Board|Bureau|Administration))\\b"
                    + "(?:\\s+(?:of|for)\\s+(?:the\\s+)?(" + NAME_WORD + "(?:\\s+" + NAME_WORD + ")?))?");
    private static final Pattern SAID_AFTER = Pattern.compile(
            "\\b(" + NAME_WORD + "(?:\\s+" + NAME_WORD + "){1,2})\\s+(?:said|says|told|added|noted|wrote)\\b");

    // the gazetteers are read-only once built, and building them walks every locale: once per JVM
    private static final Map<String, String> countryByName = new HashMap<>();
    private static final Map<String, String> organizationByName = new HashMap<>();
    private static int maxNameWords = 1;
    private static final Pattern personAfterCue;

    static {
        Locale[] locales = Locale.getAvailableLocales();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            for (Locale language : locales) {
                String name = country.getDisplayCountry(language);
                if (name.length() > 3 && !name.equals(code)) {
                    countryByName.putIfAbsent(name, code);
                }
            }
        }
        for (String[] row : readTsv("country-aliases.tsv")) {
            for (int i = 1; i < row.length; i++) {
                countryByName.put(row[i], row[0]);
            }
        }
        for (String[] row : readTsv("organizations.tsv")) {
            for (int i = 1; i < row.length; i++) {
                organizationByName.put(row[i], row[0]);
            }
        }
        for (String name : countryByName.keySet()) {
            maxNameWords = Math.max(maxNameWords, name.split(" ").length);
        }
        for (String name : organizationByName.keySet()) {
            maxNameWords = Math.max(maxNameWords, name.split(" ").length);
        }
        List<String> cues = new ArrayList<>();
        for (String[] row : readTsv("person-cues.txt")) {
            cues.add(Pattern.quote(row[0]));
        }
        cues.sort(Comparator.comparingInt(String::length).reversed());
        personAfterCue = Pattern.compile("(?<![\\p{L}])(?:" + String.join("|", cues) + "),?\\s+(" + NAME_WORD
                + "(?:\\s+" + NAME_WORD + "){1,3})");
    }

    /** Forces the gazetteers to load (start-up, benchmarks); any instance would too. */
    public static void preload() {
        // the static initialiser has run by the time this body executes
    }

    public List<Entity> recognize(String text) {
        Map<String, Entity> found = new LinkedHashMap<>();
        Set<String> gazetteerSpans = new HashSet<>();
        boolean[] inOrganization = new boolean[text.length()];
        List<String> shaped = new ArrayList<>();
        Matcher o = ORGANIZATION_SHAPE.matcher(text);
        while (o.find()) {
            String name = o.group().strip().replaceFirst("^(?:The|A|An)\\s+", "");
            if (name.contains(" ") && !organizationByName.containsKey(name)) {
                shaped.add(name);
                java.util.Arrays.fill(inOrganization, o.start(), o.end(), true);
            }
        }
        for (String name : gazetteerMatches(text, inOrganization)) {
            gazetteerSpans.add(name);
            String org = organizationByName.get(name);
            if (org != null) {
                count(found, Type.ORGANIZATION, org, "");
            } else {
                String code = countryByName.get(name);
                count(found, Type.PLACE, new Locale("", code).getDisplayCountry(Locale.ENGLISH), code);
            }
        }
        Map<String, String> people = people(text, gazetteerSpans);
        for (Map.Entry<String, String> person : people.entrySet()) {
            int mentions = countMentions(text, person.getKey(), person.getValue());
            found.put("P:" + person.getKey(), new Entity(Type.PERSON, person.getKey(), Math.max(1, mentions), ""));
        }
        for (String name : shaped) {
            if (!people.containsKey(name)) {
                count(found, Type.ORGANIZATION, name, "");
            }
        }
        List<Entity> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparingInt(Entity::mentions).reversed().thenComparing(Entity::name));
        return out;
    }

    /**
     * Gazetteer names in the text, longest first at each word, by hash lookup of word runs (a regular expression
     * over thousands of names would cost a pass per name). Words are runs of letters, digits, apostrophes and dots
     * ("U.S.", "S."); a hyphen separates words, so both sides of "Russia-Ukraine" are looked up.
     */
    private List<String> gazetteerMatches(String text, boolean[] masked) {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '\''
                    || text.charAt(i) == '’')) {
                i++;
            }
            if (i > start && !masked[start]) {
                words.add(new int[] {start, i});
            }
        }
        List<String> out = new ArrayList<>();
        for (int w = 0; w < words.size(); ) {
            int matchedTo = -1;
            String matched = null;
            for (int k = Math.min(words.size() - 1, w + maxNameWords - 1); k >= w && matched == null; k--) {
                int from = words.get(w)[0];
                int to = words.get(k)[1];
                String candidate = text.substring(from, to);
                String key = lookup(candidate);
                if (key == null && candidate.endsWith(".")) {
                    key = lookup(candidate.substring(0, candidate.length() - 1)); // "Korea." at a sentence end
                }
                if (key != null) {
                    matched = key;
                    matchedTo = k;
                }
            }
            if (matched != null) {
                out.add(matched);
                w = matchedTo + 1;
            } else {
                w++;
            }
        }
        return out;
    }

    private String lookup(String candidate) {
        return countryByName.containsKey(candidate) || organizationByName.containsKey(candidate) ? candidate : null;
    }

    /** Full name → the short form later mentions use (family name: last word, or first for "Shin Won-sik" style). */
    private Map<String, String> people(String text, Set<String> gazetteerSpans) {
        Map<String, String> people = new LinkedHashMap<>();
        for (Pattern p : List.of(personAfterCue, SAID_AFTER)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String name = trimName(m.group(1), gazetteerSpans);
                if (name != null && !people.containsKey(name)) {
                    people.put(name, shortForm(name));
                }
            }
        }
        return people;
    }

    /** Drops words that are not part of the name (a country, an organisation, a role, a common capitalised word). */
    private String trimName(String candidate, Set<String> gazetteerSpans) {
        String[] words = candidate.split("\\s+");
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (countryByName.containsKey(w) || organizationByName.containsKey(w) || gazetteerSpans.contains(w)
                    || NOT_NAMES.contains(w)) {
                if (!kept.isEmpty()) {
                    break;
                }
                continue;
            }
            kept.add(w);
        }
        if (kept.size() < 2) {
            return null;
        }
        return String.join(" ", kept);
    }

    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "On", "At", "But", "And", "He", "She",
            "They", "It", "This", "That", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Defense", "Defence", "Foreign", "Finance", "Interior", "Justice", "Prime", "Minister", "Secretary",
            "President", "Vice", "State", "General", "Deputy", "Chief", "Executive", "National", "Security", "Adviser",
            "Advisor", "Senior", "Former", "Acting", "Supreme", "Commander", "Leader", "Party", "Government", "Officials",
            "Police", "Army", "Navy", "Air", "Force", "Trade", "Economy", "Health", "Education", "Energy", "Unification");

    private static String shortForm(String name) {
        String[] words = name.split("\\s+");
        // East Asian order with a hyphenated given name: the family name comes first (Kim Jong-un, Shin Won-sik)
        if (words.length == 2 && words[1].contains("-")) {
            return words[0];
        }
        return words[words.length - 1];
    }

    private static int countMentions(String text, String fullName, String shortForm) {
        int full = occurrences(text, Pattern.quote(fullName));
        int alone = occurrences(text, Pattern.quote(shortForm)) - occurrencesInside(text, fullName, shortForm);
        return full + Math.max(0, alone);
    }

    private static int occurrences(String text, String quoted) {
        Matcher m = Pattern.compile("(?<![\\p{L}])" + quoted + "(?![\\p{L}])").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int occurrencesInside(String text, String fullName, String shortForm) {
        return fullName.contains(shortForm) ? occurrences(text, Pattern.quote(fullName)) : 0;
    }

    private static void count(Map<String, Entity> found, Type type, String name, String code) {
        String key = type.name().charAt(0) + ":" + name;
        Entity e = found.get(key);
        found.put(key, new Entity(type, name, e == null ? 1 : e.mentions() + 1, code));
    }

    private static List<String[]> readTsv(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = EntityRecognizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
