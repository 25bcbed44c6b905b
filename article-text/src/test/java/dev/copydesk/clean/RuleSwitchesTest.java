package dev.copydesk.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Turning one rule off changes what the cleaner does, and nothing else stays off after. */
class RuleSwitchesTest {

    private static final String STORY = "The council approved the harbour budget on Monday after a long debate about"
            + " ferry fares and the cost of repairs.\n"
            + "Ferry crews said the new rosters would start in spring, and the union welcomed the decision of the"
            + " council.\n"
            + "We use cookies to improve your experience on our site.\n"
            + "The mayor said the repairs would take two years and cost more than the council had planned.\n";

    @AfterEach
    void allOn() {
        RuleSwitches.turnOff(Set.of());
    }

    @Test
    void aRuleTurnedOffNoLongerActsAndComesBackOn() {
        assertThat(Cleaning.fromText(STORY).body()).doesNotContain("cookies");
        RuleSwitches.turnOff(Set.of("text.template-sentences"));
        assertThat(RuleSwitches.on("text.template-sentences")).isFalse();
        assertThat(RuleSwitches.on("text.furniture-lines")).isTrue();
        assertThat(Cleaning.fromText(STORY).body()).contains("We use cookies");
        RuleSwitches.turnOff(Set.of());
        assertThat(Cleaning.fromText(STORY).body()).doesNotContain("cookies");
    }

    @Test
    void anUnknownRuleIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> RuleSwitches.turnOff(Set.of("text.no-such-rule")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no rule text.no-such-rule");
        assertThat(RuleSwitches.RULES).allMatch(RuleSwitches::on);
    }
}
