package dev.copydesk.watch;

import dev.copydesk.watch.WatchQuery.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a parsed {@link WatchQuery} into the {@link Clause} tree the matcher runs, words split as a story's are. */
final class QueryCompiler {

    Clause compile(WatchQuery q) {
        if (q instanceof WatchQuery.Term t) {
            return term(t);
        }
        if (q instanceof WatchQuery.Or or) {
            List<Clause> any = new ArrayList<>();
            or.any().forEach(p -> any.add(compile(p)));
            return new Clause.Any(List.copyOf(any));
        }
        List<WatchQuery> parts = q instanceof WatchQuery.And and ? and.all() : List.of(q);
        List<Clause> all = new ArrayList<>();
        List<Clause> none = new ArrayList<>();
        for (WatchQuery p : parts) {
            if (p instanceof WatchQuery.Not not) {
                none.add(compile(not.negated()));
            } else {
                all.add(compile(p));
            }
        }
        return new Clause.All(List.copyOf(all), List.copyOf(none));
    }

    private Clause term(WatchQuery.Term t) {
        return switch (t.field()) {
            case TEXT, TITLE, ENTITY, SOURCE -> words(t.field(), t.text());
            case COUNTRY -> new Clause.Keyword(Field.COUNTRY, t.text().toUpperCase(Locale.ROOT));
            case LANG -> new Clause.Keyword(Field.LANG, t.text().toLowerCase(Locale.ROOT));
            case TYPE -> new Clause.Keyword(Field.TYPE, t.text().toLowerCase(Locale.ROOT));
            case AGENCY -> new Clause.Keyword(Field.AGENCY, ArticleDocument.keyword(t.text()));
        };
    }

    /** A word or phrase as a story's words are split: every word, in order. */
    private static Clause words(Field field, String value) {
        String[] words = AnalysedField.words(value);
        if (words.length == 0) {
            throw new IllegalArgumentException("'" + value + "' has no words to match");
        }
        return new Clause.Words(field, words);
    }
}
