package dev.copydesk.watch;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.Entity;
import java.util.List;
import java.util.Locale;

/**
 * The fields of an article a watch query can name: title, body, entity names and source are split into words
 * ({@link WatchTokenizer}); country, language, agency and entity types are exact keywords, normalised as the query
 * parser normalises its values.
 */
public final class ArticleDocument {

    private ArticleDocument() {}

    /** What the matcher needs of an article; built from an {@link Article} or from a stored row. */
    public record Fields(
            String title,
            String body,
            String language,
            String agency,
            String sourceRef,
            List<String> countries,
            List<String> entityNames,
            List<String> entityTypes) {

        /** Title, a blank line, body: the value of the text field, whose offsets hits are given in. */
        public String text() {
            return title + "\n\n" + body;
        }

        /** Where the body starts in {@link #text()}. */
        public int bodyStart() {
            return title.length() + 2;
        }

        public static Fields of(Article a) {
            List<Entity> entities = a.getEntities();
            return new Fields(
                    a.getTitle(),
                    a.getBody(),
                    a.getLanguage(),
                    a.getAgency(),
                    a.getSourceRef(),
                    a.getCountries(),
                    entities.stream().map(Entity::getName).toList(),
                    entities.stream().map(e -> e.getType().name()).toList());
        }
    }

    /** Agencies are matched whole and without regard to case: "Yonhap", "yonhap". */
    static String keyword(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
