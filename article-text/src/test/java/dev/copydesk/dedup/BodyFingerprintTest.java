package dev.copydesk.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyFingerprintTest {

    @Test
    void copiesDifferingInCaseQuotesDashesAndWhitespaceShareAFingerprint() {
        String a = "Governor Andrew Bailey said it was \"much too early\" — for now.\n\nSecond paragraph.";
        String b = "governor andrew bailey said it was “much too early” - for now. Second   paragraph.";
        assertThat(BodyFingerprint.of(a)).isEqualTo(BodyFingerprint.of(b)).hasSize(64);
    }

    @Test
    void aChangedWordChangesTheFingerprint() {
        assertThat(BodyFingerprint.of("Rates held at 5.25%.")).isNotEqualTo(BodyFingerprint.of("Rates held at 5.50%."));
    }
}
