package dev.copydesk.watch;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed watch query: a tree of terms combined with AND, OR and NOT. {@link #toString()} writes it back in the
 * query language, fully parenthesised, so what the parser understood can be shown to the desk that wrote it.
 */
public sealed interface WatchQuery {

    /** A word or a "phrase" in a field; {@link Field#TEXT} is the title and body. */
    record Term(Field field, String text, boolean phrase) implements WatchQuery {
        @Override
        public String toString() {
            String value = phrase ? "\"" + text + "\"" : text;
            return field == Field.TEXT ? value : field.key() + ":" + value;
        }
    }

    record And(List<WatchQuery> all) implements WatchQuery {
        @Override
        public String toString() {
            return all.stream().map(WatchQuery::toString).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    record Or(List<WatchQuery> any) implements WatchQuery {
        @Override
        public String toString() {
            return any.stream().map(WatchQuery::toString).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    record Not(WatchQuery negated) implements WatchQuery {
        @Override
        public String toString() {
            return "NOT " + negated;
        }
    }

    /** The fields a query can name; each is a property of the article, as {@code articles.enriched} carries it. */
    enum Field {
        /** Title and body: what an unprefixed word or phrase searches. */
        TEXT("text"),
        TITLE("title"),
        /** A person, organisation or place the story names (its canonical name, as in Article.entities). */
        ENTITY("entity"),
        /** ISO 3166-1 alpha-2 code of a country the story mentions (Article.countries). */
        COUNTRY("country"),
        /** ISO 639-1 code of the story's language. */
        LANG("lang"),
        /** The agency credited (Article.agency), e.g. Yonhap, Reuters. */
        AGENCY("agency"),
        /** Where the copy came from (Article.sourceRef): a file path or URL, matched by its words. */
        SOURCE("source"),
        /** The story names at least one entity of this type: person, organization, place. */
        TYPE("type");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Field of(String key) {
            for (Field f : values()) {
                if (f.key.equalsIgnoreCase(key)) {
                    return f;
                }
            }
            return null;
        }
    }
}
