package dev.copydesk.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.eval.CleaningCorpus;
import dev.copydesk.clean.eval.CleaningEvaluation;
import dev.copydesk.clean.eval.CrossValidation;
import dev.copydesk.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cleaners against the WCXB development pages (711 real article pages, CC-BY-4.0, "Murrough Foley, WCXB"),
 * scored as the benchmark defines. The floors sit just under what the cleaners reach today, so a change that
 * makes extraction worse fails here; the README and the issue notes carry the exact numbers.
 */
class CleaningQualityTest {

    @Test
    void htmlAndTextCleaningBeatThePageTextByAWideMargin() {
        CleaningEvaluation.Result result =
                CleaningEvaluation.score(new CleaningCorpus(SharedData.dir()), System.out::println);
        System.out.println("wcxb-dev html: " + result.html());
        System.out.println("wcxb-dev text: " + result.text());
        System.out.println("wcxb-dev text as-is: " + result.wholeText());
        assertThat(result.failures()).isEmpty();
        assertThat(result.html().pages()).isGreaterThanOrEqualTo(700);
        assertThat(result.html().shingleF1()).isGreaterThanOrEqualTo(0.959);
        assertThat(result.html().wordF1()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.text().shingleF1()).isGreaterThanOrEqualTo(0.915);
        assertThat(result.text().shinglePrecision())
                .isGreaterThan(result.wholeText().shinglePrecision() + 0.1);
    }

    /**
     * The block scorer trained on four folds of sites, scored on the fifth: it must beat the hand rules on sites it
     * has never seen, in every fold (on 2026-12-07 by 0.0030 to 0.0034; 0.9584 against 0.9552 over all).
     */
    @Test
    void theBlockScorerBeatsTheHandRulesInEveryFoldOfSitesItWasNotTrainedOn() {
        CleaningCorpus corpus = new CleaningCorpus(SharedData.dir());
        CrossValidation.Result hand = CrossValidation.run(corpus, 5, CrossValidation.HAND_RULES, System.out::println);
        CrossValidation.Result learned =
                CrossValidation.run(corpus, 5, CrossValidation.learned(corpus), System.out::println);
        for (int f = 0; f < 5; f++) {
            double handScore = hand.folds().get(f).html().shingleF1();
            double learnedScore = learned.folds().get(f).html().shingleF1();
            System.out.printf(
                    "fold %d html: hand rules %.4f, with the block scorer %.4f%n", f + 1, handScore, learnedScore);
            assertThat(learnedScore).as("fold " + (f + 1)).isGreaterThan(handScore + 0.002);
        }
        assertThat(learned.meanAndSpread(fold -> fold.html().shingleF1())[0]).isGreaterThanOrEqualTo(0.957);
    }

    /** The 66 pages marked up as news (bench/wcxb-dev-news.ids): the nearest thing here to issue 3's held-out news pages. */
    @Test
    void newsPagesScoreAsTheyDidWhenTheFloorWasSet() throws IOException {
        Set<String> news = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("..", "bench", "wcxb-dev-news.ids"))) {
            String id = line.replaceFirst("#.*", "").strip();
            if (!id.isEmpty()) {
                news.add(id);
            }
        }
        CleaningEvaluation.Result result =
                CleaningEvaluation.score(new CleaningCorpus(SharedData.dir(), news), System.out::println);
        System.out.println("wcxb-dev news html: " + result.html());
        System.out.println("wcxb-dev news text: " + result.text());
        assertThat(result.html().pages()).isEqualTo(66);
        assertThat(result.html().shingleF1()).isGreaterThanOrEqualTo(0.974);
        assertThat(result.text().shingleF1()).isGreaterThanOrEqualTo(0.930);
    }
}
