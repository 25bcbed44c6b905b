package dev.copydesk.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

    private static String parsed(String q) {
        return QueryParser.parse(q).toString();
    }

    @Test
    void andBindsTighterThanOrAndAdjacentTermsMeanAnd() {
        assertThat(parsed("missile OR rocket AND launch")).isEqualTo("(missile OR (rocket AND launch))");
        assertThat(parsed("missile launch")).isEqualTo("(missile AND launch)");
        assertThat(parsed("(missile OR rocket) launch")).isEqualTo("((missile OR rocket) AND launch)");
        assertThat(parsed("a and b or not c")).isEqualTo("((a AND b) OR NOT c)");
    }

    @Test
    void fieldsPhrasesAndNegation() {
        assertThat(parsed("entity:\"Kim Jong-un\" country:kp -lang:EN"))
                .isEqualTo("(entity:\"Kim Jong-un\" AND country:KP AND NOT lang:en)");
        assertThat(parsed("agency:Yonhap NOT (type:person OR source:\"yna.co.kr\")"))
                .isEqualTo("(agency:Yonhap AND NOT (type:person OR source:\"yna.co.kr\"))");
        assertThat(parsed("“curly quoted phrase”")).isEqualTo("\"curly quoted phrase\"");
        assertThat(parsed("title:ceasefire")).isEqualTo("title:ceasefire");
        assertThat(parsed("朝鲜 导弹")).isEqualTo("(朝鲜 AND 导弹)");
        assertThat(parsed("Jong-un")).as("a hyphen inside a word is the word's").isEqualTo("Jong-un");
        assertThat(parsed("10:30")).as("digits before a colon are no field").isEqualTo("10:30");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missile AND|8|AND needs a term after it",
                "(missile OR rocket|18|the '(' at position 1 is not closed",
                "missile)|7|')' without a '(' before it",
                "\"Kim Jong-un|0|the phrase opened here has no closing quote",
                "colour:red|0|unknown field 'colour'",
                "country:Korea|8|country takes a two-letter ISO 3166 code",
                "type:animal|5|type takes one of person, organization, place, other",
                "lang:english|5|lang takes an ISO 639-1 code",
                "missile AND OR rocket|12|'OR' right after AND",
                "()|1|'()' holds nothing",
                "entity:|7|'entity:' needs a value right after it",
                "OR missile|0|'OR' where a term should be",
                "a NOT|2|NOT needs a term after it",
            })
    void badQueriesAreRefusedWithPositionAndReason(String query, int position, String reason) {
        assertThatThrownBy(() -> QueryParser.parse(query)).isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.reason()).startsWith(reason);
            assertThat(e.getMessage())
                    .contains("at position " + (position + 1))
                    .contains(query)
                    .endsWith(" ".repeat(position) + "^");
        });
    }

    @Test
    void anEmptyQueryIsRefused() {
        assertThatThrownBy(() -> QueryParser.parse("  "))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("the query is empty");
    }
}
