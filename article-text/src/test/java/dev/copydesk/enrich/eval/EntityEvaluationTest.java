package dev.copydesk.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.enrich.EntityRecognizer.Type;
import dev.copydesk.enrich.eval.EntityEvaluation.Found;
import dev.copydesk.enrich.eval.EntityEvaluation.Report;
import dev.copydesk.enrich.eval.EntityEvaluation.Story;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class EntityEvaluationTest {

    private static final String ONE = """
            {"id":"a","source":"s","text":"t","people":["Lloyd Austin|Austin","Biden","?Hugo Chavez"],\
            "organizations":["Bank of England|BoE","Meta"],"places":["United States|U.S.","?Michigan"]}
            """;

    private static List<Story> one() throws IOException {
        return EntityEvaluation.read(new StringReader(ONE));
    }

    private static Report score(List<Found> found) throws IOException {
        return EntityEvaluation.score(one(), story -> found);
    }

    @Test
    void aliasesCountForTheirEntityAndASecondNameForOneEntityIsWrong() throws IOException {
        Report report = score(List.of(
                new Found(Type.PERSON, "Lloyd Austin"),
                new Found(Type.ORGANIZATION, "BoE"),
                new Found(Type.ORGANIZATION, "Bank of England"),
                new Found(Type.PLACE, "U.S.")));
        var orgs = report.all().get(Type.ORGANIZATION);
        assertThat(orgs.truePositives()).isEqualTo(1);
        assertThat(orgs.falsePositives()).isEqualTo(1);
        assertThat(orgs.wrong()).containsExactly("a: Bank of England (again, as Bank of England)");
        assertThat(orgs.missed()).containsExactly("a: Meta");
        assertThat(report.all().get(Type.PLACE).precision()).isEqualTo(1.0);
        assertThat(report.all().get(Type.PLACE).recall()).isEqualTo(1.0);
    }

    @Test
    void optionalEntitiesNeitherGainNorLose() throws IOException {
        Report found = score(List.of(new Found(Type.PERSON, "Hugo Chávez"), new Found(Type.PLACE, "Michigan")));
        Report notFound = score(List.of());
        for (Report report : List.of(found, notFound)) {
            assertThat(report.all().get(Type.PLACE).falsePositives()).isZero();
            assertThat(report.all().get(Type.PLACE).falseNegatives()).isEqualTo(1); // United States only
            assertThat(report.all().get(Type.PERSON).falsePositives()).isZero();
        }
    }

    @Test
    void fullNamesLeaveOutOneWordPeopleAndOrganisationsButNotPlaces() throws IOException {
        Report report = score(List.of(
                new Found(Type.PERSON, "Biden"), // gold, one word
                new Found(Type.PERSON, "Strategy"), // wrong, one word
                new Found(Type.PERSON, "Strategy Officer"), // wrong, two words
                new Found(Type.ORGANIZATION, "Meta")));
        var people = report.fullNames().get(Type.PERSON);
        assertThat(people.truePositives()).isZero();
        assertThat(people.falsePositives()).isEqualTo(1);
        assertThat(people.falseNegatives()).isEqualTo(1); // Lloyd Austin; Biden is out of scope
        var allPeople = report.all().get(Type.PERSON);
        assertThat(allPeople.truePositives()).isEqualTo(1);
        assertThat(allPeople.falsePositives()).isEqualTo(2);
        assertThat(report.fullNames().get(Type.ORGANIZATION).truePositives()).isZero();
        assertThat(report.fullNames().get(Type.PLACE).falseNegatives()).isEqualTo(1);
    }

    @Test
    void namesCompareWithoutCaseAccentsDotsOrALeadingThe() {
        assertThat(EntityEvaluation.normalise("U.S.")).isEqualTo(EntityEvaluation.normalise("us"));
        assertThat(EntityEvaluation.normalise("Sergio Martínez-Beltrán"))
                .isEqualTo(EntityEvaluation.normalise("SERGIO MARTINEZ-BELTRAN"));
        assertThat(EntityEvaluation.normalise("The Texas Newsroom")).isEqualTo("texas newsroom");
        assertThat(EntityEvaluation.normalise("Runner’s World")).isEqualTo(EntityEvaluation.normalise("Runners World"));
    }

    @Test
    void aLineThatIsNotAStoryIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> EntityEvaluation.read(new StringReader(ONE + "\n{\"id\":\"b\",\"text\":\"x\"}\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("no list \"people\"");
        assertThatThrownBy(() -> EntityEvaluation.read(new StringReader("not json\n")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> EntityEvaluation.read(new StringReader(ONE + ONE)))
                .hasMessageContaining("a second story with id a");
        assertThatThrownBy(() -> EntityEvaluation.read(new StringReader(ONE.replace("\"Meta\"", "\"?|\""))))
                .hasMessageContaining("an entity without a name");
    }

    @Test
    void theProjectsOwnSetScoresThroughTheArticleBuilder() throws IOException {
        List<Story> stories;
        try (var in = new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream("/dev/copydesk/enrich/entity-eval.jsonl")),
                StandardCharsets.UTF_8)) {
            stories = EntityEvaluation.read(in);
        }
        assertThat(stories).hasSizeGreaterThanOrEqualTo(60);
        Report report = EntityEvaluation.score(stories, EntityEvaluation.throughArticleBuilder());
        // floors a little under what the recogniser scores today (docs/entities.md): a change that loses
        // precision or recall on the annotated stories fails here
        FLOORS.forEach((type, floor) -> {
            var tally = report.fullNames().get(type);
            assertThat(tally.precision()).as(type + " precision").isGreaterThanOrEqualTo(floor[0]);
            assertThat(tally.recall()).as(type + " recall").isGreaterThanOrEqualTo(floor[1]);
        });
    }

    private static final java.util.Map<Type, double[]> FLOORS = java.util.Map.of(
            Type.PERSON, new double[] {0.92, 0.84},
            Type.ORGANIZATION, new double[] {0.94, 0.70},
            Type.PLACE, new double[] {0.96, 0.80});
}
