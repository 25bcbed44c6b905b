package dev.copydesk.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: every case ends with a result (often an empty story, which the topology sends to the
 * DLQ), never an exception and never a hang. The timeouts are hang detectors, generous on purpose, not speed tests.
 */
class CleaningRobustnessTest {

    private static final Duration HANG = Duration.ofSeconds(60);

    private static CleanedText bothWays(String input) {
        return assertTimeoutPreemptively(HANG, () -> {
            CleanedText text = Cleaning.fromText(input);
            CleanedText html = Cleaning.fromHtml(input);
            assertThat(text).isNotNull();
            return html;
        });
    }

    @Test
    void emptyAndBlankInputGiveAnEmptyStory() {
        for (String nothing : new String[] {"", " ", "\n\n\t", "\u200b\u00a0\r\n"}) {
            assertThat(Cleaning.fromText(nothing).isEmpty()).isTrue();
            assertThat(Cleaning.fromHtml(nothing).isEmpty()).isTrue();
        }
        for (String noStory : new String[] {
            "<html></html>",
            "<html><body>  </body></html>",
            "<script>var a = 1;</script>",
            "<nav><a href='/'>Home</a></nav><footer>© 2026</footer>"
        }) {
            assertThat(Cleaning.fromHtml(noStory).isEmpty()).as(noStory).isTrue();
        }
    }

    @Test
    void binaryGarbageAndInvalidUtf8AreCleanedToAResultNotAnException() {
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        String garbage = new String(bytes, StandardCharsets.UTF_8); // invalid sequences become U+FFFD
        bothWays(garbage);
        bothWays(new String(
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, (byte) 0x82},
                StandardCharsets.UTF_8));
        bothWays("\u0000\u0001\u0002 text \uD800 lone surrogate \uDFFF");
    }

    @Test
    void tenMegabytesOnOneLineFinish() {
        String sentence = "The council met on Monday and agreed the budget after a long debate about roads. ";
        String oneLine = sentence.repeat(10 * 1024 * 1024 / sentence.length());
        CleanedText text = assertTimeoutPreemptively(HANG, () -> Cleaning.fromText(oneLine));
        assertThat(text.paragraphs()).hasSize(1);
        CleanedText html = bothWays("<p>" + oneLine + "</p>");
        assertThat(html.paragraphs()).hasSize(1);
    }

    @Test
    void deeplyNestedAndMalformedHtmlFinish() {
        int depth = 50_000;
        String nested = "<div>".repeat(depth)
                + "<p>Deep inside the page there is a paragraph of the story, and it ends here.</p>"
                + "</div>".repeat(depth);
        CleanedText deep = bothWays(nested);
        assertThat(deep.body()).contains("Deep inside the page");
        bothWays("<b>".repeat(depth) + "unclosed" + "<i><p><table><tr><td>".repeat(1000));
        CleanedText broken = bothWays(
                "<html><body><p>First paragraph of a story without closing tags, which browsers accept anyway."
                        + "<p>Second paragraph, also unclosed, also fine for a lenient parser like jsoup.<div><span></p></div></body>");
        assertThat(broken.body()).contains("First paragraph", "Second paragraph");
        bothWays("<<<>>><!-- <script> </ <p <a href='\"'>>");
    }

    @Test
    void randomMarkupSoupNeverThrows() {
        String[] pieces = {
            "<p>",
            "</p>",
            "<div class='related'>",
            "</div>",
            "<a href='#'>",
            "</a>",
            "<li>",
            "<ul>",
            "<table>",
            "<tr>",
            "<td>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "&amp;",
            "&#x0;",
            "&bogus;",
            "\u0000",
            "相关文章:",
            "- ",
            "Share",
            "\n",
            "The minister said on Tuesday that the plan would go ahead. ",
            "Ã©",
            "\uFEFF",
            "<h1>",
            "</h1>"
        };
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            StringBuilder soup = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                soup.append(pieces[random.nextInt(pieces.length)]);
            }
            bothWays(soup.toString());
        }
    }
}
