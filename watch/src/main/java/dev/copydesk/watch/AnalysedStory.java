package dev.copydesk.watch;

import dev.copydesk.watch.WatchQuery.Field;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A story as watch queries see it, analysed once however many queries are tried on it: its title and body as one
 * field of words (value 0 the title, value 1 the body, offsets in {@link ArticleDocument.Fields#text()}), its
 * entity names (one value each, so a phrase never spans two), its source, and its exact-match keywords.
 */
final class AnalysedStory {

    static final int TITLE_VALUE = 0;

    final AnalysedField text;
    final AnalysedField entities;
    final AnalysedField source;
    final Map<Field, Set<String>> keywords = new EnumMap<>(Field.class);

    /** The story's words are numbered by the queries' {@code vocabulary}: only the queries' words are indexed. */
    AnalysedStory(ArticleDocument.Fields a, Vocabulary vocabulary) {
        this.text = AnalysedField.of(List.of(a.title(), a.body()), new int[] {0, a.bodyStart()}, vocabulary);
        this.entities =
                a.entityNames().isEmpty() ? AnalysedField.EMPTY : AnalysedField.of(a.entityNames(), null, vocabulary);
        this.source = AnalysedField.of(List.of(a.sourceRef()), null, vocabulary);
        keywords.put(Field.LANG, Set.of(a.language().toLowerCase(Locale.ROOT)));
        keywords.put(Field.AGENCY, a.agency().isBlank() ? Set.of() : Set.of(ArticleDocument.keyword(a.agency())));
        Set<String> countries = new HashSet<>();
        a.countries().forEach(c -> countries.add(c.toUpperCase(Locale.ROOT)));
        keywords.put(Field.COUNTRY, countries);
        Set<String> types = new HashSet<>();
        a.entityTypes().forEach(t -> types.add(t.toLowerCase(Locale.ROOT)));
        keywords.put(Field.TYPE, types);
    }

    /** The analysed field a word or phrase of this field is looked up in. */
    AnalysedField words(Field field) {
        return switch (field) {
            case TEXT, TITLE -> text;
            case ENTITY -> entities;
            case SOURCE -> source;
            default -> throw new IllegalArgumentException(field + " is matched by keyword");
        };
    }
}
