package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    private final LanguageIdentifier identifier = new LanguageIdentifier();

    static Map<String, List<String>> sentences() throws IOException {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        try (InputStream in = LanguageIdentifierTest.class.getResourceAsStream("/enrich/sentences.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t", 2);
                    byLanguage.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
                }
            }
        }
        return byLanguage;
    }

    @Test
    void singleSentencesAndWholeTextsInTwentyNineLanguages() throws IOException {
        Map<String, List<String>> byLanguage = sentences();
        assertThat(byLanguage).hasSizeGreaterThanOrEqualTo(20);
        int right = 0;
        int total = 0;
        int textsRight = 0;
        StringBuilder report =
                new StringBuilder("language identification, held-out sentences (right/total; whole text):\n");
        for (Map.Entry<String, List<String>> e : byLanguage.entrySet()) {
            int ok = 0;
            for (String sentence : e.getValue()) {
                if (identifier.identify(sentence).language().equals(e.getKey())) {
                    ok++;
                }
            }
            boolean whole = identifier
                    .identify(String.join(" ", e.getValue()))
                    .language()
                    .equals(e.getKey());
            right += ok;
            total += e.getValue().size();
            textsRight += whole ? 1 : 0;
            report.append(String.format(
                    "  %s %d/%d %s%n", e.getKey(), ok, e.getValue().size(), whole ? "ok" : "WRONG"));
        }
        System.out.print(report);
        System.out.printf(
                "sentences %d/%d = %.1f%%, whole texts %d/%d%n",
                right, total, 100.0 * right / total, textsRight, byLanguage.size());
        assertThat((double) right / total).isGreaterThanOrEqualTo(0.95);
        assertThat(textsRight).isEqualTo(byLanguage.size());
    }

    @Test
    void scriptsThatBelongToOneLanguageDecideAtOnceAndNoLettersIsUndetermined() {
        assertThat(identifier.identify("서울 연합뉴스 국방부는 13일 밝혔다").language()).isEqualTo("ko");
        assertThat(identifier.identify("서울 연합뉴스 국방부는 13일 밝혔다").script()).isEqualTo("Hangul");
        assertThat(identifier.identify("東京電力は十三日、計画を発表した。").language()).isEqualTo("ja");
        assertThat(identifier.identify("12 345 — 67.8%").language()).isEqualTo("und");
        assertThat(identifier.identify("").language()).isEqualTo("und");
    }

    @Test
    void aBodyOpeningOnATableIsJudgedByItsSentences() {
        String schedule = "September 10   12pm- 1pm   SAAC 217   Carrie Menke,  Ph.D\n".repeat(12);
        String prose = """
                The workshops are open to every student and need no registration, although seats in the room are limited.
                Each session covers one topic, from time management to preparing for examinations, and ends with questions.
                Students who cannot attend may watch the recordings, which are posted on the website a week after each talk.
                """;
        assertThat(identifier.identify(schedule + prose).language()).isEqualTo("en");
        assertThat(LanguageIdentifier.sample(schedule + prose))
                .startsWith("The workshops are open")
                .doesNotContain("SAAC");
        // too few sentences to sample: the opening of the text is scored as it is
        assertThat(LanguageIdentifier.sample(schedule)).startsWith("September 10");
    }
}
