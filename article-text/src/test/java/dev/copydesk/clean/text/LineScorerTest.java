package dev.copydesk.clean.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.clean.CleanedText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineScorerTest {

    private static final String[] MENU = {"Home", "World", "Business", "Sport", "Subscribe", "Sign in"};
    private static final String[] FOOTER = {"Share this article", "Related stories", "Most read", "Advertisement"};

    /** A page as copied off a site: a menu, a headline, paragraphs, a teaser with a full sentence, a footer. */
    private static LineScorer.Page page(int n) {
        StringBuilder text = new StringBuilder();
        StringBuilder truth = new StringBuilder();
        for (String m : MENU) {
            text.append(m).append('\n');
        }
        text.append("Harbour ").append(n).append(" reopens after the storm\n");
        for (int p = 0; p < 4; p++) {
            String paragraph = "The harbour at port number " + n + " reopened on day " + p + " after crews cleared the"
                    + " wreckage, the authority said, and the first ferries sailed before noon.";
            text.append(paragraph).append('\n');
            truth.append(paragraph).append('\n');
        }
        for (String f : FOOTER) {
            text.append(f).append('\n');
        }
        text.append("Read next: prices of fish rose again in the markets of the coast this week.\n");
        return new LineScorer.Page(text.toString(), truth.toString());
    }

    @Test
    void learnsFromPagesAndItsCleanerKeepsTheStoryAndLeavesTheChrome() {
        List<LineScorer.Page> pages = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            pages.add(page(n));
        }
        LineScorer scorer = LineScorer.train(pages);
        assertThat(scorer.size()).isGreaterThan(10);
        assertThat(LineScorer.train(pages).size()).as("deterministic").isEqualTo(scorer.size());

        CleanedText cleaned = new TextCleaner(scorer).clean(page(99).text());
        assertThat(cleaned.body())
                .contains("port number 99 reopened on day 0", "port number 99 reopened on day 3")
                .doesNotContain("Subscribe", "Related stories", "Advertisement");
    }

    @Test
    void theLearnedWeightCountsBesideTheHandWeight() {
        List<LineScorer.Page> pages = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            pages.add(page(n));
        }
        LineScorer scorer = LineScorer.train(pages);
        TextCleaner.Lines lines = TextCleaner.firstPass(page(7).text());
        boolean[] code = StorySpan.codeBlocks(lines);
        double[] combined = scorer.weights(lines);
        int paragraph = lines.lines()
                .indexOf(lines.lines().stream()
                        .filter(l -> l.contains("reopened on day 1"))
                        .findFirst()
                        .orElseThrow());
        int menu = lines.lines().indexOf("Subscribe");
        assertThat(combined[paragraph]).isGreaterThan(StorySpan.handWeight(lines, code, paragraph));
        assertThat(combined[menu]).isLessThan(StorySpan.handWeight(lines, code, menu));
    }

    @Test
    void aDamagedModelIsRefused() {
        byte[] bad = "k=prose\t1.0\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LineScorer.read(new ByteArrayInputStream(bad)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("2 columns, not 3");
    }
}
