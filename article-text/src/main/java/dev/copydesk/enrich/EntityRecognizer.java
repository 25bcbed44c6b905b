package dev.copydesk.enrich;

import dev.copydesk.clean.PhraseList;
import dev.copydesk.script.WordBreaker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People, organisations and places in a story, offline and without a statistical model (rules and data; a tagger
 * trained by the project is to come, measured on the same annotated set: docs/entities.md). The sources:
 * <ul>
 *   <li><b>Gazetteers</b>: country names in every language the JDK's locale data knows, plus
 *       {@code country-aliases.tsv} (short and old forms); cities of 100,000 people or more ({@code cities.tsv},
 *       GeoNames) and regions ({@code places.tsv}), each with its country; {@code organizations.tsv}; demonyms
 *       ({@code demonyms.tsv}), which give a country to {@link Recognition#countries} but name no place. Matched
 *       on word boundaries, longest name first, and inside hyphenated pairs ({@code Russia-Ukraine war}).</li>
 *   <li><b>People</b>: a run of capitalised words after a role ({@code Defense Minister Shin Won-sik}) or before
 *       {@code said}; one that starts with a known given name ({@code given-names.tsv}) wherever it stands; a
 *       Korean family name before a hyphenated given name. Later mentions by family name count for the person,
 *       known by the longest form of the name the story gives.</li>
 *   <li><b>Organisation shape</b>: capitalised words ending in a head noun or a company suffix ({@code United
 *       Nations Command}, {@code Ministry of Defense}, {@code Highmark Inc.}).</li>
 * </ul>
 *
 * <p>About 900 lines: the gazetteer matching and the shape rules share one tokenisation and one mention count; the
 * shape rules are what a learned tagger is to replace, and the class splits with them.
 */
public final class EntityRecognizer {

    public enum Type {
        PERSON,
        ORGANIZATION,
        PLACE
    }

    /**
     * One entity: canonical name, how often the story mentions it, and for places the ISO 3166-1 alpha-2 code of the
     * country (the country's own, or the one a city or region is in).
     */
    public record Entity(Type type, String name, int mentions, String countryCode) {}

    /**
     * What a story names, and the countries it concerns: those of its places, most mentioned first, then those it
     * only speaks of by demonym ("French rail workers" concern France without naming a place).
     */
    public record Recognition(List<Entity> entities, List<String> countries) {}

    /** A city or region: its canonical name and its country. */
    record Place(String name, String countryCode) {}

    // the gazetteers are read-only once built: once per JVM
    private static final Map<String, String> countryByName = new HashMap<>();

    private static final Map<String, String> organizationByName = new HashMap<>();

    /** Cities (cities.tsv, GeoNames) and regions and other places (places.tsv), by every name they go by. */
    static final Map<String, Place> placeByName = new HashMap<>();

    /** US state codes, which count only right after a place and a comma ("Phoenix, AZ"): alone, "IN" is a word. */
    private static final Map<String, Place> stateByCode = new HashMap<>();

    private static final Map<String, String> demonymCountries = new HashMap<>();

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
        for (String[] row : readTsv("demonyms.tsv")) {
            for (int i = 1; i < row.length; i++) {
                demonymCountries.put(row[i], row[0]);
            }
        }
        for (String[] row : readTsv("cities.tsv")) {
            if (!countryByName.containsKey(row[0])) { // "Singapore", "Hong Kong" stay countries
                placeByName.put(row[0], new Place(row[0], row[1]));
            }
        }
        for (String[] row : readTsv("places.tsv")) {
            Place place = new Place(row[0], row[1]);
            placeByName.put(row[0], place);
            countryByName.remove(row[0]); // "England": some locale's name for GB, and a region of it
            for (int i = 3; i < row.length; i++) {
                if (row[i].length() == 2 && row[1].equals("US")) {
                    stateByCode.put(row[i], place);
                } else {
                    placeByName.put(row[i], place);
                }
            }
        }
        for (Map<String, ?> gazetteer : List.of(countryByName, organizationByName, placeByName, demonymCountries)) {
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

    static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "noted", "wrote");

    private static final Set<String> CONNECTORS = Set.of("of", "for");

    /** Legal forms that end a company's name: "Highmark Inc.", "Acme Holdings Ltd". */
    private static final Set<String> COMPANY_SUFFIXES = Set.of(
            "Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "LLC", "L.L.C.", "Ltd", "Ltd.", "PLC", "plc", "GmbH", "AG",
            "LLP");

    /** Capitalised at the start of a sentence or a heading, never the start of an organisation's name. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "A", "An", "In", "On", "At", "But", "And", "Or", "He", "She", "They", "It", "This", "That", "These",
            "Those", "What", "Why", "How", "When", "Where", "Who", "Which", "So", "Like", "As", "If", "Then", "My",
            "Our", "Your", "His", "Her", "Their", "Its", "We", "I", "You", "Is", "Are", "Was", "Were", "To", "From",
            "With", "By", "For", "Of", "About", "After", "Before", "Top", "Best", "Meet", "See", "Read", "Visit");

    /** Splits Chinese, Japanese and Thai around a country name found in them; one per recogniser (not thread-safe). */
    private final WordBreaker words = new WordBreaker();

    private final NameModel names = NameModel.shipped();

    public List<Entity> recognize(String text) {
        return recognizeAll(text).entities();
    }

    /** The entities of an English story, or one whose language is not known. */
    public Recognition recognizeAll(String text) {
        return recognizeAll(text, true, false, false);
    }

    /**
     * The entities of a story in {@code language} (ISO 639-1, empty when unknown). The learned {@link NameModel} reads
     * English and unknown text only: it learned English names and the words around them, and in German every noun
     * is capitalised. In German the rules also let a capitalised word stand before a name ("Bundeskanzler Olaf
     * Scholz", "Auch Österreich"): there it is a noun, not the start of a longer name.
     */
    public Recognition recognizeAll(String text, String language) {
        return recognizeAll(
                text,
                language.isEmpty() || language.equals("en"),
                NOUNS_CAPITALISED.contains(language),
                HEAD_FIRST.contains(language));
    }

    /** Languages that capitalise every noun. */
    private static final Set<String> NOUNS_CAPITALISED = Set.of("de", "lb");

    /**
     * The rules alone, without the learned model: the seeds {@link NameModelTrainer} learns from, and what {@code
     * copydesk entities --stage rules} scores to show the model's part.
     */
    public Recognition recognizeByRules(String text) {
        return recognizeAll(text, false, false, false);
    }

    /** Languages whose organisations' names open with their head noun: "Banco de España", "Universität Bonn". */
    private static final Set<String> HEAD_FIRST = Set.of("es", "pt", "ca", "fr", "it", "ro", "de", "lb");

    private Recognition recognizeAll(String text, boolean learned, boolean nounsCapitalised, boolean headFirst) {
        List<Token> tokens = tokenize(text);
        Map<String, Entity> found = new LinkedHashMap<>();
        boolean[] inOrganization = new boolean[tokens.size()];
        int[] cues = CueWords.of(tokens);
        List<String> shaped = AdvocacyGroups.find(text, tokens, inOrganization, cues); // before "... School" reads it
        shaped.addAll(organizationsByShape(text, tokens, inOrganization));
        List<String> clubs = SportsClubs.find(text, tokens, inOrganization, cues);
        if (headFirst) {
            shaped.addAll(HeadFirstOrganisations.find(text, tokens, inOrganization, nounsCapitalised));
        }
        Set<String> gazetteerNames = new HashSet<>();
        Set<String> demonymCodes = new LinkedHashSet<>();
        boolean[] inGazetteerName = new boolean[tokens.size()];
        for (String name : gazetteerMatches(text, tokens, inOrganization, inGazetteerName, nounsCapitalised)) {
            gazetteerNames.add(name);
            String org = organizationByName.get(name);
            Place place;
            String code;
            if (org != null) {
                count(found, Type.ORGANIZATION, org, "");
            } else if ((code = countryByName.get(name)) != null) {
                count(found, Type.PLACE, englishName(code), code);
            } else if ((place = placeByName.get(name)) != null || (place = stateByCode.get(name)) != null) {
                count(found, Type.PLACE, place.name(), place.countryCode());
            } else if ((code = demonymCountries.get(name)) != null) {
                demonymCodes.add(code);
            }
        }
        for (Place area : placesByShape(text, tokens, inOrganization, inGazetteerName, gazetteerNames)) {
            count(found, Type.PLACE, area.name(), area.countryCode());
        }
        if (hasUnspaced(text)) {
            for (String code : UNSPACED_COUNTRIES.find(text, words)) {
                count(found, Type.PLACE, englishName(code), code);
            }
        }
        Map<String, String> people =
                people(text, tokens, gazetteerNames, inGazetteerName, inOrganization, nounsCapitalised);
        if (learned) {
            learnedNames(text, tokens, people, shaped, inOrganization, inGazetteerName);
        }
        people.keySet().removeIf(name -> namesAThing(text, name));
        List<String> members = membersOfKinds(text, tokens, inGazetteerName);
        members.addAll(listedUnderKinds(text));
        for (String member : members) {
            // "the drugs' manufacturers, Eli Lilly and Novo Nordisk", "Stanley Black & Decker": companies
            people.keySet().removeIf(p -> member.equals(p) || member.startsWith(p + " "));
            if (!shaped.contains(member)) {
                shaped.add(member);
            }
        }
        List<String> workplaces = workplaces(text, tokens, inGazetteerName, cues);
        workplaces.addAll(appositions(text, tokens, inGazetteerName));
        workplaces.addAll(CompanyCues.find(text, tokens, inGazetteerName, people.keySet(), cues));
        workplaces.addAll(Attributions.find(text, tokens, inGazetteerName, people.keySet(), cues));
        workplaces.addAll(clubs);
        for (String workplace : workplaces) {
            people.remove(workplace); // "an analyst at Morgan Stanley"; "founder of Beth Helmstetter Events" is hers
            if (!shaped.contains(workplace)) {
                shaped.add(workplace);
            }
        }
        Map<String, List<Integer>> positions = Mentions.positions(tokens, people);
        for (Map.Entry<String, String> person : people.entrySet()) {
            int mentions = Mentions.countMentions(tokens, positions, person.getKey(), person.getValue());
            found.put(
                    Type.PERSON.name() + ":" + person.getKey(),
                    new Entity(Type.PERSON, person.getKey(), Math.max(1, mentions), ""));
        }
        for (String name : shaped) {
            if (!people.containsKey(name)) {
                count(found, Type.ORGANIZATION, name, "");
            }
        }
        dropPlacesInPeoplesNames(found, people.keySet());
        ParentOrganisations.count(found, text, tokens, people.keySet());
        mergeShortForms(found);
        OrganisationAcronyms.count(found, text);
        List<Entity> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparingInt(Entity::mentions).reversed().thenComparing(Entity::name));
        Set<String> countries = new LinkedHashSet<>();
        for (Entity e : out) {
            if (!e.countryCode().isEmpty()) {
                countries.add(e.countryCode());
            }
        }
        countries.addAll(demonymCodes);
        return new Recognition(out, List.copyOf(countries));
    }

    /** Plural nouns for kinds of organisation, whose examples a list names: "insurers such as Cigna and Aetna". */
    private static final Set<String> ORGANISATION_KINDS = Set.of(
            "companies",
            "firms",
            "manufacturers",
            "makers",
            "drugmakers",
            "automakers",
            "carmakers",
            "insurers",
            "banks",
            "lenders",
            "retailers",
            "brands",
            "startups",
            "airlines",
            "carriers",
            "publishers",
            "broadcasters",
            "agencies",
            "organizations",
            "organisations",
            "restaurants",
            "chains",
            "providers",
            "platforms",
            "rivals",
            "competitors",
            "universities",
            "colleges",
            "hospitals",
            "charities",
            "nonprofits",
            "unions",
            "newspapers",
            "outlets",
            "studios",
            "labels",
            "groups",
            "giants");

    /**
     * The names a list gives as examples of a kind of organisation: "the drugs' manufacturers, Eli Lilly and Novo
     * Nordisk", "insurers such as Cigna, Aetna and Humana", "restaurants like Le Bernardin". The list follows the kind
     * after a comma, "such as", "like" or "including"; its items are capitalised runs of up to four words, joined by
     * commas, "and" and "or". Places are not members.
     */
    private static List<String> membersOfKinds(String text, List<Token> tokens, boolean[] inGazetteerName) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String kind = tokens.get(i).text();
            if (kind.length() < 5 || kind.charAt(kind.length() - 1) != 's') {
                continue; // every kind is a plural: most words are out without a lookup
            }
            if (!ORGANISATION_KINDS.contains(kind)
                    && !(Character.isUpperCase(kind.charAt(0))
                            && ORGANISATION_KINDS.contains(kind.toLowerCase(Locale.ROOT)))) { // "Insurers such as"
                continue;
            }
            int k = i + 1;
            String next = tokens.get(k).text();
            if (next.equals("such")
                    && k + 1 < tokens.size()
                    && tokens.get(k + 1).text().equals("as")) {
                k += 2;
            } else if (next.equals("like") || next.equals("including")) {
                k++;
            } else if (!text.startsWith(", ", tokens.get(i).end())
                    || tokens.get(k).start() != tokens.get(i).end() + 2) {
                continue;
            }
            for (int items = 0; items < 8 && k < tokens.size(); items++) {
                Token start = tokens.get(k);
                if (!start.capitalized()
                        || neverStartsName(start.text())
                        || start.text().startsWith("I'")
                        || start.text().startsWith("I’")) { // "I've"
                    break;
                }
                int e = k;
                while (e + 1 < tokens.size()
                        && e - k < 3
                        && tokens.get(e + 1).capitalized()
                        && (adjacent(text, tokens.get(e), tokens.get(e + 1))
                                || hyphenated(text, tokens, e)
                                || text.startsWith(" & ", tokens.get(e).end()) // "Crate & Barrel"
                                        && tokens.get(e + 1).start()
                                                == tokens.get(e).end() + 3)
                        && withoutPossessive(tokens.get(e).text())
                                .equals(tokens.get(e).text())) {
                    e++;
                }
                String name = withoutPossessive(
                        text.substring(start.start(), tokens.get(e).end()));
                boolean heading = Character.isUpperCase(kind.charAt(0)) && allEveryday(tokens, k, e); // "Bars, Cafes"
                if (!all(inGazetteerName, k, e) && name.length() > 1 && !heading) { // not "P" of "P&G"
                    members.add(name);
                }
                if (e + 2 >= tokens.size()) {
                    break;
                }
                String gap =
                        text.substring(tokens.get(e).end(), tokens.get(e + 1).start());
                String after = tokens.get(e + 1).text();
                if ((gap.equals(" ") || gap.equals(", ")) && (after.equals("and") || after.equals("or"))) {
                    k = e + 2;
                } else if (gap.equals(", ")) {
                    k = e + 1;
                } else {
                    break;
                }
            }
        }
        return members;
    }

    private static final Set<String> JOBS = Set.copyOf(PhraseList.of(EntityRecognizer.class, "job-nouns.txt"));

    /** A job, one or many: "an analyst at", "analysts at", "researchers at". */
    private static boolean isJob(String w) {
        return JOB_FORMS.contains(w) || PLURAL_JOB_FORMS.contains(w);
    }

    /**
     * Every job as written and opening a sentence ("analyst", "Analyst"): one lookup per word, where the workplace
     * scan asks of every word of every story.
     */
    static final Set<String> JOB_FORMS = jobForms("");

    /** "analysts", "Analysts at Goldman Sachs expect". */
    static final Set<String> PLURAL_JOB_FORMS = jobForms("s");

    private static Set<String> jobForms(String ending) {
        Set<String> forms = new HashSet<>();
        for (String job : JOBS) {
            String word = job + ending;
            if (!ending.isEmpty() && (JOBS.contains(word) || job.length() < 3)) {
                continue;
            }
            forms.add(word);
            if (Character.isLowerCase(word.charAt(0))) {
                forms.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
        }
        return Set.copyOf(forms);
    }

    /** Words that join a workplace's name: "University of Alabama", "Travel + Leisure", "Procter & Gamble". */
    private static final Set<String> WORKPLACE_JOINERS = Set.of("of", "for", "and");

    private static final int WORKPLACE_MAX_WORDS = 7;

    /** Lower-case words that can follow a workplace's name; any other noun there means the name modifies it. */
    private static final Set<String> AFTER_WORKPLACE = Set.of(
            "said",
            "says",
            "and",
            "or",
            "in",
            "on",
            "at",
            "for",
            "to",
            "from",
            "with",
            "who",
            "which",
            "that",
            "is",
            "was",
            "has",
            "had",
            "will",
            "would",
            "since",
            "where",
            "when",
            "as",
            "by",
            "but",
            "told",
            "wrote",
            "until",
            "before",
            "after",
            "during",
            "about",
            "explains",
            "notes",
            "adds",
            "agrees");

    /**
     * Where people work, by the job before it: "a neuroscientist at Johns Hopkins Medicine", "co-owner of Keatley
     * Medical Nutrition Therapy", "an analyst at Morgan Stanley", "professor of medicine at Yale". After a job noun
     * ({@code job-nouns.txt}) and "at" or "of" (or "of" and a few lower-case words, then "at"), the capitalised run
     * that follows, through "of", "for", "and", "&" and "+" between capitalised words, names an organisation, not a
     * person. Not a known place ("mayor of Chicago"), not a name the gazetteer knows already; after "of" not everyday
     * words alone ("professor of Economics", "director of Communications": a department), after "at" those too
     * ("an analyst at Morning Consult"). Not a name that modifies the noun after it ("manager of AI
     * infrastructure"), a field before "at" ("professor of Anaesthesia at Harvard Medical School") or the owner of a
     * brand ("president of Spicher's Appliance & Security").
     */
    static List<String> workplaces(String text, List<Token> tokens, boolean[] inGazetteerName, int[] cues) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if ((cues[i] & (CueWords.JOB | CueWords.PLURAL_JOB)) == 0) {
                continue;
            }
            String apposed = apposedWorkplace(text, tokens, i, inGazetteerName);
            if (apposed != null) {
                found.add(apposed);
                continue;
            }
            int k = i + 1;
            if (tokens.get(k).text().equals("of") && !tokens.get(k + 1).capitalized()) {
                int w = k + 1; // "professor of medicine at Yale"
                while (w < tokens.size()
                        && w - k <= 4
                        && !tokens.get(w).capitalized()
                        && !tokens.get(w).text().equals("at")) {
                    w++;
                }
                k = w;
            }
            if (k + 1 >= tokens.size()
                    || !(tokens.get(k).text().equals("at")
                            || tokens.get(k).text().equals("of"))
                    || !adjacent(text, tokens.get(k - 1), tokens.get(k))
                    || !adjacent(text, tokens.get(k), tokens.get(k + 1))) {
                continue;
            }
            int start = k + 1;
            if (tokens.get(start).text().equals("the") && start + 1 < tokens.size()) {
                start++;
            }
            if (!tokens.get(start).capitalized() || !adjacent(text, tokens.get(start - 1), tokens.get(start))) {
                continue;
            }
            NameRun run = nameRun(text, tokens, start);
            int end = run.end();
            String name = runName(text, tokens, start, end);
            boolean at = tokens.get(k).text().equals("at");
            Token after = end + 1 < tokens.size() ? tokens.get(end + 1) : null;
            // "manager of AI infrastructure"; "attorney at Morgan & Morgan law firm" is one
            boolean modifies = !at && modifies(text, tokens.get(end), after, false);
            boolean field = !at && after != null && after.text().equals("at"); // "professor of Anaesthesia at Harvard"
            boolean brand = run.possessive() && after != null && after.capitalized(); // "president of Spicher's"
            if (!modifies
                    && !field
                    && !brand
                    && isNewName(name, inGazetteerName, start, end)
                    && (at || !everydayWords(name))) {
                if (at && (cues[i] & CueWords.PLURAL_JOB) != 0) {
                    // "designers at Amazon and IBM": many people, and as many workplaces ("owners of King and
                    // Jupiter" own one)
                    for (String part : name.split(" and ")) {
                        if (!known(part) && !found.contains(part)) {
                            found.add(part);
                        }
                    }
                    continue;
                }
                found.add(name);
            }
        }
        return found;
    }

    /**
     * The workplace a person's name, a comma, a job and a comma give: "said Ryan Farley, CEO, LawnStarter.", "Greg
     * Davis, owner, Azola Creative." The capitalised run after the job's comma, when it ends a sentence, a line or a
     * clause. Not everyday words ("Director, Sales and Marketing" is a department), a known place ("President,
     * Texas"), a run that starts with a given name or that another job follows ("Ana Ruiz, CEO, Ben Cole, CFO": a
     * list of people).
     */
    private static String apposedWorkplace(String text, List<Token> tokens, int job, boolean[] inGazetteerName) {
        Token role = tokens.get(job);
        Token first = tokens.get(job + 1);
        if (!text.startsWith(", ", role.end()) || first.start() != role.end() + 2 || !first.capitalized()) {
            return null;
        }
        boolean afterName = false;
        for (int j = job; j >= Math.max(1, job - 3) && !afterName; j--) {
            Token before = tokens.get(j - 1);
            if (text.startsWith(", ", before.end()) && tokens.get(j).start() == before.end() + 2) {
                afterName = personBefore(text, tokens, j - 1);
                break;
            }
            if (!adjacent(text, before, tokens.get(j))) {
                break;
            }
        }
        if (!afterName) {
            return null;
        }
        NameRun run = nameRun(text, tokens, job + 1);
        int end = run.end();
        Token last = tokens.get(end);
        char after = last.end() < text.length() ? text.charAt(last.end()) : '\n';
        if (run.possessive() || ".,;\n".indexOf(after) < 0 && !last.text().endsWith(".")) {
            return null;
        }
        if (after == ',' && end + 1 < tokens.size() && isJob(tokens.get(end + 1).text())) {
            return null; // "Ana Ruiz, CEO, Ben Cole, CFO"
        }
        String name = runName(text, tokens, job + 1, end);
        return isNewName(name, inGazetteerName, job + 1, end) && !everydayWords(name) && !isGivenName(first.text())
                ? name
                : null;
    }

    /**
     * Whether a person's name ends at token {@code last}: two to four capitalised words, the first a given name
     * ("Jake Donaldson", "Jake R. Donaldson"; not "Certified Purchasing Professional").
     */
    private static boolean personBefore(String text, List<Token> tokens, int last) {
        int first = last;
        while (first > 0 && last - first < 3 && continuesName(text, tokens, first)) {
            first--;
        }
        return first < last && isGivenName(tokens.get(first).text());
    }

    /** The first of the capitalised words, one space apart, that end at {@code last}; at most {@code back} before it. */
    static int capitalisedRunStart(String text, List<Token> tokens, int last, int back) {
        int start = last;
        while (start > 0
                && last - start < back
                && tokens.get(start - 1).capitalized()
                && adjacent(text, tokens.get(start - 1), tokens.get(start))) {
            start--;
        }
        return start;
    }

    /** Where a run of capitalised words ends, and whether its last word is possessive. */
    record NameRun(int end, boolean possessive) {}

    /**
     * The capitalised run from {@code start}: words one space apart, or joined by a hyphen, " & ", " + ", or "of",
     * "for", "and" between capitalised words; up to a possessive or a sentence's full stop.
     */
    static NameRun nameRun(String text, List<Token> tokens, int start) {
        int end = start;
        while (end - start < WORKPLACE_MAX_WORDS && end + 1 < tokens.size()) {
            Token here = tokens.get(end);
            Token next = tokens.get(end + 1);
            if (!withoutPossessive(here.text()).equals(here.text())
                    || here.text().endsWith(".")
                            && here.text().length() > 3
                            && !INITIALS.matcher(here.text()).matches()) {
                break; // "at Google's lab", "founder of Embarque.io. I started"; "J.D. Power" goes on
            }
            String gap = text.substring(here.end(), next.start());
            if (next.capitalized() && (gap.equals(" ") || gap.equals("-") || gap.equals(" & ") || gap.equals(" + "))) {
                end++;
            } else if (gap.equals(" ")
                    && WORKPLACE_JOINERS.contains(next.text())
                    && end + 2 < tokens.size()
                    && tokens.get(end + 2).capitalized()
                    && !tokens.get(end + 2).text().contains("-") // "Hugging Face and France-based Mistral"
                    && adjacent(text, next, tokens.get(end + 2))) {
                end += 2;
            } else {
                break;
            }
        }
        String last = tokens.get(end).text();
        return new NameRun(end, !withoutPossessive(last).equals(last));
    }

    /** Singular nouns for a kind of organisation, which an appositive name follows: "the market research firm X". */
    private static final Set<String> ORGANISATION_KIND = Set.of(
            "company",
            "firm",
            "startup",
            "start-up",
            "website",
            "publisher",
            "magazine",
            "newspaper",
            "bank",
            "lender",
            "insurer",
            "agency",
            "retailer",
            "brand",
            "chain",
            "broadcaster",
            "studio",
            "nonprofit",
            "charity",
            "organization",
            "organisation",
            "outlet",
            "restaurant",
            "bakery",
            "airline",
            "carrier",
            "automaker",
            "carmaker",
            "drugmaker",
            "manufacturer",
            "maker",
            "platform",
            "app",
            "network",
            "label",
            "consultancy",
            "conglomerate",
            "supplier",
            "developer",
            "provider",
            "operator",
            "group");

    /**
     * Names in apposition to a kind of organisation: "the review-aggregation website Rotten Tomatoes", "the market
     * research firm Morning Consult", "the drugmaker Novo Nordisk". The kind is a lower-case singular noun, the name
     * the capitalised run right after it (as for workplaces), kept whole even of everyday words; not a place, not a
     * run that starts with a title ("the group Chairman John Smith") or that a possessive ends ("the company Apple's
     * chief").
     */
    static List<String> appositions(String text, List<Token> tokens, boolean[] inGazetteerName) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!ORGANISATION_KIND.contains(tokens.get(i).text())) {
                continue;
            }
            int start = i + 1;
            Token first = tokens.get(start);
            if (!first.capitalized() || !adjacent(text, tokens.get(i), first) || isTitle(first.text())) {
                continue;
            }
            NameRun run = nameRun(text, tokens, start);
            String name = runName(text, tokens, start, run.end());
            Token after = run.end() + 1 < tokens.size() ? tokens.get(run.end() + 1) : null;
            boolean single = run.end() == start;
            if (!run.possessive()
                    && !(single
                            && (ACRONYM.matcher(name).matches()
                                    || GIVEN_NAMES.containsKey(name))) // "app UX", "Michael"
                    && !modifies(text, tokens.get(run.end()), after, true)
                    && isNewName(name, inGazetteerName, start, run.end())
                    && !MONTHS.contains(name)
                    && !NOT_NAMES.contains(name)) { // "the company Monday"
                found.add(name);
            }
        }
        return found;
    }

    /** "UX", "URL", "APIs": after "app" or "website" a field, not a name. */
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{1,5}s?");

    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.){2,}");

    /**
     * Whether the word right after a name's last word makes the name its modifier: a lower-case noun ("manager of AI
     * infrastructure", "app Store Listing details") or a figure ("the website Fitbit Versa 2"), not a verb ("said",
     * "working") or a function word. With {@code verbInS}, a word ending in "s" is taken for a verb ("the firm X
     * specializes"); without, for a plural noun.
     */
    static boolean modifies(String text, Token last, Token after, boolean verbInS) {
        if (after == null || !adjacent(text, last, after) || after.capitalized()) {
            return false;
        }
        String w = after.text();
        return !w.endsWith("ing") && !w.endsWith("ed") && !(verbInS && w.endsWith("s")) && !AFTER_WORKPLACE.contains(w);
    }

    /** The name a run of tokens spells, without a closing possessive or full stop ("Embarque.io." is "Embarque.io"). */
    static String runName(String text, List<Token> tokens, int start, int end) {
        return withoutPossessive(text.substring(
                        tokens.get(start).start(), tokens.get(end).end()))
                .replaceFirst("(?<=\\p{L}{2})\\.$", "");
    }

    /** A name no other rule found already: not a gazetteer's name, a country or a place, and more than a letter. */
    static boolean isNewName(String name, boolean[] inGazetteerName, int start, int end) {
        return name.length() > 1
                && !all(inGazetteerName, start, end)
                && !countryByName.containsKey(name)
                && !placeByName.containsKey(name);
    }

    /** A list item's mark: "1. ", "12) ", "- ", "• ". */
    private static final Pattern LIST_MARK = Pattern.compile("^(?:\\d{1,2}[.)]|[-–•*▪])\\s+");

    /** Where an item's name ends: "Florida Blue (GuideWell)", "Humana – best for seniors", "Resy: book here". */
    private static final Pattern ITEM_NAME_END = Pattern.compile("\\s*(?:\\(|\\s[–—-]\\s|:|,|\\|).*$");

    private static final Pattern ITEM_NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}\\p{N}'’.&+\\-]*(?:\\s+(?:(?:of|and|the|for|de|&)\\s+)?[\\p{Lu}\\p{N}][\\p{L}\\p{N}'’.&+\\-]*){0,6}");

    /** A heading that names a kind of organisation is a few words, not a sentence. */
    private static final int KIND_HEADING_MAX_WORDS = 14;

    /**
     * The items of a list under a heading that names a kind of organisation ("List Of Top Health Insurance Companies
     * In USA", then "1. UnitedHealthcare", "3. Kaiser Permanente"; "Best restaurants in Houston:", then "- Le
     * Bernardin"): each item's leading name, up to a parenthesis, a dash or a colon, when the whole of it is
     * capitalised words. A list names what its heading says it lists; a name there that starts with a given name is
     * a company's ("Kaiser Permanente", "Florida Blue"). Places are not members, nor items of everyday words only
     * ("Temporary Storage"), and a list only half of whose items are names is one of tips or features.
     */
    static List<String> listedUnderKinds(String text) {
        List<String> members = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!startsListItem(lines[i + 1])) {
                continue; // most lines: no list under them, out before any regex
            }
            String heading = lines[i].strip();
            if (heading.isEmpty() || LIST_MARK.matcher(heading).find() || !namesAKind(heading)) {
                continue;
            }
            List<String> names = new ArrayList<>();
            int items = 0;
            for (int j = i + 1; j < lines.length; j++) {
                Matcher mark = LIST_MARK.matcher(lines[j].strip());
                if (!mark.find()) {
                    break;
                }
                items++;
                String item = lines[j].strip().substring(mark.end());
                // "Highmark Inc." as the legal-form rule names it elsewhere: "Highmark Inc"
                String name =
                        ITEM_NAME_END.matcher(item).replaceFirst("").strip().replaceFirst("\\.$", "");
                if (isListedName(name)) {
                    names.add(withoutPossessive(name));
                    Matcher aside = ASIDE.matcher(item);
                    if (aside.find()
                            && isListedName(aside.group(1))) { // "Florida Blue (GuideWell)", "(formerly Anthem)"
                        names.add(aside.group(1));
                    }
                }
            }
            if (names.size() >= 2 && 2 * names.size() >= items) { // a list of names, not of tips or features
                members.addAll(names);
            }
        }
        return members;
    }

    /** A name in parentheses right after an item's name: its parent, its brand, its former name. */
    private static final Pattern ASIDE =
            Pattern.compile("^[^(]+\\((?:(?:formerly|now|part of|owned by)\\s+)?([^()]+)\\)");

    private static boolean isListedName(String name) {
        return ITEM_NAME.matcher(name).matches()
                && !everydayWords(name)
                && !countryByName.containsKey(name)
                && !placeByName.containsKey(name);
    }

    /** Every word an everyday word or a small one: "Temporary Storage", "Best for Customer Service". */
    static boolean everydayWords(String name) {
        for (String w : name.split("[\\s\\-]+")) {
            if (!w.isEmpty()
                    && !HEADING_SMALL_WORDS.contains(w.toLowerCase(Locale.ROOT))
                    && !w.equals("&")
                    && !isWord(w)) {
                return false;
            }
        }
        return true;
    }

    /** A line that can start with a list item's mark: a digit or a bullet, spaces aside. */
    private static boolean startsListItem(String line) {
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (!Character.isWhitespace(c)) {
                return Character.isDigit(c) || "-–•*▪".indexOf(c) >= 0;
            }
        }
        return false;
    }

    /** A short line, no sentence, with a plural noun for a kind of organisation ("Top Insurance Companies"). */
    private static boolean namesAKind(String line) {
        String[] words = line.split("\\s+");
        if (words.length > KIND_HEADING_MAX_WORDS || line.endsWith(".")) {
            return false;
        }
        for (String w : words) {
            String word = w.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
            if (word.length() >= 5 && ORGANISATION_KINDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a person's name is a thing's: at least half its mentions in full follow "the" ("the Joel Test", "the
     * Brooks Caldera 8", "the Ottoman Empire"), or every one follows "at" ("Dana Schutz at Thomas Dane", a gallery)
     * and none is possessive ("at Thomas Edison's first plant" is his).
     */
    static boolean namesAThing(String text, String name) {
        int mentions = 0;
        int afterThe = 0;
        int afterAt = 0;
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length())) {
            int end = i + name.length();
            if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))
                    || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                continue; // inside a longer word
            }
            mentions++;
            if (wordBefore(text, i, "the") || wordBefore(text, i, "The")) {
                afterThe++;
            } else if (wordBefore(text, i, "at") && !(end < text.length() && "'’".indexOf(text.charAt(end)) >= 0)) {
                afterAt++;
            }
        }
        return mentions > 0 && (2 * afterThe >= mentions || afterAt == mentions);
    }

    /** The word right before position {@code i}, one space between, is {@code word}. */
    private static boolean wordBefore(String text, int i, String word) {
        int start = i - 1 - word.length();
        return start >= 0
                && text.charAt(i - 1) == ' '
                && text.startsWith(word, start)
                && (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)));
    }

    /** At least even odds; 0.6 and 0.7 were tried on the annotated set and lose more recall than they gain. */
    private static final double PERSON_THRESHOLD = 0.5;

    private static final double ORGANIZATION_THRESHOLD = 0.5;

    /**
     * The capitalised runs of two words or more that no rule claimed, typed by the learned {@link NameModel}: a person
     * or an organisation when the model says so with at least even odds.
     */
    private void learnedNames(
            String text,
            List<Token> tokens,
            Map<String, String> people,
            List<String> organizations,
            boolean[] inOrganization,
            boolean[] inGazetteerName) {
        for (int[] span : NameModel.runs(text, tokens)) {
            int first = NameModel.nameStart(tokens, span[0], span[1]);
            if (!typeRun(text, tokens, first, span[1], people, organizations, inOrganization, inGazetteerName)) {
                // "Shares of Molina Healthcare": what follows a joiner may be the name
                for (int k = first + 1; k < span[1]; k++) {
                    if (NameModel.JOINERS.contains(tokens.get(k).text())) {
                        typeRun(text, tokens, k + 1, span[1], people, organizations, inOrganization, inGazetteerName);
                        break;
                    }
                }
            }
        }
    }

    /** Types tokens {@code first..last} as a person or an organisation if the model says so; false if neither. */
    private boolean typeRun(
            String text,
            List<Token> tokens,
            int first,
            int last,
            Map<String, String> people,
            List<String> organizations,
            boolean[] inOrganization,
            boolean[] inGazetteerName) {
        if (last - first < 1 || any(inOrganization, first, last) || all(inGazetteerName, first, last)) {
            return false;
        }
        if (GIVEN_NAMES.getOrDefault(tokens.get(first).text(), false)
                && isWord(withoutPossessive(tokens.get(first + 1).text()))
                && !vouchedFor(
                        text,
                        tokens,
                        first,
                        withoutPossessive(tokens.get(first + 1).text()))) {
            return false; // "Will Power", "Grant Funding": the rules' call on a given name that is also a word
        }
        NameModel.Run run = NameModel.run(text, tokens, first, last);
        String name = run.name();
        if (organizations.contains(name) || organizationByName.containsKey(name) || overlapsPerson(name, people)) {
            return false;
        }
        double[] p = names.probabilities(run);
        boolean capitals = allCapitals(name.replace(" ", ""));
        if (p[NameModel.Label.PERSON.ordinal()] >= PERSON_THRESHOLD) {
            addPersonName(people, capitals ? titleCase(name) : name); // "By LISA MASCARO", "SACHA PFEIFFER:"
            return true;
        }
        if (p[NameModel.Label.ORGANIZATION.ordinal()] >= ORGANIZATION_THRESHOLD && !capitals) {
            organizations.add(name); // not "UNIDENTIFIED GROUP": capitals are headings and labels as often as names
            return true;
        }
        return false;
    }

    private static boolean any(boolean[] flags, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (flags[k]) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(boolean[] flags, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (!flags[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlapsPerson(String name, Map<String, String> people) {
        for (String person : people.keySet()) {
            if (name.contains(person) || person.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A city or region whose name is a word of a person's name the story gives ("Washington" beside "Denzel
     * Washington") is that person's mention, not a place. Countries stay: "Georgia" the person is rarer than the
     * country.
     */
    /**
     * One organisation named two ways counts once. A short form that leaves words out of the middle of a full name
     * counts with it ("Harvard Chan School of Public Health" is "Harvard T.H. Chan School of Public Health"), and a
     * name with its legal form counts with the name without it ("Elevance Health Inc" is "Elevance Health"). A name
     * that only starts another is not its short form ("Pottery Barn" and "Pottery Barn Kids", "White House" and
     * "White House Visitor Center") unless "and" follows it there ("Centers for Disease Control" of "... and
     * Prevention") or it is one word before a company's descriptor ("Veltrion" of "Veltrion Semiconductor"), nor is
     * one that fits two names.
     */
    static void mergeShortForms(Map<String, Entity> found) {
        List<Entity> organisations = new ArrayList<>();
        for (Entity e : found.values()) {
            if (e.type() == Type.ORGANIZATION) {
                organisations.add(e);
            }
        }
        for (Entity one : organisations) {
            String[] words = one.name().split(" ");
            Entity other = null;
            boolean oneIsKept = false;
            int fits = 0;
            for (Entity candidate : organisations) {
                String[] longer = candidate.name().split(" ");
                if (longer.length <= words.length || !longer[0].equals(words[0])) {
                    continue;
                }
                boolean prefix = Arrays.equals(longer, 0, words.length, words, 0, words.length);
                if (prefix && longer.length == words.length + 1 && COMPANY_SUFFIXES.contains(longer[words.length])) {
                    other = candidate;
                    oneIsKept = true;
                    fits++;
                } else if (words.length >= 2
                                && (prefix && longer[words.length].equals("and") // "Centers for Disease Control"
                                        || !prefix && inOrder(words, longer))
                        || words.length == 1 && prefix && companyDescribed(longer)) { // "Veltrion Semiconductor"
                    other = candidate;
                    oneIsKept = false;
                    fits++;
                }
            }
            if (fits == 1) {
                Entity kept = oneIsKept ? one : other;
                Entity gone = oneIsKept ? other : one;
                String key = Type.ORGANIZATION.name() + ":";
                Entity now = found.get(key + kept.name());
                Entity then = found.remove(key + gone.name());
                if (now != null && then != null) {
                    found.put(
                            key + kept.name(),
                            new Entity(
                                    Type.ORGANIZATION,
                                    now.name(),
                                    now.mentions() + then.mentions(),
                                    now.countryCode()));
                } else if (then != null) {
                    found.put(key + gone.name(), then); // already merged away: leave as it was
                }
            }
        }
    }

    /**
     * What a company's name adds to its one-word short form: "Semiconductor", "Networks", "Holdings" (and a legal
     * form after it). Not what makes another body of the same name: "Amazon Web Services", "Harvard Medical School".
     */
    private static final Set<String> COMPANY_DESCRIPTORS = Set.of(
            "Corporation",
            "Company",
            "Group",
            "Holdings",
            "Industries",
            "Technologies",
            "Technology",
            "Systems",
            "Airlines",
            "Airways",
            "Laboratories",
            "Networks",
            "Semiconductor",
            "Semiconductors",
            "Pharmaceuticals",
            "Therapeutics",
            "Motors",
            "Energy",
            "Electronics",
            "Communications",
            "Software",
            "Brands",
            "Foods",
            "Resources",
            "Financial",
            "Capital",
            "Enterprises",
            "International");

    /** Two words, or three with a legal form, the second a company's descriptor: "Veltrion Semiconductor Inc". */
    private static boolean companyDescribed(String[] longer) {
        return (longer.length == 2 || longer.length == 3 && COMPANY_SUFFIXES.contains(longer[2]))
                && COMPANY_DESCRIPTORS.contains(longer[1]);
    }

    /** Every one of {@code words} inside {@code longer}, in the same order. */
    private static boolean inOrder(String[] words, String[] longer) {
        int j = 0;
        for (int i = 0; i < longer.length && j < words.length; i++) {
            if (longer[i].equals(words[j])) {
                j++;
            }
        }
        return j == words.length;
    }

    private static void dropPlacesInPeoplesNames(Map<String, Entity> found, Set<String> people) {
        if (people.isEmpty()) {
            return;
        }
        Set<String> words = new HashSet<>();
        for (String person : people) {
            words.addAll(Arrays.asList(person.split(" ")));
        }
        found.values()
                .removeIf(e ->
                        e.type() == Type.PLACE && !countryByName.containsKey(e.name()) && words.contains(e.name()));
    }

    private static final Map<String, String> ENGLISH_COUNTRY_NAMES = new ConcurrentHashMap<>();

    /** The names copy uses where the JDK's English name is a longer, formal one ("Hong Kong SAR China"). */
    private static final Map<String, String> SHORT_NAMES = Map.of("HK", "Hong Kong", "MO", "Macau");

    private static String englishName(String code) {
        return ENGLISH_COUNTRY_NAMES.computeIfAbsent(
                code, c -> SHORT_NAMES.getOrDefault(c, new Locale("", c).getDisplayCountry(Locale.ENGLISH)));
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
    static boolean adjacent(String text, Token a, Token b) {
        return b.start() - a.end() == 1 && text.charAt(a.end()) == ' ';
    }

    /**
     * Gazetteer names in the text, longest first at each token, by hash lookup of token runs (a regular expression
     * over thousands of names would cost a pass per name).
     */
    private List<String> gazetteerMatches(
            String text, List<Token> tokens, boolean[] masked, boolean[] matchedTokens, boolean nounsCapitalised) {
        List<String> out = new ArrayList<>();
        for (int w = 0; w < tokens.size(); ) {
            String first = bare(tokens.get(w).text());
            if (masked[w]
                    || first.isEmpty()
                    || Character.isLowerCase(first.charAt(0))
                    || UnspacedNames.applies(first.charAt(0)) // UnspacedNames finds those
                    || !FIRST_WORDS.contains(first)) {
                w++; // names start with a capital (or a letter without case) and with a known first word
                continue;
            }
            // grow the run of words while it is the start of some name; the longest run that is a name wins
            String matched = null;
            int matchedTo = -1;
            for (int k = w; ; k++) {
                String candidate =
                        text.substring(tokens.get(w).start(), tokens.get(k).end());
                String bare = bare(candidate); // "Seoul's", "Stanford University’s", "l'Allemagne"
                if (known(bare)) {
                    matched = bare;
                    matchedTo = k;
                } else if (candidate.length() >= 4 && allCapitals(candidate)) {
                    // datelines shout: "LONDON", "NEW DELHI" are London and New Delhi (acronyms match as written)
                    String titled = titleCase(candidate);
                    if (countryByName.containsKey(titled) || placeByName.containsKey(titled)) {
                        matched = titled;
                        matchedTo = k;
                    }
                }
                if (k + 1 >= tokens.size()
                        || masked[k + 1]
                        || !adjacent(text, tokens.get(k), tokens.get(k + 1)) && !hyphenated(text, tokens, k)
                        || !NAME_PREFIXES.contains(candidate)) { // "Indo-Pacific" is two tokens
                    break;
                }
            }
            if (matched == null) {
                w++;
                continue;
            }
            int after = matchedTo + 1;
            boolean place = placeByName.containsKey(matched) || countryByName.containsKey(matched);
            if (place
                    && (partOfLongerName(text, tokens, matchedTo, matched)
                            || !nounsCapitalised && continuesLongerName(text, tokens, w)
                            || currency(text, tokens.get(matchedTo)))) {
                w = after; // "Paris Baguette", "Sydney Carton", "Beth Israel", "US$723bn": not the place
                continue;
            }
            Arrays.fill(matchedTokens, w, after, true);
            out.add(matched);
            if (after < tokens.size()
                    && placeByName.containsKey(matched)
                    && stateByCode.containsKey(tokens.get(after).text())
                    && text.startsWith(", ", tokens.get(matchedTo).end())
                    && tokens.get(after).start() == tokens.get(matchedTo).end() + 2) {
                out.add(tokens.get(after).text()); // "Phoenix, AZ": the state, by its code
                after++;
            }
            w = after;
        }
        return out;
    }

    /** A country, city or region the gazetteers know: "North America", "Japan". */
    static boolean isPlaceName(String name) {
        return countryByName.containsKey(name) || placeByName.containsKey(name);
    }

    static boolean known(String name) {
        return countryByName.containsKey(name)
                || organizationByName.containsKey(name)
                || placeByName.containsKey(name)
                || demonymCountries.containsKey(name);
    }

    /** Without a possessive and without an elided article before it: "l'Allemagne", "d’Italie" are names. */
    private static String bare(String s) {
        String w = withoutPossessive(s);
        return w.substring(elidedArticle(w));
    }

    /** The length of an elided article opening a name ("l'", "D’" before a capital), or 0. */
    static int elidedArticle(String w) {
        return w.length() > 3
                        && (w.charAt(1) == '\'' || w.charAt(1) == '’')
                        && "LlDd".indexOf(w.charAt(0)) >= 0
                        && Character.isUpperCase(w.charAt(2))
                ? 2
                : 0;
    }

    /**
     * Whether a capitalised word right before token {@code i} makes it the middle of a longer name; "The", "See" or a
     * title there does not.
     */
    static boolean continuesName(String text, List<Token> tokens, int i) {
        return i > 0
                && tokens.get(i - 1).capitalized()
                && adjacent(text, tokens.get(i - 1), tokens.get(i))
                && !neverStartsName(tokens.get(i - 1).text());
    }

    static String withoutPossessive(String s) {
        return s.endsWith("'s") || s.endsWith("’s") ? s.substring(0, s.length() - 2) : s;
    }

    /**
     * Whether the capitalised word right after a city's or region's name continues a longer name the gazetteer does
     * not know: a company, a newspaper, a person. A weekday, a month or another gazetteer name does not ("Seoul
     * Monday", "Texas Senate" stays with the words the shape rules see).
     */
    private static boolean partOfLongerName(String text, List<Token> tokens, int last, String matched) {
        if (last + 1 >= tokens.size() || !adjacent(text, tokens.get(last), tokens.get(last + 1))) {
            return false;
        }
        if (countryByName.containsKey(matched) && !(matched.length() <= 4 && allCapitals(matched))) {
            return false; // "Germany Tuesday", "Japan Airlines": a country's full name stays; "US News" does not
        }
        if (!tokens.get(last).text().equals(matched)
                && !matched.endsWith(tokens.get(last).text())) {
            return false; // the match ended in a possessive: "Houston's"
        }
        Token next = tokens.get(last + 1);
        if (!next.capitalized() || allCapitals(next.text())) {
            return false;
        }
        String word = withoutPossessive(next.text());
        return !NOT_NAMES.contains(word) && !MONTHS.contains(word) && !known(word);
    }

    /**
     * Whether a place's first word continues a capitalised word before it that is neither a title, a function word
     * nor a direction: "Beth Israel", "Kaiser Permanente". "Eastern Ukraine", "Prime Minister" keep theirs.
     */
    private static boolean continuesLongerName(String text, List<Token> tokens, int first) {
        if (first == 0 || !adjacent(text, tokens.get(first - 1), tokens.get(first))) {
            return false;
        }
        Token before = tokens.get(first - 1);
        String w = before.text();
        return before.capitalized()
                && withoutPossessive(w).equals(w) // "Chan’s Hong Kong action movies"
                && !allCapitals(w)
                && !NOT_NAMES.contains(w)
                && !DIRECTIONS.contains(w)
                && !isTitle(w)
                && !known(withoutPossessive(w))
                && !MONTHS.contains(w);
    }

    private static final Set<String> DIRECTIONS = Set.of(
            "North",
            "South",
            "East",
            "West",
            "Northern",
            "Southern",
            "Eastern",
            "Western",
            "Central",
            "Greater",
            "Upper",
            "Lower",
            "Inner",
            "Outer",
            "Northeast",
            "Northwest",
            "Southeast",
            "Southwest",
            "Downtown",
            "Metro",
            "Rural",
            "Coastal",
            "Occupied",
            "Mainland");

    /** "US$723bn", "HK$ 5": the country's dollar, not the country. */
    private static boolean currency(String text, Token last) {
        return last.end() < text.length() && text.charAt(last.end()) == '$';
    }

    static final Set<String> MONTHS = Set.of(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Sept",
            "Oct",
            "Nov",
            "Dec");

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

    /** "LISA MASCARO" is "Lisa Mascaro", "JEAN-PAUL O'NEIL" "Jean-Paul O'Neil". */
    static String titleCase(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        boolean start = true;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            out.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }

    /**
     * "United Nations Command", "Ministry of Defense", "Embassy of the Bolivarian Republic of Venezuela", "College of
     * Nursing and Health Innovation": capitalised words around a head noun, and what joiners add after it.
     */
    private List<String> organizationsByShape(String text, List<Token> tokens, boolean[] inOrganization) {
        List<String> names = new ArrayList<>();
        for (int h = 0; h < tokens.size(); h++) {
            String head = tokens.get(h).text();
            boolean possessive = !withoutPossessive(head).equals(head); // "Stanford University’s SCALE Initiative"
            boolean suffix = COMPANY_SUFFIXES.contains(head) && h > 0;
            if (inOrganization[h]
                    || !tokens.get(h).capitalized()
                    || !HEADS.contains(withoutPossessive(head)) && !suffix) { // "Cleaning Services" is a heading
                continue; // inside a name found already: "Public Health" of "... School of Public Health"
            }
            if (h > 0 && hyphenated(text, tokens, h - 1)) {
                continue; // "third-party", "Self-Service", "B-Corp": the end of a compound word, not a head
            }
            if (!possessive && headFollows(text, tokens, h)) {
                continue; // "University Hospitals of Leicester NHS Trust": the last head of the run names it
            }
            int first = h;
            while (first > 0
                    && h - first < 5
                    && tokens.get(first - 1).capitalized()
                    && (adjacent(text, tokens.get(first - 1), tokens.get(first))
                            || hyphenated(text, tokens, first - 1) // "Indo-Pacific Command"
                            || ampersandAfterName(text, tokens, first - 1) // "Johnson & Wales University"
                            || pluralPossessive(text, tokens, first - 1)) // "The Photographers' Gallery"
                    && !tokens.get(first - 1).text().equals("The")
                    && !FUNCTION_WORDS.contains(tokens.get(first - 1).text())
                    && withoutPossessive(tokens.get(first - 1).text())
                            .equals(tokens.get(first - 1).text())) {
                first--; // not over "Why" ("Why Trust FreightWaves") or a possessive ("Stanford University’s SCALE")
            }
            int last = possessive ? h : joinedAfter(text, tokens, h);
            if (!suffix && first == h - 1 && last == h && allEveryday(tokens, first, h) && inHeading(text, tokens, h)) {
                Arrays.fill(inOrganization, first, last + 1, true); // and no other name is read into it
                continue; // "Data Center", "Mental Health" as a heading; "the Supreme Court ruled" stays
            }
            if (suffix
                    && first < h
                    && known(text.substring(
                            tokens.get(first).start(), tokens.get(h - 1).end()))) {
                inOrganization[h] = true; // nor will the model read a name into it
                continue; // "the New York LLC Transparency Act", "a Delaware LLC": a kind of company, not one
            }
            if (last > first) {
                String name = withoutPossessive(text.substring(
                        tokens.get(first).start(), tokens.get(last).end()));
                if (!organizationByName.containsKey(name)) {
                    names.add(name);
                    Arrays.fill(inOrganization, first, last + 1, true);
                }
            }
        }
        return names;
    }

    /**
     * Token {@code k} a name, then " & ": "Johnson & Wales University", "Crowell & Moring LLP". Not an everyday word:
     * "Digital Marketing & Social Media" and "Workflows & Co" are headings.
     */
    private static boolean ampersandAfterName(String text, List<Token> tokens, int k) {
        Token t = tokens.get(k);
        return text.startsWith(" & ", t.end())
                && tokens.get(k + 1).start() == t.end() + 3
                && !isWord(t.text())
                && !allCapitals(t.text()); // "MBA Employment Reports & Career Center"
    }

    /** Token {@code k} a plural possessive right before the next: "Photographers' Gallery", "Workers' Party". */
    private static boolean pluralPossessive(String text, List<Token> tokens, int k) {
        Token t = tokens.get(k);
        return t.text().endsWith("s")
                && t.text().length() > 3
                && isWord(t.text()) // not "Siemens’ AI Lab": a company's possessive
                && tokens.get(k + 1).start() == t.end() + 2
                && (text.startsWith("' ", t.end()) || text.startsWith("’ ", t.end()));
    }

    private static boolean allEveryday(List<Token> tokens, int first, int last) {
        for (int k = first; k <= last; k++) {
            String w = tokens.get(k).text();
            if (!isWord(w) || allCapitals(w)) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case words a title-case heading keeps in lower case. */
    private static final Set<String> HEADING_SMALL_WORDS =
            Set.of("a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "with", "at", "by", "from", "vs");

    /**
     * Whether token {@code h} stands in a heading: a line of at most ten words, each capitalised or a small word, that
     * does not end as a sentence does ("Key Factors Influencing Cleaning Service", "Data Center").
     */
    private static boolean inHeading(String text, List<Token> tokens, int h) {
        int lineStart = text.lastIndexOf('\n', tokens.get(h).start()) + 1;
        int lineEnd = text.indexOf('\n', tokens.get(h).end());
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        int first = h;
        while (first > 0 && tokens.get(first - 1).start() >= lineStart) {
            first--;
        }
        for (int k = first; k < tokens.size() && tokens.get(k).end() <= lineEnd; k++) {
            if (k - first >= 10
                    || !tokens.get(k).capitalized()
                            && !HEADING_SMALL_WORDS.contains(tokens.get(k).text())) {
                return false;
            }
        }
        return !text.substring(lineStart, lineEnd).strip().endsWith(".");
    }

    static final Set<String> PLACE_HEADS = Set.copyOf(PhraseList.of(EntityRecognizer.class, "place-heads.txt"));

    /**
     * Administrative areas by their head word: "Douglas County", "Godagari Upazila", "Hyogo Prefecture" (one to three
     * capitalised words before it). Their country is the one of a known place they are named after ("Los Angeles
     * County"), else unknown. Not inside an organisation ("Kent County Council") or before another capitalised word
     * ("Orange County Register"). Their words are no person's.
     */
    private static List<Place> placesByShape(
            String text,
            List<Token> tokens,
            boolean[] inOrganization,
            boolean[] inGazetteerName,
            Set<String> gazetteerNames) {
        List<Place> areas = new ArrayList<>();
        for (int h = 1; h < tokens.size(); h++) {
            if (inOrganization[h] || !tokens.get(h).capitalized()) {
                continue;
            }
            String head = withoutPossessive(tokens.get(h).text());
            if (!PLACE_HEADS.contains(head)) {
                continue;
            }
            if (head.equals(tokens.get(h).text())
                    && h + 1 < tokens.size()
                    && tokens.get(h + 1).capitalized()
                    && adjacent(text, tokens.get(h), tokens.get(h + 1))) {
                continue;
            }
            int first = h;
            while (first > 0
                    && h - first < 3
                    && !inOrganization[first - 1]
                    && tokens.get(first - 1).capitalized()
                    && adjacent(text, tokens.get(first - 1), tokens.get(first))
                    && (!neverStartsName(tokens.get(first - 1).text())
                            || placeByName.containsKey(text.substring(
                                    tokens.get(first - 1).start(),
                                    tokens.get(h - 1).end())))
                    && withoutPossessive(tokens.get(first - 1).text())
                            .equals(tokens.get(first - 1).text())) {
                first--; // over "Los" of "Los Angeles County", a known place's word
            }
            if (first == h) {
                continue;
            }
            String prefix =
                    text.substring(tokens.get(first).start(), tokens.get(h - 1).end());
            Place known = placeByName.get(prefix);
            String code = known != null ? known.countryCode() : countryByName.getOrDefault(prefix, "");
            String name = prefix + " " + head;
            areas.add(new Place(name, code));
            gazetteerNames.add(name);
            Arrays.fill(inGazetteerName, first, h + 1, true);
        }
        return areas;
    }

    /** Another head noun among the next three capitalised words, before any possessive: "University Hospitals". */
    private static boolean headFollows(String text, List<Token> tokens, int h) {
        for (int k = h + 1; k < tokens.size() && k <= h + 3; k++) {
            Token t = tokens.get(k);
            if (!t.capitalized() || !adjacent(text, tokens.get(k - 1), t)) {
                return false;
            }
            String w = withoutPossessive(t.text());
            if (HEADS.contains(w) || COMPANY_SUFFIXES.contains(t.text())) {
                return true;
            }
            if (!w.equals(t.text())) {
                return false;
            }
        }
        return false;
    }

    /**
     * The last token of an organisation's name whose head is token {@code h}: what "of" or "for" joins to it ("Bank of
     * Korea", "Embassy of the Bolivarian Republic of Venezuela"); after those, everyday words that "and" or "&" joins
     * ("Ministry of Culture and Tourism", not "University of Pennsylvania and MIT") and a place "at" joins
     * ("University of Alabama at Birmingham", not "School of Management at Northwestern University").
     */
    private static int joinedAfter(String text, List<Token> tokens, int h) {
        int last = h;
        boolean joined = false;
        for (int links = 0; links < 4; links++) {
            int k = last + 1;
            if (k + 1 >= tokens.size() || !adjacent(text, tokens.get(last), tokens.get(k))) {
                break;
            }
            String joiner = tokens.get(k).text();
            if (!CONNECTORS.contains(joiner) && !(joined && AFTER_CONNECTORS.contains(joiner))) {
                break;
            }
            k++;
            if (tokens.get(k).text().equals("the") && k + 1 < tokens.size() && CONNECTORS.contains(joiner)) {
                k++; // "Bank of the", not "and the": "Museum of Art and the Museum of Fine Arts" are two
            }
            int end = k - 1;
            while (end + 1 < tokens.size()
                    && end + 1 - k < 4
                    && tokens.get(end + 1).capitalized()
                    && adjacent(text, tokens.get(end), tokens.get(end + 1))
                    && !FUNCTION_WORDS.contains(tokens.get(end + 1).text())
                    && !(end + 1 == k && tokens.get(k).text().equals("The"))) { // "and The Tax Adviser": another
                end++;
                String w = tokens.get(end).text();
                if (!withoutPossessive(w).equals(w)) {
                    break; // "Bank of England’s": the name ends at the possessive
                }
            }
            if (end < k) {
                break; // "the Ministry of defence", "Bank of the"
            }
            boolean everyday = true;
            for (int j = k; j <= end; j++) {
                everyday &= isWord(withoutPossessive(tokens.get(j).text()))
                        && !allCapitals(tokens.get(j).text());
            }
            boolean newHead =
                    HEADS.contains(withoutPossessive(tokens.get(end).text())); // "and Emergency Nurses Association"
            if (!CONNECTORS.contains(joiner) && (newHead || !joiner.equals("at") && !everyday)) {
                break; // "School of Management at Northwestern University", "University of Pennsylvania and MIT"
            }
            last = end;
            joined = true;
            if (!withoutPossessive(tokens.get(end).text())
                    .equals(tokens.get(end).text())) {
                break;
            }
        }
        return last;
    }

    /** What joins more words to a name once "of" or "for" has: "Culture and Tourism", "Alabama at Birmingham". */
    private static final Set<String> AFTER_CONNECTORS = Set.of("and", "&", "at");

    /** Full name → the short form later mentions use (family name: last word, or first for "Shin Won-sik" style). */
    private Map<String, String> people(
            String text,
            List<Token> tokens,
            Set<String> gazetteerNames,
            boolean[] inGazetteerName,
            boolean[] inOrganization,
            boolean nounsCapitalised) {
        Map<String, String> people = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (PERSON_CUES.contains(t.text()) && i + 1 < tokens.size()) {
                Token next = tokens.get(i + 1);
                String between = text.substring(t.end(), next.start());
                if (between.equals(" ") || between.equals(", ")) {
                    addPerson(people, text, tokens, i + 1, +1, gazetteerNames);
                }
            } else if (SPEECH.contains(t.text())
                    && i > 0
                    && adjacent(text, tokens.get(i - 1), t)
                    && !inOrganization[i - 1]) { // "the Bureau of Labor Statistics said": the bureau speaks
                addPerson(people, text, tokens, i - 1, -1, gazetteerNames);
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (KOREAN_FAMILY_NAMES.contains(tokens.get(i).text()) && koreanGivenName(text, tokens, i)) {
                addPersonName(
                        people,
                        tokens.get(i).text() + " "
                                + withoutPossessive(tokens.get(i + 1).text()));
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).text();
            if (GIVEN_NAMES.containsKey(word) && !inGazetteerName[i] && !neverStartsName(word)) {
                i = givenNameFirst(people, text, tokens, i, gazetteerNames, inGazetteerName, nounsCapitalised);
            }
        }
        speakers(text, people);
        return people;
    }

    /**
     * A broadcast transcript's speaker label: a name in capitals, a comma, a role in capitals and a colon opening a
     * line ("SACHA PFEIFFER, HOST:", "WOLF BLITZER, CNN ANCHOR:"), title-cased. Not "UNIDENTIFIED PERSON #1:".
     */
    private static void speakers(String text, Map<String, String> people) {
        for (int at = 0; at < text.length(); ) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            if (end - at > 6 && Character.isUpperCase(text.charAt(at)) && Character.isUpperCase(text.charAt(at + 1))) {
                Matcher m = SPEAKER.matcher(text).region(at, end);
                if (m.lookingAt() && !m.group(1).startsWith("UNIDENTIFIED")) {
                    addPersonName(people, titleCase(m.group(1)));
                }
            }
            at = end + 1;
        }
    }

    private static final Pattern SPEAKER =
            Pattern.compile("(\\p{Lu}[\\p{Lu}'.-]+(?: \\p{Lu}[\\p{Lu}'.-]+){1,3}), \\p{Lu}[\\p{Lu} ]{1,40}:");

    /**
     * The commonest Korean family names as romanised in copy. Followed by a given name written with a hyphen and a
     * small letter ("Shin Won-sik", "Lee Do-woon", "Kim Jong-un"), the romanisation Korean names alone take, they are
     * a person's name without a cue.
     */
    private static final Set<String> KOREAN_FAMILY_NAMES = Set.of(
            "Kim", "Lee", "Yi", "Park", "Pak", "Choi", "Choe", "Jung", "Jeong", "Chung", "Kang", "Cho", "Jo", "Yoon",
            "Yun", "Jang", "Chang", "Lim", "Im", "Han", "Oh", "Seo", "Suh", "Shin", "Sin", "Kwon", "Hwang", "Ahn", "An",
            "Song", "Yoo", "Yu", "Ryu", "Hong", "Jeon", "Chun", "Ko", "Koh", "Moon", "Mun", "Yang", "Son", "Sohn",
            "Bae", "Baek", "Paik", "Heo", "Huh", "Nam", "Noh", "Roh", "Ha", "Kwak", "Sung", "Cha", "Joo", "Ju", "Woo",
            "Min", "Na", "Jin", "Ji", "Eom", "Um", "Chae", "Won", "Bang", "Gong", "Hyun", "Pyo", "Byun", "Yeo", "Ok",
            "Do");

    /** The token after a family name is a hyphenated given name: "Won-sik", "Jong-un" (not "Jong-Un Corp"). */
    private static boolean koreanGivenName(String text, List<Token> tokens, int i) {
        Token given = tokens.get(i + 1);
        String g = withoutPossessive(given.text());
        int hyphen = g.indexOf('-');
        return adjacent(text, tokens.get(i), given)
                && given.capitalized()
                && hyphen > 0
                && hyphen + 1 < g.length()
                && Character.isLowerCase(g.charAt(hyphen + 1))
                && g.indexOf('-', hyphen + 1) < 0;
    }

    /** English given names, true for those that are also everyday words ("Will", "Mark", "Grant"). */
    private static final Map<String, Boolean> GIVEN_NAMES = new HashMap<>();

    static {
        for (String[] row : readTsv("given-names.tsv")) {
            GIVEN_NAMES.put(row[0], row.length > 1 && row[1].equals("word"));
        }
    }

    /**
     * A name that starts with a known given name wherever it stands, cue or not: "Takuya Takagi headed the winner"
     * has none, "Michael Levin trained the worms" has one. The run of capitalised words from the given name is the
     * name (an initial may stand in it: "Noah A. Smith"), unless the run is something else that starts with a given
     * name: an organisation ("Christian Counseling Centers", a head noun or a known name in the run), the middle of
     * a longer capitalised run ("Kaiser Permanente", where the word before is capitalised and not a title), or, for
     * a given name that is also a word ("Will", "Mark"), a run whose next word is a word too ("Grant Funding").
     * Returns the last token looked at.
     */
    private int givenNameFirst(
            Map<String, String> people,
            String text,
            List<Token> tokens,
            int from,
            Set<String> gazetteerNames,
            boolean[] inGazetteerName,
            boolean nounsCapitalised) {
        if (!nounsCapitalised && continuesName(text, tokens, from)) {
            return from; // inside a longer capitalised run; not after "See", "The", a title
        }
        int end = from;
        while (end + 1 < tokens.size()
                && end - from < 3
                && tokens.get(end + 1).capitalized()
                && (adjacent(text, tokens.get(end), tokens.get(end + 1)) || hyphenated(text, tokens, end))
                && withoutPossessive(tokens.get(end).text())
                        .equals(tokens.get(end).text())) {
            String w = withoutPossessive(tokens.get(end + 1).text());
            if (inGazetteerName[end + 1]
                    || COMPANY_SUFFIXES.contains(w)
                    || HEADS.contains(w)
                    || w.endsWith("s") && HEADS.contains(w.substring(0, w.length() - 1))
                    || known(w)) {
                return end + 1; // "Christian Counseling Centers", "North Korea": an organisation's or a place's
            }
            boolean initial = w.length() == 2 && w.charAt(1) == '.'; // "Noah A. Smith"
            if (cannotBeInName(w, gazetteerNames) || allCapitals(w) && w.length() > 1 && !initial) {
                break;
            }
            end++;
        }
        if (end == from) {
            return end;
        }
        if (end - from >= 2 && isWord(withoutPossessive(tokens.get(end).text())) && !hasInitial(tokens, from, end)) {
            return end; // "Christian Counseling Centers", "James Beard Award": a thing named after someone, or a trade
        }
        String second = withoutPossessive(tokens.get(from + 1).text());
        if (GIVEN_NAMES.get(tokens.get(from).text()) && isWord(second) && !vouchedFor(text, tokens, from, second)) {
            return end; // "Will Power", "Grant Funding": a given name that is a word needs a name after it, or a
            // voucher
        }
        if (second.length() > 5 && second.endsWith("ing") && isWord(second)) {
            return end; // "Seka Moving", "Grace Cleaning": a business's trade, not a family name
        }
        StringBuilder name = new StringBuilder(tokens.get(from).text());
        for (int k = from + 1; k <= end; k++) {
            name.append(hyphenated(text, tokens, k - 1) ? "-" : " ")
                    .append(withoutPossessive(tokens.get(k).text()));
        }
        addPersonName(people, name.toString());
        return end;
    }

    private static final Set<String> HONORIFICS = Set.of("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr");

    /** Lower-case words for a player's place in a team, written before the name: "striker Tony Grant". */
    private static final Set<String> PLAYING_ROLES = Set.of(
            "striker",
            "midfielder",
            "defender",
            "goalkeeper",
            "winger",
            "forward",
            "captain",
            "skipper",
            "batsman",
            "batter",
            "bowler",
            "opener",
            "all-rounder",
            "pitcher",
            "quarterback",
            "driver",
            "rider",
            "jockey",
            "trainer",
            "manager",
            "player",
            "teammate",
            "rookie",
            "veteran",
            "champion");

    /**
     * Whether a given name that is also a word, before another word ("Bill Gates", "Tony Grant", "Will Power" the
     * driver), is a person's all the same: a role or job right before it ("co-founder Bill Gates", "striker Tony
     * Grant"), or the second word on its own elsewhere as a person's family name: after an honorific or speaking
     * ("Mr. Gates", "Gates said", "said Gates."). "Grant Funding" as a heading has neither. (A word merely
     * capitalised mid-sentence is no voucher: title-case sites write "our Web Design" and "Car Insurance".)
     */
    private static boolean vouchedFor(String text, List<Token> tokens, int from, String second) {
        if (second.length() < 2 || neverStartsName(second)) {
            return false; // "Will I see Mount Fuji?"
        }
        if (from > 0) {
            String before = tokens.get(from - 1).text();
            if (!tokens.get(from - 1).capitalized()
                    && adjacent(text, tokens.get(from - 1), tokens.get(from))
                    && (PERSON_CUES.contains(before) || isJob(before) || PLAYING_ROLES.contains(before))) {
                return true;
            }
        }
        for (int k = 1; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (k == from + 1 || !t.text().equals(second)) {
                continue;
            }
            String prev = tokens.get(k - 1).text();
            String next = k + 1 < tokens.size() ? tokens.get(k + 1).text() : "";
            if (HONORIFICS.contains(prev)
                    || SPEECH.contains(prev)
                            && !tokens.get(k + 1 < tokens.size() ? k + 1 : k).capitalized()
                    || SPEECH.contains(next) && adjacent(text, t, tokens.get(k + 1))) {
                return true; // "Mr. Gates", "said Gates.", "Gates said"
            }
        }
        return false;
    }

    private static int accents(String name) {
        int n = 0;
        for (int i = 0; i < name.length(); i++) {
            n += name.charAt(i) > 127 ? 1 : 0;
        }
        return n;
    }

    /** Lower case without accents: one name however a story cases or accents it. */
    private static String folded(String name) {
        return MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    /** Two tokens joined by a hyphen alone: "Al-Ibrahim", "Martínez-Beltrán" (the tokenizer splits before a capital). */
    private static boolean hyphenated(String text, List<Token> tokens, int k) {
        return k + 1 < tokens.size()
                && tokens.get(k + 1).start() == tokens.get(k).end() + 1
                && text.charAt(tokens.get(k).end()) == '-';
    }

    /**
     * Adds a person, unless the story names them already in another form: the same first word and the same family
     * name ("Lloyd Austin", "Lloyd J. Austin III", "Noah Smith", "Noah A. Smith") are one person, known by the
     * longest form found.
     */
    private static void addPersonName(Map<String, String> people, String name) {
        if (people.containsKey(name)) {
            return;
        }
        String folded = folded(name);
        for (String known : List.copyOf(people.keySet())) {
            if (folded(known).equals(folded)) {
                if (accents(name) > accents(known)) { // "Sergio Martínez-Beltrán", not "Sergio Martinez-Beltran"
                    people.remove(known);
                    people.put(name, Mentions.shortForm(name));
                }
                return; // "SERGIO MARTINEZ-BELTRAN" beside "Sergio Martínez-Beltrán"
            }
        }
        String first = name.substring(0, Math.max(0, name.indexOf(' ')));
        String family = Mentions.shortForm(name);
        for (String known : List.copyOf(people.keySet())) {
            if (folded(Mentions.shortForm(known)).equals(folded) && !known.equals(name)) {
                return; // "Al-Ibrahim" (read as "Al" and a family name) after "Farah Al-Ibrahim": hers
            }
            if (folded(known).equals(folded(family)) && !name.equals(family)) {
                people.remove(known); // the other way round
                people.put(name, family);
                return;
            }
            if (known.startsWith(first + " ") && Mentions.shortForm(known).equals(family)) {
                if (name.length() > known.length()) {
                    people.remove(known);
                    people.put(name, family);
                }
                return;
            }
        }
        people.put(name, family);
    }

    /**
     * An everyday English word when written in lower case ("Funding", "Power", "Centers"). The word list holds
     * stems, so a plural or a verb form is tried without its ending too.
     */
    static boolean isWord(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (COMMON_WORDS.contains(lower)) {
            return true;
        }
        for (String ending : WORD_ENDINGS) {
            if (lower.length() > ending.length() + 2 && lower.endsWith(ending)) {
                String stem = lower.substring(0, lower.length() - ending.length());
                if (COMMON_WORDS.contains(stem) || COMMON_WORDS.contains(stem + "e")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final List<String> WORD_ENDINGS = List.of("s", "es", "ing", "ed");

    /** For {@link NameModel}'s features: the head noun of an organisation's name ("University", "Centers"). */
    static boolean isOrganizationHead(String w) {
        return HEADS.contains(w)
                || COMPANY_SUFFIXES.contains(w)
                || w.endsWith("s") && HEADS.contains(w.substring(0, w.length() - 1));
    }

    /** For {@link NameModel}'s features: an English given name. */
    static boolean isGivenName(String w) {
        return GIVEN_NAMES.containsKey(w);
    }

    /** For {@link NameModel}'s features: an everyday word in lower case. */
    static boolean isEverydayWord(String w) {
        return isWord(w);
    }

    /** A word that stands before a name but never opens one: "The", "What", a title, a cue. */
    /**
     * A word that can be a given name: a known one ("Rose"), or no everyday word ("Aoife"); never "Company" or "From"
     * (a byline's "By Company Size" is a filter).
     */
    static boolean canBeGivenName(String word) {
        return !neverStartsName(word) && (GIVEN_NAMES.containsKey(word) || !isWord(word));
    }

    /** A head noun or legal form that ends an organisation's name ("Board", "Inc"). */
    static boolean isOrganisationWord(String word) {
        return HEADS.contains(word) || COMPANY_SUFFIXES.contains(word);
    }

    static boolean neverStartsName(String w) {
        return w.equals("The") || FUNCTION_WORDS.contains(w) || NOT_NAMES.contains(w) || isTitle(withoutPossessive(w));
    }

    private static boolean hasInitial(List<Token> tokens, int from, int end) {
        for (int k = from + 1; k < end; k++) {
            String t = tokens.get(k).text();
            if (t.length() == 2 && t.charAt(1) == '.') {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> COMMON_WORDS =
            Set.copyOf(PhraseList.of(EntityRecognizer.class, "common-words.txt"));

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
        if (name != null) {
            addPersonName(people, name);
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
            String w = withoutPossessive(raw);
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

    static final Set<String> NOT_NAMES = Set.copyOf(PhraseList.of(EntityRecognizer.class, "not-names.txt"));

    private static final Set<String> TITLES = Set.copyOf(PhraseList.of(EntityRecognizer.class, "person-titles.txt"));

    /** A title or a cue word: what stands before a name, never in it. */
    static boolean isTitle(String w) {
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
                || COMPANY_SUFFIXES.contains(w) // "Chrysler Corp said": a company speaks
                || w.endsWith("s") && HEADS.contains(w.substring(0, w.length() - 1));
    }

    private static void count(Map<String, Entity> found, Type type, String name, String code) {
        String key = type.name() + ":" + name; // a person and a place may share a name ("Jordan")
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
