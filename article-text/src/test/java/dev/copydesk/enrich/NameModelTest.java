package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.enrich.EntityRecognizer.Token;
import dev.copydesk.enrich.NameModel.Label;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameModelTest {

    private static List<String> runNames(String text) {
        List<Token> tokens = EntityRecognizer.tokenize(text);
        List<String> names = new ArrayList<>();
        for (int[] span : NameModel.runs(text, tokens)) {
            int first = NameModel.nameStart(tokens, span[0], span[1]);
            if (first <= span[1]) {
                names.add(NameModel.run(text, tokens, first, span[1]).name());
            }
        }
        return names;
    }

    @Test
    void runsGoThroughJoinersButNotAcrossAndOrAPossessive() {
        assertThat(runNames("The Bank of England and Paris and London met. Stanford University's lab, Travel &"
                        + " Leisure, and Sergio Martínez-Beltrán."))
                .containsExactly(
                        "Bank of England",
                        "Paris",
                        "London",
                        "Stanford University",
                        "Travel & Leisure",
                        "Sergio Martínez-Beltrán");
    }

    @Test
    void leadingWordsAndTitlesAreNotPartOfTheRun() {
        assertThat(runNames("What Stephen Colbert said. Coach Jim Smith left. So I stayed."))
                .containsExactly("Stephen Colbert", "Jim Smith");
    }

    @Test
    void whereARunStandsInItsLine() {
        String text = "Key Takeaways\n1. Kaiser Permanente\nShe met Jim Smith today\nThen Jim Smith";
        List<Token> tokens = EntityRecognizer.tokenize(text);
        List<String> places = new ArrayList<>();
        for (int[] span : NameModel.runs(text, tokens)) {
            places.add(NameModel.placeInLine(text, tokens, span[0], span[1]));
        }
        // Key Takeaways, Kaiser Permanente, She, Jim Smith, Then Jim Smith
        assertThat(places).containsExactly("all", "all", "start", "inside", "all");
    }

    @Test
    void wordShapes() {
        assertThat(NameModel.shape("LeCun")).isEqualTo("XxX");
        assertThat(NameModel.shape("Smith")).isEqualTo("Xx");
        assertThat(NameModel.shape("NASA")).isEqualTo("XX");
        assertThat(NameModel.shape("J.")).isEqualTo("X.");
        assertThat(NameModel.shape("U.S.")).isEqualTo("X.X.");
        assertThat(NameModel.shape("G")).isEqualTo("X");
        assertThat(NameModel.shape("X1013")).isEqualTo("0");
        assertThat(NameModel.shape("Won-sik")).isEqualTo("Xx-");
        assertThat(NameModel.norm("Area51")).isEqualTo("area00");
    }

    @Test
    void theShippedModelTypesNamesItNeverSawByTheirWordsAndContext() {
        NameModel model = NameModel.shipped();
        assertThat(model.size()).isGreaterThan(50_000);
        assertThat(label(model, "The study by Hila Gonen found it.", "Hila Gonen"))
                .isEqualTo(Label.PERSON);
        assertThat(label(model, "Molina Healthcare shares rose.", "Molina Healthcare"))
                .isEqualTo(Label.ORGANIZATION);
        assertThat(label(model, "Key Factors Influencing Costs\nPrices rose.", "Key Factors Influencing Costs"))
                .isEqualTo(Label.OTHER);
        double[] p = model.probabilities(NameModel.Run.alone(List.of("Jim", "Smith")));
        assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static Label label(NameModel model, String text, String name) {
        List<Token> tokens = EntityRecognizer.tokenize(text);
        for (int[] span : NameModel.runs(text, tokens)) {
            int first = NameModel.nameStart(tokens, span[0], span[1]);
            if (first > span[1]) {
                continue;
            }
            NameModel.Run run = NameModel.run(text, tokens, first, span[1]);
            if (run.name().equals(name)) {
                double[] p = model.probabilities(run);
                int best = 0;
                for (int k = 1; k < p.length; k++) {
                    if (p[k] > p[best]) {
                        best = k;
                    }
                }
                return Label.values()[best];
            }
        }
        throw new AssertionError(name + " is not a run of " + text);
    }

    @Test
    void aDamagedModelFileIsRefusedWithTheReason() {
        byte[] bad = "# header\nf=smith\t1.0\t2.0\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NameModel.read(new ByteArrayInputStream(bad)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("3 columns, not 5");
        byte[] notANumber = "f=smith\t1.0\t2.0\tx\t0\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NameModel.read(new ByteArrayInputStream(notANumber)))
                .isInstanceOf(NumberFormatException.class);
    }
}
