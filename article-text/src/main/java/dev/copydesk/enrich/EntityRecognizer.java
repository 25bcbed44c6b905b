package dev.copydesk.enrich;

import dev.copydesk.clean.PhraseList;
import dev.copydesk.script.WordBreaker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 *
 * <p>A little over 400 lines: the gazetteer matching and the shape rules share one tokenisation and one mention
 * count; the shape rules are what a learned tagger is to replace, and the class splits with them.
 */
public final class EntityRecognizer {

    public enum Type {
        PERSON,
        ORGANIZATION,
        PLACE
    }

    /** One entity: canonical name, how often the story mentions it, and for places the ISO 3166-1 alpha-2 code. */
    public record Entity(Type type, String name, int mentions, String countryCode) {}

    // the gazetteers are read-only once built: once per JVM
    private static final Map<String, String> countryByName = new HashMap<>();

    private static final Map<String, String> organizationByName = new HashMap<>();

    private static final Set<String> PERSON_CUES = new HashSet<>();

    /** The first word of every gazetteer name (and its upper case): most capitalised words start none, and are skipped with one lookup. */
    private static final Set<String> FIRST_WORDS = new HashSet<>();

    /** Every run of leading words of a gazetteer name that is shorter than the name ("United", "United Nations"): a match grows while its words are one. */
    private static final Set<String> NAME_PREFIXES = new HashSet<>();

    static {
        for (String[] row : readTsv(CountryNames.RESOURCE)) {
            for (int i = 1; i < row.length; i++) {
                countryByName.put(row[i], row[0]);
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
        for (Map<String, String> gazetteer : List.of(countryByName, organizationByName)) {
            for (String name : gazetteer.keySet()) {
                List<Token> words = tokenize(name);
                if (!words.isEmpty()) {
                    FIRST_WORDS.add(words.get(0).text());
                    FIRST_WORDS.add(words.get(0).text().toUpperCase(Locale.ROOT)); // "NEW DELHI" in a dateline
                }
                for (int k = 0; k + 1 < words.size(); k++) {
                    String prefix =
                            name.substring(words.get(0).start(), words.get(k).end());
                    NAME_PREFIXES.add(prefix);
                    NAME_PREFIXES.add(prefix.toUpperCase(Locale.ROOT));
                }
            }
        }
        for (String[] row : readTsv("person-cues.txt")) {
            // a cue of several words ("Prime Minister") is found by its last word
            String[] words = row[0].split(" ");
            PERSON_CUES.add(words[words.length - 1]);
        }
    }

    /** Forces the gazetteers to load (start-up, benchmarks); any instance would too. */
    public static void preload() {
        // the static initialiser has run by the time this body executes
    }

    /** A word of the text: letters, digits, apostrophes, inner hyphens before a small letter ("Won-sik"), abbreviation dots. */
    record Token(String text, int start, int end) {
        boolean capitalized() {
            return Character.isUpperCase(text.charAt(0));
        }
    }

    /** Country names in Chinese, Japanese, Thai and Korean, which the word scan cannot find; built once. */
    private static final UnspacedNames UNSPACED_COUNTRIES = new UnspacedNames(countryByName);

    private static final Set<String> HEADS =
            Set.copyOf(PhraseList.of(EntityRecognizer.class, "organization-heads.txt"));

    private static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "noted", "wrote");

    private static final Set<String> CONNECTORS = Set.of("of", "for");

    /** Splits Chinese, Japanese and Thai around a country name found in them; one per recogniser (not thread-safe). */
    private final WordBreaker words = new WordBreaker();

    public List<Entity> recognize(String text) {
        List<Token> tokens = tokenize(text);
        Map<String, Entity> found = new LinkedHashMap<>();
        boolean[] inOrganization = new boolean[tokens.size()];
        List<String> shaped = organizationsByShape(text, tokens, inOrganization);
        Set<String> gazetteerNames = new HashSet<>();
        for (String name : gazetteerMatches(text, tokens, inOrganization)) {
            gazetteerNames.add(name);
            String org = organizationByName.get(name);
            if (org != null) {
                count(found, Type.ORGANIZATION, org, "");
            } else {
                String code = countryByName.get(name);
                count(found, Type.PLACE, englishName(code), code);
            }
        }
        if (hasUnspaced(text)) {
            for (String code : UNSPACED_COUNTRIES.find(text, words)) {
                count(found, Type.PLACE, englishName(code), code);
            }
        }
        Map<String, String> people = people(text, tokens, gazetteerNames);
        Map<String, List<Integer>> positions = Mentions.positions(tokens, people);
        for (Map.Entry<String, String> person : people.entrySet()) {
            int mentions = Mentions.countMentions(tokens, positions, person.getKey(), person.getValue());
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

    private static final Map<String, String> ENGLISH_COUNTRY_NAMES = new ConcurrentHashMap<>();

    private static String englishName(String code) {
        return ENGLISH_COUNTRY_NAMES.computeIfAbsent(code, c -> new Locale("", c).getDisplayCountry(Locale.ENGLISH));
    }

    /** Whether the text holds a character of Chinese, Japanese, Thai or Korean (stops at the first). */
    private static boolean hasUnspaced(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x0E00 && UnspacedNames.applies(c)) {
                return true;
            }
        }
        return false;
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    i++;
                } else if ((c == '\'' || c == '’')
                        && i + 1 < n
                        && Character.isLetter(text.charAt(i + 1))
                        && i > start) {
                    i++;
                } else if (c == '-' && i > start && i + 1 < n && Character.isLowerCase(text.charAt(i + 1))) {
                    i++; // "Won-sik", "Jong-un"; "Russia-Ukraine" splits
                } else if (c == '.'
                        && i > start
                        && Character.isLetter(text.charAt(i - 1))
                        && ((i + 1 < n && Character.isLetter(text.charAt(i + 1)))
                                || i - start == 1
                                || text.substring(start, i).indexOf('.') >= 0)) {
                    i++; // "U.S.", "S.", "U.N."
                } else {
                    break;
                }
            }
            if (i > start) {
                tokens.add(new Token(text.substring(start, i), start, i));
            }
        }
        return tokens;
    }

    /** Joined by one space and nothing else between: the tokens form one name. */
    private static boolean adjacent(String text, Token a, Token b) {
        return b.start() - a.end() == 1 && text.charAt(a.end()) == ' ';
    }

    /**
     * Gazetteer names in the text, longest first at each token, by hash lookup of token runs (a regular expression
     * over thousands of names would cost a pass per name).
     */
    private List<String> gazetteerMatches(String text, List<Token> tokens, boolean[] masked) {
        List<String> out = new ArrayList<>();
        for (int w = 0; w < tokens.size(); ) {
            if (masked[w]
                    || Character.isLowerCase(tokens.get(w).text().charAt(0))
                    || UnspacedNames.applies(tokens.get(w).text().charAt(0)) // UnspacedNames finds those
                    || !FIRST_WORDS.contains(tokens.get(w).text())) {
                w++; // names start with a capital (or a letter without case) and with a known first word
                continue;
            }
            // grow the run of words while it is the start of some name; the longest run that is a name wins
            String matched = null;
            int matchedTo = -1;
            for (int k = w; ; k++) {
                String candidate =
                        text.substring(tokens.get(w).start(), tokens.get(k).end());
                if (countryByName.containsKey(candidate) || organizationByName.containsKey(candidate)) {
                    matched = candidate;
                    matchedTo = k;
                } else if (candidate.length() >= 4 && allCapitals(candidate)) {
                    // datelines shout: "LONDON", "NEW DELHI" are London and New Delhi (acronyms match as written)
                    String titled = titleCase(candidate);
                    if (countryByName.containsKey(titled)) {
                        matched = titled;
                        matchedTo = k;
                    }
                }
                if (k + 1 >= tokens.size()
                        || masked[k + 1]
                        || !adjacent(text, tokens.get(k), tokens.get(k + 1))
                        || !NAME_PREFIXES.contains(candidate)) {
                    break;
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

    /** No lower-case letter (and at least one letter): "LONDON", "NEW DELHI". Stops at the first small letter. */
    private static boolean allCapitals(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static String titleCase(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        boolean start = true;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            out.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }

    /** "United Nations Command", "Ministry of Defense", "Bank of Korea": capitalised words around a head noun. */
    private List<String> organizationsByShape(String text, List<Token> tokens, boolean[] inOrganization) {
        List<String> names = new ArrayList<>();
        for (int h = 0; h < tokens.size(); h++) {
            if (!tokens.get(h).capitalized() || !HEADS.contains(tokens.get(h).text())) { // every head is capitalised
                continue;
            }
            int first = h;
            while (first > 0
                    && h - first < 4
                    && tokens.get(first - 1).capitalized()
                    && adjacent(text, tokens.get(first - 1), tokens.get(first))
                    && !tokens.get(first - 1).text().equals("The")) {
                first--;
            }
            int last = h;
            if (h + 2 < tokens.size()
                    && CONNECTORS.contains(tokens.get(h + 1).text())
                    && adjacent(text, tokens.get(h), tokens.get(h + 1))) {
                int k = h + 2;
                if (tokens.get(k).text().equals("the") && k + 1 < tokens.size()) {
                    k++;
                }
                if (tokens.get(k).capitalized() && adjacent(text, tokens.get(k - 1), tokens.get(k))) {
                    last = k;
                    if (k + 1 < tokens.size()
                            && tokens.get(k + 1).capitalized()
                            && adjacent(text, tokens.get(k), tokens.get(k + 1))) {
                        last = k + 1;
                    }
                }
            }
            if (last > first) {
                String name = text.substring(
                        tokens.get(first).start(), tokens.get(last).end());
                if (!organizationByName.containsKey(name)) {
                    names.add(name);
                    Arrays.fill(inOrganization, first, last + 1, true);
                }
            }
        }
        return names;
    }

    /** Full name → the short form later mentions use (family name: last word, or first for "Shin Won-sik" style). */
    private Map<String, String> people(String text, List<Token> tokens, Set<String> gazetteerNames) {
        Map<String, String> people = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (PERSON_CUES.contains(t.text()) && i + 1 < tokens.size()) {
                Token next = tokens.get(i + 1);
                String between = text.substring(t.end(), next.start());
                if (between.equals(" ") || between.equals(", ")) {
                    addPerson(people, text, tokens, i + 1, +1, gazetteerNames);
                }
            } else if (SPEECH.contains(t.text()) && i > 0 && adjacent(text, tokens.get(i - 1), t)) {
                addPerson(people, text, tokens, i - 1, -1, gazetteerNames);
            }
        }
        return people;
    }

    /** The run of capitalised, adjacent tokens from {@code from} in {@code direction} (up to four), as a name. */
    private void addPerson(
            Map<String, String> people,
            String text,
            List<Token> tokens,
            int from,
            int direction,
            Set<String> gazetteerNames) {
        List<String> words = new ArrayList<>();
        int i = from;
        while (i >= 0
                && i < tokens.size()
                && words.size() < 4
                && tokens.get(i).capitalized()
                && (i == from
                        || adjacent(
                                text,
                                tokens.get(Math.min(i, i - direction)),
                                tokens.get(Math.max(i, i - direction))))) {
            if (direction > 0) {
                words.add(tokens.get(i).text());
            } else {
                words.add(0, tokens.get(i).text());
            }
            i += direction;
        }
        String name = trimName(words, gazetteerNames, direction > 0);
        if (name != null && !people.containsKey(name)) {
            people.put(name, Mentions.shortForm(name));
        }
    }

    /**
     * The name inside a run of capitalised words: words that cannot be part of a name (a country, an organisation,
     * a role, a common capitalised word) split the run, and the part next to the cue or the verb is the name —
     * the first part after a cue, the last before "said". A possessive ending is not part of the name.
     */
    private static String trimName(List<String> words, Set<String> gazetteerNames, boolean afterCue) {
        if (!afterCue && !words.isEmpty() && isTitle(words.get(words.size() - 1))) {
            return null; // "the Chief Marketing Officer said": a role speaks, no one is named
        }
        List<List<String>> parts = new ArrayList<>();
        List<Boolean> titled = new ArrayList<>(); // per part: whether a title word follows it
        List<String> current = new ArrayList<>();
        for (String raw : words) {
            String w = raw.endsWith("'s") || raw.endsWith("’s") ? raw.substring(0, raw.length() - 2) : raw;
            if (cannotBeInName(w, gazetteerNames)) {
                if (!current.isEmpty()) {
                    parts.add(current);
                    titled.add(isTitle(w));
                    current = new ArrayList<>();
                }
                continue;
            }
            current.add(w);
            if (!w.equals(raw)) { // a possessive ends the name
                parts.add(current);
                titled.add(false);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            parts.add(current);
            titled.add(false);
        }
        if (parts.isEmpty()) {
            return null;
        }
        List<String> name = afterCue ? firstNotTitle(parts, titled) : parts.get(parts.size() - 1);
        if (name == null) {
            return null;
        }
        return name.size() < 2 ? null : String.join(" ", name);
    }

    /**
     * After a cue, the first part that is not itself part of a longer title: in "Chief Cyber Solutions Officer Jane
     * Doe" the words before "Officer" are the title's, and Jane Doe is the name; null when only a title follows.
     */
    private static List<String> firstNotTitle(List<List<String>> parts, List<Boolean> titled) {
        for (int p = 0; p < parts.size(); p++) {
            if (!titled.get(p)) {
                return parts.get(p);
            }
        }
        return null;
    }

    private static final Set<String> NOT_NAMES = Set.copyOf(PhraseList.of(EntityRecognizer.class, "not-names.txt"));

    private static final Set<String> TITLES = Set.copyOf(PhraseList.of(EntityRecognizer.class, "person-titles.txt"));

    /** A title or a cue word: what stands before a name, never in it. */
    private static boolean isTitle(String w) {
        return TITLES.contains(w) || PERSON_CUES.contains(w);
    }

    /**
     * A word that is never part of a person's name: a country or organisation, a role or cue, a common capitalised
     * word, or the head noun of an organisation, singular or plural ("Emergency Services", "Business School").
     */
    private static boolean cannotBeInName(String w, Set<String> gazetteerNames) {
        return countryByName.containsKey(w)
                || organizationByName.containsKey(w)
                || gazetteerNames.contains(w)
                || NOT_NAMES.contains(w)
                || isTitle(w)
                || HEADS.contains(w)
                || w.endsWith("s") && HEADS.contains(w.substring(0, w.length() - 1));
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
