package dev.copydesk.clean.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.CleanedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCreditTest {

    @Test
    void aCreditLineGivesItsWritersAndEveryoneItCredits() {
        assertThat(WireCredit.parse("(Reporting by Andy Bruce; Editing by William Schomberg)"))
                .contains(new WireCredit(List.of("Andy Bruce"), List.of("Andy Bruce", "William Schomberg")));
        assertThat(WireCredit.parse("(Reporting by Jane Doe and Ana Lopez in Paris; Additional reporting by John Roe;"
                        + " Writing by A. Smith; Editing by Kim Lee and Jo Park)"))
                .contains(new WireCredit(
                        List.of("Jane Doe", "Ana Lopez", "John Roe", "A. Smith"),
                        List.of("Jane Doe", "Ana Lopez", "John Roe", "A. Smith", "Kim Lee", "Jo Park")));
        assertThat(WireCredit.parse("--With assistance from Ana Lopez and Sandy Andrews"))
                .contains(new WireCredit(List.of(), List.of("Ana Lopez", "Sandy Andrews")));
    }

    @Test
    void aSentenceThatSaysReportedByIsNoCredit() {
        assertThat(WireCredit.parse("Reporting by the BBC found the claims false; the ministry denied them."))
                .isEmpty();
        assertThat(WireCredit.parse("Economists polled by Reuters had expected the decision."))
                .isEmpty();
        assertThat(WireCredit.parse("()")).isEmpty();
        assertThat(WireCredit.parse("")).isEmpty();
    }

    @Test
    void theCleanerTakesTheCreditBelowTheStoryAndNotAnotherStorysBelowALinkList() throws IOException {
        CleanedText reuters =
                new TextCleaner().clean(Files.readString(Path.of("..", "samples", "wire", "reuters-london-rates.txt")));
        assertThat(reuters.byline()).isEqualTo("Andy Bruce");
        assertThat(reuters.credited()).containsExactly("Andy Bruce", "William Schomberg");
        assertThat(reuters.paragraphs()).noneMatch(p -> p.contains("Reporting by"));

        String story = "LONDON (Reuters) - The Bank of England kept rates on hold on Thursday, as markets expected.\n"
                + "Governor Andrew Bailey said it was much too early to be thinking about cutting rates again.\n";
        String links =
                "Related:\n- Euro zone inflation falls\n- Sterling edges up\n- House prices rise\n- Gilts slip\n";
        CleanedText far = new TextCleaner().clean(story + links + "(Reporting by Jane Doe; Editing by Kim Lee)\n");
        assertThat(far.credited()).isEmpty();
        assertThat(far.byline()).isEmpty();
    }
}
