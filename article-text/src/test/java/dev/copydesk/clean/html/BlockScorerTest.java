package dev.copydesk.clean.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockScorerTest {

    /**
     * A site's story page: paragraphs of prose; a subhead in a {@code <div class="subhead">} (a loose fragment to the
     * hand rules, the story's to the ground truth); a sponsor's paragraph in {@code <div class="travel-desk">}
     * (prose to the hand rules, never the story's: the scorer has no say on it); a share prompt the ground truth holds (as some do).
     */
    private static BlockScorer.Page page(int n) {
        String subhead = "Crews at port " + n;
        String promo = "Our partners at the travel desk found cheap fares to the islands this winter, and you can book"
                + " them today with a discount for readers of this site.";
        StringBuilder html = new StringBuilder("<html><body><article><h1>Harbour " + n + " reopens</h1>");
        StringBuilder truth = new StringBuilder();
        for (int p = 0; p < 5; p++) {
            String paragraph = "The harbour at port number " + n + " reopened on day " + p + " after crews cleared the"
                    + " wreckage, the authority said, and the first ferries sailed before noon.";
            html.append("<p>").append(paragraph).append("</p>");
            truth.append(paragraph).append('\n');
            if (p == 1) {
                html.append("<div class=\"subhead\">").append(subhead).append("</div>");
                truth.append(subhead).append('\n');
            }
            if (p == 2) {
                html.append("<div class=\"travel-desk\"><p>").append(promo).append("</p></div>");
            }
        }
        html.append("<p>Share this article</p></article></body></html>");
        truth.append("Share this article\n");
        return new BlockScorer.Page(html.toString(), truth.toString());
    }

    private static List<BlockScorer.Page> pages() {
        List<BlockScorer.Page> pages = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            pages.add(page(n));
        }
        return pages;
    }

    @Test
    void bringsBackWhatTheRulesDroppedByItsShapeAndNothingElse() {
        BlockScorer scorer = BlockScorer.train(pages());
        assertThat(scorer.size()).isGreaterThan(20);
        String unseen = page(99).html();

        List<String> hand = HtmlExtractor.handRules().extract(unseen).paragraphs();
        assertThat(hand).noneMatch(p -> p.startsWith("Crews at port")).anyMatch(p -> p.startsWith("Our partners"));

        List<String> learned = new HtmlExtractor(scorer).extract(unseen).paragraphs();
        assertThat(learned)
                .contains("Crews at port 99")
                // never the story's on the pages it learned from, but what the rules keep stays
                .anyMatch(p -> p.startsWith("Our partners"))
                .anyMatch(p -> p.contains("port number 99 reopened on day 0"))
                .anyMatch(p -> p.contains("port number 99 reopened on day 4"))
                // a rule knew it by its words: the scorer has no say, whatever the pages taught it
                .doesNotContain("Share this article");
    }

    @Test
    void trainingIsDeterministicAndTheWrittenScorerReadsBack(@TempDir Path dir) throws IOException {
        BlockScorer scorer = BlockScorer.train(pages());
        Path first = dir.resolve("a.tsv.gz");
        Path second = dir.resolve("b.tsv.gz");
        scorer.write(first, "test");
        BlockScorer.train(pages()).write(second, "test");
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(first))) {
            BlockScorer read = BlockScorer.read(in);
            assertThat(read.size()).isEqualTo(scorer.size());
            assertThat(new HtmlExtractor(read).extract(page(7).html()).paragraphs())
                    .isEqualTo(new HtmlExtractor(scorer).extract(page(7).html()).paragraphs());
        }
    }

    @Test
    void theShippedScorerIsInTheJarAndReadOnce() {
        assertThat(BlockScorer.shipped().size()).isGreaterThan(1000);
        assertThat(BlockScorer.shipped()).isSameAs(BlockScorer.shipped());
    }

    @Test
    void aDamagedScorerIsRefused() {
        byte[] bad = "tag=p\t1.0\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BlockScorer.read(new ByteArrayInputStream(bad)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("2 columns, not 3");
    }
}
