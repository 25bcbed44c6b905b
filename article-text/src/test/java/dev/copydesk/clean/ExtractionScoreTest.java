package dev.copydesk.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.copydesk.clean.eval.ExtractionScore;
import org.junit.jupiter.api.Test;

class ExtractionScoreTest {

    @Test
    void wordAndShingleScoresFollowTheBenchmarkDefinitions() {
        String truth = "one two three four five six";
        ExtractionScore.Page exact = ExtractionScore.score("One, two; three four five six!", truth);
        assertThat(exact.wordF1()).isEqualTo(1.0);
        assertThat(exact.shingleF1()).isEqualTo(1.0);

        // two extra words: word precision 6/8; shingles 3 of 5 extracted are true, all 3 true ones found
        ExtractionScore.Page extra = ExtractionScore.score("menu one two three four five six login", truth);
        assertThat(extra.wordPrecision()).isCloseTo(0.75, within(1e-9));
        assertThat(extra.wordRecall()).isEqualTo(1.0);
        assertThat(extra.shinglePrecision()).isCloseTo(3.0 / 5, within(1e-9));
        assertThat(extra.shingleRecall()).isEqualTo(1.0);

        ExtractionScore.Page nothing = ExtractionScore.score("", truth);
        assertThat(nothing.wordF1()).isZero();
        assertThat(nothing.shingleRecall()).isZero();
    }

    @Test
    void theAggregateIsTheF1OfMeanPrecisionAndMeanRecall() {
        ExtractionScore score = new ExtractionScore();
        score.add("a b c d e", "a b c d e"); // P 1, R 1
        score.add("x y z w a b c d e", "a b c d e"); // shingles: 2 of 6 true -> P 1/3, R 1
        assertThat(score.pages()).isEqualTo(2);
        assertThat(score.shinglePrecision()).isCloseTo((1 + 1.0 / 3) / 2, within(1e-9));
        assertThat(score.shingleRecall()).isEqualTo(1.0);
        double p = (1 + 1.0 / 3) / 2;
        assertThat(score.shingleF1()).isCloseTo(2 * p / (p + 1), within(1e-9));
    }

    @Test
    void wordsAreUnicodeWordsLowercased() {
        assertThat(ExtractionScore.score("Zürich ÉTÉ 東京", "zürich été 東京").wordF1())
                .isEqualTo(1.0);
    }
}
