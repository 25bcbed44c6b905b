package dev.copydesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-suite slice of the fuzz run (the million-input run is {@code Fuzz}'s main; see the README). */
class FuzzTest {

    @Test
    void hostileInputsThroughCleanAndEnrichEndInAResult() throws Exception {
        Fuzz.Result result = Fuzz.run(5_000, 7, false);
        System.out.println("fuzz slice: " + result);
        assertThat(result.inputs()).isEqualTo(5_000);
        assertThat(result.failures()).isZero();
        assertThat(result.hangs()).isZero();
    }
}
