package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.enrich.NameModel.Label;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameModelTrainerTest {

    @TempDir
    Path dir;

    private static final String[] GIVEN = {"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo"};
    private static final String[] FAMILY = {"Ivanova", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor"};
    private static final String[] COMPANY = {"Acme", "Borealis", "Cobalt", "Dynamo", "Everest", "Fulcrum"};
    private static final String[] TRADE = {"Holdings", "Logistics", "Networks", "Pharmaceuticals", "Airlines"};

    @Test
    void learnsFromTheListAndThePagesAndWritesAModelThatLoads() throws IOException {
        List<String> list = new ArrayList<>();
        for (String g : GIVEN) {
            for (String f : FAMILY) {
                list.add(g + " " + f + "\t[14]");
            }
        }
        for (String c : COMPANY) {
            for (String t : TRADE) {
                list.add(c + " " + t + "\t[13]");
            }
        }
        list.add("Garden Party Songs\t[15]");
        list.add("Eli Lilly\t[13, 14]"); // two types: in neither
        Path names = dir.resolve("names.tsv");
        Files.write(names, list);
        Path truth = Files.createDirectories(dir.resolve("wcxb/ground-truth"));
        Path text = Files.createDirectories(dir.resolve("wcxb/text"));
        Files.writeString(
                truth.resolve("0001.json"),
                "{\"url\":\"https://news.example/a\",\"ground_truth\":{\"main_content\":"
                        + "\"Anna Moreau told reporters that Cobalt Networks would grow.\"}}");
        Files.writeString(text.resolve("0001.txt"), "Home\nLatest News\nAnna Moreau told reporters.\n");
        Files.writeString(
                truth.resolve("0002.json"),
                "{\"url\":\"https://www.held-out.example/b\",\"ground_truth\":{\"main_content\":"
                        + "\"Boris Novak said Acme Holdings fell.\"}}");
        Path eval = dir.resolve("eval.jsonl");
        Files.writeString(eval, "{\"id\":\"x\",\"source\":\"https://held-out.example/b\",\"text\":\"-\"}\n");
        Path out = dir.resolve("model.tsv.gz");

        NameModelTrainer.main(new String[] {names.toString(), truth.toString(), eval.toString(), out.toString()});

        NameModel model;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            model = NameModel.read(in);
        }
        assertThat(model.size()).isGreaterThan(20);
        assertThat(best(model, "Carla", "Okafor")).isEqualTo(Label.PERSON);
        assertThat(best(model, "Everest", "Logistics")).isEqualTo(Label.ORGANIZATION);
    }

    @Test
    void pagesFromTheEvaluationSetsHostsAreNeverRead() throws IOException {
        Path truth = Files.createDirectories(dir.resolve("ground-truth"));
        Files.writeString(
                truth.resolve("0001.json"),
                "{\"url\":\"https://www.held-out.example/b\",\"ground_truth\":{\"main_content\":"
                        + "\"Boris Novak said Acme Holdings fell.\"}}");
        Files.writeString(
                truth.resolve("0002.json"),
                "{\"url\":\"https://other.example/c\",\"ground_truth\":{\"main_content\":"
                        + "\"Boris Novak said Acme Holdings fell.\"}}");
        Map<String, Label> listed = Map.of("boris novak", Label.PERSON, "acme holdings", Label.ORGANIZATION);
        assertThat(NameModelTrainer.fromPages(truth, java.util.Set.of("held-out.example"), listed))
                .extracting(dev.copydesk.learn.SoftmaxRegression.Example::label)
                .containsExactlyInAnyOrder(Label.PERSON.ordinal(), Label.ORGANIZATION.ordinal());
        assertThat(NameModelTrainer.host("https://www.Held-Out.example/b?x=1")).isEqualTo("held-out.example");
    }

    @Test
    void aNameTheListGivesTwoTypesTeachesNothing() {
        assertThat(NameModelTrainer.labelOf(java.util.Set.of(13, 14))).isNull();
        assertThat(NameModelTrainer.labelOf(java.util.Set.of(13, 0))).isEqualTo(Label.ORGANIZATION);
        assertThat(NameModelTrainer.labelOf(java.util.Set.of(15))).isEqualTo(Label.OTHER);
        assertThat(NameModelTrainer.byNormalisedName(Map.of("Area 51", Label.PLACE, "AREA 51", Label.OTHER)))
                .isEmpty();
    }

    private static Label best(NameModel model, String... words) {
        double[] p = model.probabilities(NameModel.Run.alone(List.of(words)));
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return Label.values()[best];
    }
}
