package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.text.TextCleaner;
import dev.copydesk.enrich.KeywordExtractor.Keyword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

    private final KeywordExtractor extractor = new KeywordExtractor();

    private static CleanedText sample(String name) throws IOException {
        return new TextCleaner().clean(Files.readString(Path.of("..", "samples", "wire", name)));
    }

    @Test
    void theSeedsKeyPhrasesAreItsSubjectNotItsFunctionWords() throws IOException {
        CleanedText seed = sample("000_37dfc94a614f9a67.txt");
        List<Keyword> keywords = extractor.extract(seed.title(), seed.body(), DocumentFrequencies.inMemory(), 10);
        System.out.println("seed keywords: " + keywords);
        assertThat(keywords).hasSize(10);
        List<String> phrases = keywords.stream().map(Keyword::phrase).toList();
        assertThat(phrases).contains("austin").anyMatch(p -> p.contains("deterrence"));
        assertThat(phrases)
                .noneMatch(p -> Set.of("the", "and", "said", "monday", "with").contains(p));
        assertThat(phrases).noneMatch(p -> p.contains("下一篇") || p.contains("相关"));
    }

    @Test
    void wordsEveryStoryUsesLoseWeightAsDocumentFrequenciesAreLearned() throws IOException {
        DocumentFrequencies frequencies = DocumentFrequencies.inMemory();
        CleanedText seed = sample("000_37dfc94a614f9a67.txt");
        double coldSeoul = weight(extractor.extract(seed.title(), seed.body(), frequencies, 50), "seoul");
        // a run of other stories that all mention Seoul: it stops being characteristic of the seed
        for (int i = 0; i < 20; i++) {
            extractor.extract(
                    "",
                    "Officials in Seoul said story number " + i + " was about something else entirely.",
                    frequencies,
                    10);
        }
        assertThat(frequencies.documents()).isEqualTo(21);
        double warmSeoul = weight(extractor.extract(seed.title(), seed.body(), frequencies, 50), "seoul");
        double warmDeterrence = weight(extractor.extract(seed.title(), seed.body(), frequencies, 50), "deterrence");
        assertThat(warmSeoul).isLessThan(coldSeoul);
        assertThat(warmDeterrence).isGreaterThan(warmSeoul);
    }

    @Test
    void wordsAreCountedWhateverTheirCaseApostropheOrScript() {
        String body = """
                The Harbour Authority's pilots met on Monday. HARBOUR AUTHORITY pilots said the talks were useful.
                The harbour authority’s offer to the İzmir pilots was rejected. İzmir pilots will meet again in İzmir.
                Ο Σύλλογος ΛΙΜΕΝΑΡΧΕΙΟΥ ΠΕΙΡΑΙΑΣ and the Λιμεναρχείου Πειραιάς office were also at the harbour authority.
                """;
        List<String> phrases =
                extractor.extract("Harbour pilots reject offer", body, DocumentFrequencies.inMemory(), 50).stream()
                        .map(Keyword::phrase)
                        .toList();
        // "Harbour Authority's", "HARBOUR AUTHORITY" and "harbour authority’s" are one phrase; İ and a final Σ
        // lower-case as String.toLowerCase has them, not letter by letter
        String izmir = "İzmir".toLowerCase(Locale.ROOT);
        String piraeus = "ΠΕΙΡΑΙΑΣ".toLowerCase(Locale.ROOT);
        assertThat(phrases)
                .contains("harbour authority", izmir)
                .anyMatch(p -> p.contains(piraeus))
                .allMatch(p -> p.equals(p.toLowerCase(Locale.ROOT)) && !p.contains("'s") && !p.contains("’"));
    }

    private static double weight(List<Keyword> keywords, String phrase) {
        return keywords.stream()
                .filter(k -> k.phrase().equals(phrase))
                .mapToDouble(Keyword::weight)
                .findFirst()
                .orElse(0);
    }
}
