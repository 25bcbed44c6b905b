package dev.copydesk.watch;

import dev.copydesk.watch.WatchQuery.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the watch query language:
 *
 * <pre>
 * query   := or
 * or      := and ("OR" and)*
 * and     := unary (["AND"] unary)*        adjacent terms mean AND
 * unary   := ("NOT" | "-") unary | primary
 * primary := "(" or ")" | [field ":"] (word | "phrase")
 * </pre>
 *
 * Operators are AND, OR, NOT in any case; AND binds tighter than OR. Written by hand rather than with Lucene's
 * classic query parser because that one gives AND and OR no precedence ({@code a OR b AND c} is not
 * {@code a OR (b AND c)} there), and accepts wildcard, regular-expression, fuzzy and range syntax that would let
 * one watchlist cost every article a scan; here every error names its position and reason.
 */
public final class QueryParser {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,3}");
    private static final List<String> TYPES = List.of("person", "organization", "place", "other");

    private final String query;
    private final List<Token> tokens;
    private int next;

    private QueryParser(String query) {
        this.query = query;
        this.tokens = tokenize(query);
    }

    /** Parses a query, or throws {@link QuerySyntaxException} with the position and reason. */
    public static WatchQuery parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QuerySyntaxException(query == null ? "" : query, 0, "the query is empty");
        }
        QueryParser parser = new QueryParser(query);
        WatchQuery parsed = parser.or();
        if (parser.next < parser.tokens.size()) {
            Token t = parser.tokens.get(parser.next);
            throw parser.error(t, t.kind == Kind.CLOSE ? "')' without a '(' before it" : "unexpected '" + t.text + "'");
        }
        return parsed;
    }

    private WatchQuery or() {
        List<WatchQuery> any = new ArrayList<>(List.of(and()));
        while (at(Kind.OR)) {
            Token or = tokens.get(next++);
            requireOperand(or);
            any.add(and());
        }
        return any.size() == 1 ? any.get(0) : new WatchQuery.Or(List.copyOf(any));
    }

    private WatchQuery and() {
        List<WatchQuery> all = new ArrayList<>(List.of(unary()));
        while (next < tokens.size()) {
            if (at(Kind.AND)) {
                Token and = tokens.get(next++);
                requireOperand(and);
            } else if (at(Kind.OR) || at(Kind.CLOSE)) {
                break;
            }
            all.add(unary());
        }
        return all.size() == 1 ? all.get(0) : new WatchQuery.And(List.copyOf(all));
    }

    private WatchQuery unary() {
        if (at(Kind.NOT)) {
            Token not = tokens.get(next++);
            requireOperand(not);
            return new WatchQuery.Not(unary());
        }
        return primary();
    }

    private WatchQuery primary() {
        if (next >= tokens.size()) {
            throw new QuerySyntaxException(query, query.length(), "a term is missing at the end");
        }
        Token t = tokens.get(next++);
        switch (t.kind) {
            case OPEN -> {
                if (at(Kind.CLOSE)) {
                    throw error(tokens.get(next), "'()' holds nothing");
                }
                WatchQuery inner = or();
                if (!at(Kind.CLOSE)) {
                    throw new QuerySyntaxException(
                            query,
                            next < tokens.size() ? tokens.get(next).at : query.length(),
                            "the '(' at position " + (t.at + 1) + " is not closed");
                }
                next++;
                return inner;
            }
            case WORD, PHRASE -> {
                return term(t, Field.TEXT, t.text, t.kind == Kind.PHRASE);
            }
            case FIELD -> {
                Field field = Field.of(t.text);
                if (field == null) {
                    throw error(
                            t,
                            "unknown field '" + t.text + "' (fields: "
                                    + Arrays.stream(Field.values())
                                            .map(Field::key)
                                            .collect(Collectors.joining(", "))
                                    + ")");
                }
                if (next >= tokens.size()
                        || (tokens.get(next).kind != Kind.WORD && tokens.get(next).kind != Kind.PHRASE)) {
                    throw new QuerySyntaxException(
                            query,
                            next < tokens.size() ? tokens.get(next).at : query.length(),
                            "'" + t.text + ":' needs a value right after it");
                }
                Token value = tokens.get(next++);
                return term(value, field, value.text, value.kind == Kind.PHRASE);
            }
            default ->
                throw error(
                        t,
                        t.kind == Kind.CLOSE
                                ? "')' where a term should be"
                                : "'" + t.text + "' where a term should be");
        }
    }

    private WatchQuery term(Token at, Field field, String text, boolean phrase) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw error(at, "an empty phrase");
        }
        switch (field) {
            case COUNTRY -> {
                if (!COUNTRY.matcher(value).matches()) {
                    throw error(at, "country takes a two-letter ISO 3166 code such as KP or DE, not '" + value + "'");
                }
                value = value.toUpperCase(Locale.ROOT);
            }
            case LANG -> {
                if (!LANG.matcher(value).matches()) {
                    throw error(at, "lang takes an ISO 639-1 code such as en or ko, not '" + value + "'");
                }
                value = value.toLowerCase(Locale.ROOT);
            }
            case TYPE -> {
                value = value.toLowerCase(Locale.ROOT);
                if (!TYPES.contains(value)) {
                    throw error(at, "type takes one of " + String.join(", ", TYPES) + ", not '" + value + "'");
                }
            }
            default -> {}
        }
        return new WatchQuery.Term(field, value, phrase);
    }

    private void requireOperand(Token operator) {
        if (next >= tokens.size()) {
            throw new QuerySyntaxException(
                    query, operator.at, operator.text.toUpperCase(Locale.ROOT) + " needs a term after it");
        }
        Kind k = tokens.get(next).kind;
        if (k == Kind.AND || k == Kind.OR || k == Kind.CLOSE) {
            throw error(
                    tokens.get(next),
                    "'" + tokens.get(next).text + "' right after " + operator.text.toUpperCase(Locale.ROOT));
        }
    }

    private boolean at(Kind kind) {
        return next < tokens.size() && tokens.get(next).kind == kind;
    }

    private QuerySyntaxException error(Token t, String reason) {
        return new QuerySyntaxException(query, t.at, reason);
    }

    private enum Kind {
        OPEN,
        CLOSE,
        AND,
        OR,
        NOT,
        WORD,
        PHRASE,
        FIELD
    }

    private record Token(Kind kind, String text, int at) {}

    private static List<Token> tokenize(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i));
                i++;
            } else if (c == '"' || c == '“' || c == '”') {
                int end = closingQuote(q, i + 1);
                if (end < 0) {
                    throw new QuerySyntaxException(q, i, "the phrase opened here has no closing quote");
                }
                out.add(new Token(Kind.PHRASE, q.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '-' && out.isEmpty() || c == '-' && i + 1 < q.length() && startsOperand(q, i, out)) {
                out.add(new Token(Kind.NOT, "-", i));
                i++;
            } else {
                int start = i;
                while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "()\"“”".indexOf(q.charAt(i)) < 0) {
                    if (q.charAt(i) == ':' && i > start && isFieldName(q.substring(start, i))) {
                        break;
                    }
                    i++;
                }
                if (i < q.length() && q.charAt(i) == ':' && i > start) {
                    out.add(new Token(Kind.FIELD, q.substring(start, i), start));
                    i++; // the value follows: a word or a phrase
                    continue;
                }
                String word = q.substring(start, i);
                Kind kind = switch (word.toUpperCase(Locale.ROOT)) {
                    case "AND", "&&" -> Kind.AND;
                    case "OR", "||" -> Kind.OR;
                    case "NOT" -> Kind.NOT;
                    default -> Kind.WORD;
                };
                out.add(new Token(kind, word, start));
            }
        }
        return out;
    }

    /** A '-' opens a negation when it starts a token (after a space or '(') and something follows it. */
    private static boolean startsOperand(String q, int i, List<Token> before) {
        char prev = q.charAt(i - 1);
        char following = q.charAt(i + 1);
        return (Character.isWhitespace(prev) || prev == '(') && !Character.isWhitespace(following);
    }

    private static boolean isFieldName(String s) {
        return s.chars().allMatch(ch -> ch < 128 && Character.isLetter(ch));
    }

    private static int closingQuote(String q, int from) {
        for (int i = from; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '"' || c == '”' || c == '“') {
                return i;
            }
        }
        return -1;
    }
}
