package dev.copydesk.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticWireTest {

    private final SyntheticWire wire = new SyntheticWire();

    @Test
    void theSameSeedGivesTheSameCopiesAndAnotherSeedOthers() {
        assertThat(wire.generate(200, 0.2, 0, 5)).isEqualTo(new SyntheticWire().generate(200, 0.2, 0, 5));
        assertThat(wire.generate(200, 0.2, 0, 6)).isNotEqualTo(wire.generate(200, 0.2, 0, 5));
    }

    @Test
    void copiesComeAtTheAskedShareAndPointAtTheStoryTheyRepeat() {
        List<SyntheticWire.Copy> copies = wire.generate(2000, 0.3, 0, 11);
        long duplicates = copies.stream().filter(c -> c.original() >= 0).count();
        assertThat(duplicates / 2000.0).isCloseTo(0.3, within(0.04));
        for (SyntheticWire.Copy copy : copies) {
            if (copy.original() < 0) {
                continue;
            }
            SyntheticWire.Copy original = copies.get(copy.original());
            assertThat(original.original())
                    .as("a copy repeats an original story")
                    .isEqualTo(-1);
            String originalHeadline =
                    original.text().lines().skip(3).findFirst().orElseThrow();
            String headline = copy.text().lines().skip(3).findFirst().orElseThrow();
            assertThat(headline).isEqualTo(copy.exact() ? originalHeadline : "UPDATE 1-" + originalHeadline);
            String story = body(original);
            assertThat(copy.exact() ? body(copy) : body(copy).substring(0, story.length()))
                    .isEqualTo(story);
        }
    }

    @Test
    void storiesHaveTheAskedSizeAndADateline() {
        for (SyntheticWire.Copy copy : wire.generate(50, 0, 4096, 3)) {
            assertThat(body(copy).length())
                    .as("about the size asked: the last separator is stripped")
                    .isBetween(4095, 4096 + 400);
            assertThat(body(copy)).containsPattern("^[A-Z]+(, [A-Z][a-z]+\\.? \\d+)? \\(");
        }
    }

    /** The story between the three chrome lines and the headline above it and the four chrome lines under it. */
    private static String body(SyntheticWire.Copy copy) {
        List<String> lines = copy.text().lines().toList();
        return String.join("\n", lines.subList(4, lines.size() - 4));
    }
}
