package dev.copydesk.clean.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.copydesk.clean.CleanedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossValidationTest {

    private static final String STORY = "The council approved the new harbour plan on Tuesday after a long debate.\n\n"
            + "Work on the northern quay will start in the spring and should finish within two years, officials said.";

    @TempDir
    Path dir;

    private CleaningCorpus corpus;

    @BeforeEach
    void corpus() throws IOException {
        Files.createDirectories(dir.resolve("text"));
        Files.createDirectories(dir.resolve("ground-truth"));
        // site a.example has three pages, b and c one each, and one page has no url (a site of its own)
        String[][] pages = {
            {"p1", "https://www.a.example/1", "article"},
            {"p2", "https://a.example/2", "article"},
            {"p3", "https://A.example/3", "listing"},
            {"p4", "https://b.example/4", "article"},
            {"p5", "http://c.example/5", "article"},
            {"p6", "", ""}
        };
        for (String[] p : pages) {
            // p4's copy lost its second paragraph: the fold holding b.example scores lower than the others
            String story = p[0].equals("p4") ? STORY.substring(0, STORY.indexOf("\n\n")) : STORY;
            Files.writeString(dir.resolve("text/" + p[0] + ".txt"), "Home\nNews\n" + story + "\nSubscribe now\n");
            String info = (p[1].isEmpty() ? "" : "\"url\": \"" + p[1] + "\", ")
                    + (p[2].isEmpty() ? "" : "\"_internal\": {\"page_type\": {\"primary\": \"" + p[2] + "\"}}, ");
            Files.writeString(
                    dir.resolve("ground-truth/" + p[0] + ".json"),
                    "{" + info + "\"ground_truth\": {\"main_content\": \"" + STORY.replace("\n", "\\n") + "\"}}");
        }
        corpus = new CleaningCorpus(dir);
    }

    @Test
    void aSiteNeverSpansTwoFoldsAndFoldsAreBalanced() {
        assertThat(corpus.info("p2")).isEqualTo(new CleaningCorpus.PageInfo("a.example", "article"));
        assertThat(corpus.info("p6")).isEqualTo(new CleaningCorpus.PageInfo("p6", "unknown"));
        Map<String, Integer> fold = CrossValidation.folds(corpus, corpus.ids(), 2);
        assertThat(fold.get("p1")).isEqualTo(fold.get("p2")).isEqualTo(fold.get("p3"));
        // a.example's three pages on one side, the three one-page sites on the other
        assertThat(List.of(fold.get("p4"), fold.get("p5"), fold.get("p6"))).containsOnly(1 - fold.get("p1"));
        assertThat(CrossValidation.folds(corpus, corpus.ids(), 2)).isEqualTo(fold); // the same every time
    }

    @Test
    void eachFoldIsCleanedByWhatTheOtherFoldsTrainedAndScoredHeldOut() {
        List<List<String>> trainedOn = new ArrayList<>();
        Map<String, Integer> cleanedIn = new HashMap<>();
        CrossValidation.Trainer recording = training -> {
            trainedOn.add(training);
            int fold = trainedOn.size() - 1;
            return new CrossValidation.PageCleaner() {
                @Override
                public CleanedText fromHtml(String html) {
                    throw new AssertionError("no html in this corpus");
                }

                @Override
                public CleanedText fromText(String text) {
                    cleanedIn.merge("fold" + fold, 1, Integer::sum);
                    return CrossValidation.HAND_RULES.apply(List.of()).fromText(text);
                }
            };
        };
        CrossValidation.Result result = CrossValidation.run(corpus, 3, recording, m -> {});
        assertThat(trainedOn).hasSize(3);
        Map<String, Integer> fold = CrossValidation.folds(corpus, corpus.ids(), 3);
        for (int f = 0; f < 3; f++) {
            int held = f;
            assertThat(trainedOn.get(f))
                    .allSatisfy(id -> assertThat(fold.get(id)).isNotEqualTo(held));
            assertThat(trainedOn.get(f).size() + result.folds().get(f).text().pages())
                    .isEqualTo(6);
        }
        assertThat(result.failures()).isEmpty();
        double[] shingle = result.meanAndSpread(f -> f.text().shingleF1());
        double[] perFold =
                result.folds().stream().mapToDouble(f -> f.text().shingleF1()).toArray();
        assertThat(shingle[0]).isCloseTo((perFold[0] + perFold[1] + perFold[2]) / 3, within(1e-9));
        assertThat(perFold[fold.get("p4")]).isLessThan(0.9); // half the story missing
        assertThat(shingle[1]).isGreaterThan(0.05); // so the folds differ, and the spread says so
        assertThat(result.textByType().keySet()).containsExactly("article", "listing", "unknown");
        assertThat(result.textByType().get("article").pages()).isEqualTo(4);
    }

    @Test
    void foldsMustBeAtLeastTwoAndNoMoreThanTheSites() {
        assertThatThrownBy(() -> CrossValidation.folds(corpus, corpus.ids(), 1)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> CrossValidation.folds(corpus, corpus.ids(), 5))
                .hasMessageContaining("more than the 4 sites");
    }
}
