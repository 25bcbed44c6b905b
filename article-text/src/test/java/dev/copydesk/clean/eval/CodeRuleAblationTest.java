package dev.copydesk.clean.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.RuleSwitches;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeRuleAblationTest {

    @Test
    void verdictsReadTheChangesPerFold() {
        // changes are the score without the rule minus the score with it
        assertThat(CodeRuleAblation.verdict(new double[] {0, 0, 0, 0, 0})).isEqualTo("none");
        assertThat(CodeRuleAblation.verdict(new double[] {-0.002, -0.001, 0, 0, 0}))
                .isEqualTo("holds");
        assertThat(CodeRuleAblation.verdict(new double[] {-0.004, 0.0001, 0.0001, 0, 0}))
                .isEqualTo("one-fold");
        assertThat(CodeRuleAblation.verdict(new double[] {0.002, 0.001, -0.0005, 0.001, 0.003}))
                .isEqualTo("harmful");
    }

    @Test
    void everyRuleHasOneNameAndSaysWhichCleanerItBelongsTo() {
        List<String> rules = RuleSwitches.RULES;
        assertThat(new HashSet<>(rules)).hasSameSizeAs(rules);
        assertThat(rules).allMatch(r -> r.matches("(text|html|both)\\.[a-z-]+"));
    }
}
