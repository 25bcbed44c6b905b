package dev.copydesk.watch;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.Entity;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The fields of an article a watch query can name, as a Lucene document: title, body, entity names and source
 * analysed as text; country, language, agency and entity types as exact keywords, normalised as the query parser
 * normalises its values.
 */
public final class ArticleDocument {

    /** Title and body as one value (what an unprefixed term searches): one term query per word, not two. */
    static final String TEXT = "text";

    static final String TITLE = "title";
    static final String ENTITY = "entity";
    static final String SOURCE = "source";
    static final String COUNTRY = "country";
    static final String LANG = "lang";
    static final String AGENCY = "agency";
    static final String TYPE = "type";

    /**
     * Words as Lucene's standard tokenizer finds them (Unicode word boundaries; Chinese and Japanese characters one
     * by one, so a phrase of them matches the characters in sequence), lower-cased, no stop words (a desk watching
     * "The Who" means both words). A gap between the values of a field keeps a phrase from spanning two entities.
     */
    public static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer words = new StandardTokenizer();
                return new TokenStreamComponents(words, new LowerCaseFilter(words));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }

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

    static Document of(Fields a) {
        Document doc = new Document();
        doc.add(new TextField(TEXT, a.text(), Store.NO));
        doc.add(new TextField(TITLE, a.title(), Store.NO));
        doc.add(new TextField(SOURCE, a.sourceRef(), Store.NO));
        a.entityNames().forEach(name -> doc.add(new TextField(ENTITY, name, Store.NO)));
        a.entityTypes().stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .distinct()
                .forEach(t -> doc.add(new StringField(TYPE, t, Store.NO)));
        a.countries().forEach(c -> doc.add(new StringField(COUNTRY, c.toUpperCase(Locale.ROOT), Store.NO)));
        doc.add(new StringField(LANG, a.language().toLowerCase(Locale.ROOT), Store.NO));
        if (!a.agency().isEmpty()) {
            doc.add(new StringField(AGENCY, keyword(a.agency()), Store.NO));
        }
        return doc;
    }

    /** Agencies are matched whole and without regard to case: "Yonhap", "yonhap". */
    static String keyword(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
