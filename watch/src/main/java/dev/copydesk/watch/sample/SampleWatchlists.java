package dev.copydesk.watch.sample;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.Entity;
import dev.copydesk.avro.Keyword;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Watchlists as desks write them, for benchmarks: drawn from a corpus's own entities, key phrases and countries
 * (so each story matches the few about it), in five shapes: an entity; a phrase in a country; a phrase OR an entity
 * NOT a language; an agency AND a phrase; one entity OR another. With {@code knownEvery} K above 1 only one in K
 * refers to the corpus; the rest name people and companies it never does, as most of a long list does on most days.
 */
public final class SampleWatchlists {

    private static final List<String> AGENCIES = List.of("Reuters", "AP", "AFP", "Yonhap", "Xinhua", "Kyodo", "dpa");

    private SampleWatchlists() {}

    /** {@code count} queries by name ("w0", "w1", ...), the same for the same arguments. */
    public static Map<String, String> of(List<Article> corpus, int count, int knownEvery, long seed) {
        List<String> entities = new ArrayList<>(new LinkedHashSet<>(corpus.stream()
                .flatMap(a -> a.getEntities().stream().map(Entity::getName))
                .toList()));
        List<String> phrases = new ArrayList<>(new LinkedHashSet<>(corpus.stream()
                .flatMap(a -> a.getKeywords().stream().map(Keyword::getPhrase))
                .toList()));
        List<String> countries = new ArrayList<>(new LinkedHashSet<>(
                corpus.stream().flatMap(a -> a.getCountries().stream()).toList()));
        if (entities.isEmpty() || phrases.isEmpty() || countries.isEmpty()) {
            throw new IllegalArgumentException("the corpus names no entities, phrases or countries to watch");
        }
        Random random = new Random(seed);
        Map<String, String> queries = new LinkedHashMap<>();
        for (int w = 0; w < count; w++) {
            boolean known = random.nextInt(Math.max(1, knownEvery)) == 0;
            String name = known ? pick(entities, random) : "Person" + w + " Surname" + random.nextInt(5000);
            String other = known ? pick(entities, random) : "Company" + w + " Holdings";
            String phrase = known ? pick(phrases, random) : "product" + w + " recall";
            String country = pick(countries, random);
            String query = switch (w % 5) {
                case 0 -> "entity:" + quoted(name);
                case 1 -> quoted(phrase) + " AND country:" + country;
                case 2 -> "(" + quoted(phrase) + " OR entity:" + quoted(other) + ") NOT lang:de";
                case 3 -> "agency:" + pick(AGENCIES, random) + " AND " + quoted(phrase);
                default -> "entity:" + quoted(name) + " OR entity:" + quoted(other);
            };
            queries.put("w" + w, query);
        }
        return queries;
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    /** A phrase in quotes; a quote inside it would end the phrase, so it is dropped. */
    private static String quoted(String s) {
        return "\"" + s.replace("\"", "") + "\"";
    }
}
