package dev.copydesk.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.eval.CleaningCorpus;
import dev.copydesk.clean.eval.CleaningEvaluation;
import dev.copydesk.dedup.WcxbBodies;
import org.junit.jupiter.api.Test;

/**
 * The cleaners against the WCXB development pages (711 real article pages, CC-BY-4.0, "Murrough Foley, WCXB"),
 * scored as the benchmark defines. The floors sit just under what the cleaners reach today, so a change that
 * makes extraction worse fails here; the README and the issue notes carry the exact numbers.
 */
class CleaningQualityTest {

    @Test
    void htmlAndTextCleaningBeatThePageTextByAWideMargin() {
        CleaningEvaluation.Result result = CleaningEvaluation.score(new CleaningCorpus(WcxbBodies.dir()), System.out::println);
        System.out.println("wcxb-dev html: " + result.html());
        System.out.println("wcxb-dev text: " + result.text());
        System.out.println("wcxb-dev text as-is: " + result.wholeText());
        assertThat(result.failures()).isEmpty();
        assertThat(result.html().pages()).isGreaterThanOrEqualTo(700);
        assertThat(result.html().shingleF1()).isGreaterThanOrEqualTo(0.951);
        assertThat(result.html().wordF1()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.text().shingleF1()).isGreaterThanOrEqualTo(0.908);
        assertThat(result.text().shinglePrecision()).isGreaterThan(result.wholeText().shinglePrecision() + 0.1);
    }
}
