package dev.copydesk.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    static String sample(String name) throws IOException {
        return Files.readString(Path.of("..", "samples", "wire", name));
    }

    @Test
    void theSeedKeepsItsHeadlineAndStoryAndLosesEveryChromeLine() throws IOException {
        CleanedText cleaned = cleaner.clean(sample("000_37dfc94a614f9a67.txt"));
        assertThat(cleaned.title()).isEqualTo("S. Korea, US defense chiefs discuss 'tailored deterrence strategy' on N. Korea");
        assertThat(cleaned.paragraphs()).hasSize(9);
        assertThat(cleaned.paragraphs().get(0)).startsWith("The defense chiefs of South Korea and the United States");
        assertThat(cleaned.paragraphs().get(8)).endsWith("before departing for his final stop in Indonesia. (Yonhap)");
        assertThat(cleaned.body()).doesNotContain("下一篇", "相关文章", "相关推荐", "Fu Bao", "Hyundai Elevator", "Railroad Museum");
        // 1 next-article line + 2 list headers + 10 + 30 list items
        assertThat(cleaned.removedLines()).isEqualTo(43);
    }

    @Test
    void navigationAboveTheHeadlineAndBylinesAreNotTheHeadline() throws IOException {
        CleanedText copy = cleaner.clean(sample("reuters-london-rates-copy.txt"));
        assertThat(copy.title()).isEqualTo("Bank of England holds rates at 5.25% as inflation cools");
        assertThat(copy.body()).doesNotContain("Markets\n", "Most read", "Oil slips");
        CleanedText ap = cleaner.clean(sample("ap-washington-budget.txt"));
        assertThat(ap.title()).isEqualTo("Senate passes stopgap bill, averting government shutdown");
        assertThat(ap.paragraphs().get(0)).startsWith("WASHINGTON (AP) —");
        assertThat(ap.body()).doesNotContain("LISA MASCARO", "Share this", "Read next", "impeachment");
    }

    @Test
    void aLabelInTheStorysOwnScriptWithTextAfterItIsKept() {
        CleanedText cleaned = cleaner.clean("""
                Talks resume
                Officials said on Monday that the talks would resume next week in Geneva after a pause.
                Update: the talks were moved to Vienna, according to a statement issued late on Monday.
                """);
        assertThat(cleaned.paragraphs()).hasSize(2);
        assertThat(cleaned.removedLines()).isZero();
    }

    @Test
    void nothingButChromeLeavesAnEmptyStory() {
        CleanedText cleaned = cleaner.clean("相关文章:\n- one\n- two\n");
        assertThat(cleaned.isEmpty()).isTrue();
        assertThat(cleaned.removedLines()).isEqualTo(3);
        assertThat(cleaner.clean("").isEmpty()).isTrue();
    }

    @Test
    void normalisationFoldsSpacesControlsAndComposesCharacters() {
        String messy = "Caf\u0065\u0301\u00a0 au\tlait\u200b\r\n\r\n\r\n\u0007Second  line ";
        assertThat(TextNormalizer.normalize(messy)).isEqualTo("Caf\u00e9 au lait\n\nSecond line");
    }
}
