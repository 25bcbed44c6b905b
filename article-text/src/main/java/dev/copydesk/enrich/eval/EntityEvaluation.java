package dev.copydesk.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.EntityType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.enrich.ArticleBuilder;
import dev.copydesk.enrich.EntityRecognizer;
import dev.copydesk.enrich.EntityRecognizer.Type;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Scores a recogniser against stories annotated by hand: precision and recall per entity type, per story (each
 * distinct entity of a story counts once, however often it is mentioned), micro-averaged over the stories.
 *
 * <p>The annotation file has one JSON object a line: {@code id}, {@code source}, {@code text} and the lists
 * {@code people}, {@code organizations}, {@code places}. An entry names one entity; {@code a|b} gives other
 * names it goes by ("Bank of England|BoE"), and a leading {@code ?} marks one a recogniser may find or miss
 * without gain or loss (a brand inside a product name, a place inside an organisation's name).
 *
 * <p>Two scopes: <b>full names</b>, where only people and organisations whose first name has two words or more
 * count (the measure the targets are set in: a lone "Biden" is neither found nor missed), and <b>all</b>.
 * Places count whole in both. Two predictions for one entity ("Centene" and "Centene Corporation") count the
 * second as wrong: a reader sees the entity twice.
 */
public final class EntityEvaluation {

    /** One entity of the annotation: its names, the first the canonical one, and whether finding it is optional. */
    public record GoldEntity(List<String> names, boolean optional) {
        boolean fullName() {
            return words(names.get(0)) >= 2;
        }
    }

    /** One annotated story. */
    public record Story(String id, String source, String text, Map<Type, List<GoldEntity>> gold) {}

    /** What the recogniser under test found in a story: a type and a name. */
    public record Found(Type type, String name) {}

    /** Counts for one type in one scope, and the names behind the errors ("story: name"). */
    public static final class Tally {
        int truePositives;
        int falsePositives;
        int falseNegatives;
        final List<String> wrong = new ArrayList<>();
        final List<String> missed = new ArrayList<>();

        public double precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? 1.0 : (double) truePositives / found;
        }

        public double recall() {
            int gold = truePositives + falseNegatives;
            return gold == 0 ? 1.0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public int truePositives() {
            return truePositives;
        }

        public int falsePositives() {
            return falsePositives;
        }

        public int falseNegatives() {
            return falseNegatives;
        }

        public List<String> wrong() {
            return List.copyOf(wrong);
        }

        public List<String> missed() {
            return List.copyOf(missed);
        }
    }

    /** Tallies per type, for full names and for all names. */
    public record Report(int stories, Map<Type, Tally> fullNames, Map<Type, Tally> all) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<Type, String> FIELDS = Map.of(
            Type.PERSON, "people",
            Type.ORGANIZATION, "organizations",
            Type.PLACE, "places");

    private EntityEvaluation() {}

    /** Reads the annotation file; a line that is not an annotated story is refused with its number and why. */
    public static List<Story> read(Reader source) throws IOException {
        List<Story> stories = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(source)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Story story = parse(JSON.readTree(line));
                    if (!ids.add(story.id())) {
                        throw new IllegalArgumentException("a second story with id " + story.id());
                    }
                    stories.add(story);
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "line " + number + " is not an annotated story: " + e.getMessage(), e);
                }
            }
        }
        return stories;
    }

    private static Story parse(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = required(node, "id");
        String text = required(node, "text");
        Map<Type, List<GoldEntity>> gold = new EnumMap<>(Type.class);
        for (Type type : Type.values()) { // in this order, so a story missing several is told the first
            String field = FIELDS.get(type);
            JsonNode list = node.path(field);
            if (!list.isArray()) {
                throw new IllegalArgumentException("no list \"" + field + "\"");
            }
            List<GoldEntity> entities = new ArrayList<>();
            for (JsonNode entry : list) {
                entities.add(entity(entry.asText()));
            }
            gold.put(type, entities);
        }
        return new Story(id, node.path("source").asText(""), text, gold);
    }

    static GoldEntity entity(String entry) {
        boolean optional = entry.startsWith("?");
        List<String> names = new ArrayList<>();
        for (String name : (optional ? entry.substring(1) : entry).split("\\|")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an entity without a name: \"" + entry + "\"");
        }
        return new GoldEntity(List.copyOf(names), optional);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("no \"" + field + "\"");
        }
        return value.asText();
    }

    /** Runs {@code recogniser} over every story and scores what it found. */
    public static Report score(List<Story> stories, Function<Story, List<Found>> recogniser) {
        Map<Type, Tally> fullNames = tallies();
        Map<Type, Tally> all = tallies();
        for (Story story : stories) {
            List<Found> found = recogniser.apply(story);
            for (Type type : Type.values()) {
                List<String> names = found.stream()
                        .filter(f -> f.type() == type)
                        .map(Found::name)
                        .distinct()
                        .toList();
                List<GoldEntity> gold = story.gold().getOrDefault(type, List.of());
                tally(story.id(), names, gold, type != Type.PLACE, fullNames.get(type));
                tally(story.id(), names, gold, false, all.get(type));
            }
        }
        return new Report(stories.size(), fullNames, all);
    }

    /**
     * What the product stores: each story as a raw text article through {@link ArticleBuilder} (cleaning, then
     * enrichment), and the entities of the article it builds. One builder: not for concurrent use.
     */
    public static Function<Story, List<Found>> throughArticleBuilder() {
        ArticleBuilder builder = new ArticleBuilder();
        Instant now = Instant.now();
        return story -> builder.build(
                        RawArticle.newBuilder()
                                .setId(story.id())
                                .setSourceRef(story.source())
                                .setReceivedAt(now)
                                .setContentType(ContentType.TEXT)
                                .setText(story.text())
                                .setMetadata(Map.of())
                                .build(),
                        now)
                .map(article -> article.getEntities().stream()
                        .filter(e -> e.getType() != EntityType.OTHER)
                        .map(e -> new Found(Type.valueOf(e.getType().name()), e.getName()))
                        .toList())
                .orElse(List.of());
    }

    /**
     * The recogniser alone on each story's text as given, with no cleaning before it: with {@code learned} false,
     * its rules alone ({@link EntityRecognizer#recognizeByRules}). One recogniser: not for concurrent use.
     */
    public static Function<Story, List<Found>> recogniserAlone(boolean learned) {
        EntityRecognizer recognizer = new EntityRecognizer();
        return story -> (learned ? recognizer.recognizeAll(story.text()) : recognizer.recognizeByRules(story.text()))
                .entities().stream().map(e -> new Found(e.type(), e.name())).toList();
    }

    private static Map<Type, Tally> tallies() {
        Map<Type, Tally> tallies = new EnumMap<>(Type.class);
        for (Type type : Type.values()) {
            tallies.put(type, new Tally());
        }
        return tallies;
    }

    static void tally(String story, List<String> found, List<GoldEntity> gold, boolean fullNamesOnly, Tally tally) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < gold.size(); i++) {
            for (String name : gold.get(i).names()) {
                byName.putIfAbsent(normalise(name), i);
            }
        }
        boolean[] matched = new boolean[gold.size()];
        for (String name : found) {
            Integer i = byName.get(normalise(name));
            if (i == null) {
                if (!fullNamesOnly || words(name) >= 2) {
                    tally.falsePositives++;
                    tally.wrong.add(story + ": " + name);
                }
                continue;
            }
            GoldEntity entity = gold.get(i);
            if (entity.optional() || (fullNamesOnly && !entity.fullName())) {
                continue;
            }
            if (matched[i]) {
                tally.falsePositives++;
                tally.wrong.add(
                        story + ": " + name + " (again, as " + entity.names().get(0) + ")");
            } else {
                matched[i] = true;
                tally.truePositives++;
            }
        }
        for (int i = 0; i < gold.size(); i++) {
            GoldEntity entity = gold.get(i);
            if (!matched[i] && !entity.optional() && (!fullNamesOnly || entity.fullName())) {
                tally.falseNegatives++;
                tally.missed.add(story + ": " + entity.names().get(0));
            }
        }
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}&+]+");

    /** Case, accents, dots, apostrophes and a leading "the" do not tell names apart ("U.S." is "US"). */
    static String normalise(String name) {
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace(".", "")
                .replace("'", "")
                .replace("\u2019", "");
        s = NOT_WORD.matcher(s).replaceAll(" ").strip();
        return s.startsWith("the ") ? s.substring(4) : s;
    }

    static int words(String name) {
        String s = normalise(name);
        return s.isEmpty() ? 0 : s.split(" ").length;
    }
}
