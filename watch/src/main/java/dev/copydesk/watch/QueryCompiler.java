package dev.copydesk.watch;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/** Turns a parsed {@link WatchQuery} into the Lucene query the Monitor stores, over {@link ArticleDocument}'s fields. */
final class QueryCompiler {

    private final QueryBuilder text;

    QueryCompiler(Analyzer analyzer) {
        this.text = new QueryBuilder(analyzer);
    }

    Query compile(WatchQuery q) {
        if (q instanceof WatchQuery.Term t) {
            return term(t);
        }
        if (q instanceof WatchQuery.And and) {
            return bool(and.all(), Occur.MUST);
        }
        if (q instanceof WatchQuery.Or or) {
            return bool(or.any(), Occur.SHOULD);
        }
        WatchQuery.Not not = (WatchQuery.Not) q;
        return new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.MUST)
                .add(compile(not.negated()), Occur.MUST_NOT)
                .build();
    }

    private Query bool(List<WatchQuery> parts, Occur occur) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (WatchQuery p : parts) {
            // NOT x inside an AND is a plain exclusion: no need for its match-all
            if (occur == Occur.MUST && p instanceof WatchQuery.Not not) {
                b.add(compile(not.negated()), Occur.MUST_NOT);
            } else {
                b.add(compile(p), occur);
            }
        }
        BooleanQuery built = b.build();
        boolean onlyExclusions = built.clauses().stream().allMatch(c -> c.getOccur() == Occur.MUST_NOT);
        if (onlyExclusions) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
            return b.build();
        }
        return built;
    }

    private Query term(WatchQuery.Term t) {
        return switch (t.field()) {
            case TEXT -> words(ArticleDocument.TEXT, t.text());
            case TITLE -> words(ArticleDocument.TITLE, t.text());
            case ENTITY -> words(ArticleDocument.ENTITY, t.text());
            case SOURCE -> words(ArticleDocument.SOURCE, t.text());
            case COUNTRY -> new TermQuery(new Term(ArticleDocument.COUNTRY, t.text()));
            case LANG -> new TermQuery(new Term(ArticleDocument.LANG, t.text()));
            case TYPE -> new TermQuery(new Term(ArticleDocument.TYPE, t.text()));
            case AGENCY -> new TermQuery(new Term(ArticleDocument.AGENCY, ArticleDocument.keyword(t.text())));
        };
    }

    /** A word or phrase as the analyzer splits it: every token, in order (a single token is a term query). */
    private Query words(String field, String value) {
        Query q = text.createPhraseQuery(field, value);
        if (q == null) {
            throw new IllegalArgumentException("'" + value + "' has no words to match");
        }
        return q;
    }
}
