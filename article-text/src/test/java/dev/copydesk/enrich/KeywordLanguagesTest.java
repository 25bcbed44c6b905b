package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.text.TextCleaner;
import dev.copydesk.sample.LanguageEditSet;
import dev.copydesk.testkit.LangSentences;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keywords of stories in languages written without spaces: 20 stories each of real Chinese, Japanese and Thai
 * sentences (14 from the repository's fixtures without {@code ../shared}), enriched as the pipeline does with document frequencies learned over them. Every keyword must be
 * words of the story (found in it once spaces are ignored), hold no punctuation, and be no longer than a short
 * clause. With a run of characters counted as one word, keywords here were whole clauses of 20-60 characters.
 */
class KeywordLanguagesTest {

    /** A short clause: 12 characters of Chinese or Japanese; Thai's vowel and tone marks are characters too. */
    private static int maxChars(String lang) {
        return lang.equals("th") ? 24 : 12;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "ja", "th"})
    void keywordsAreWordsOfTheStory(String lang) throws IOException {
        List<String> stories = LanguageEditSet.generate(LangSentences.of(lang), lang.equals("th"), 20, 11).stream()
                .filter(item -> item.kind().equals("original"))
                .map(LanguageEditSet.Item::text)
                .toList();
        assertThat(stories).hasSizeGreaterThanOrEqualTo(12); // 20 from ../shared, 14 from the fixtures
        TextCleaner cleaner = new TextCleaner();
        StoryEnricher enricher = new StoryEnricher();
        DocumentFrequencies learned = DocumentFrequencies.inMemory();
        for (String story : stories) { // learn the language's frequencies first, as a running pipeline has
            CleanedText c = cleaner.clean(story);
            enricher.enrich(c.title(), c.paragraphs(), c.byline(), 0, learned);
        }
        System.out.println(lang + " keywords, top 5 of " + stories.size() + " stories:");
        for (String story : stories) {
            CleanedText c = cleaner.clean(story);
            Enrichment e = enricher.enrich(c.title(), c.paragraphs(), c.byline(), 0, learned);
            assertThat(e.language()).isEqualTo(lang);
            List<String> top = e.keywords().stream()
                    .limit(5)
                    .map(KeywordExtractor.Keyword::phrase)
                    .toList();
            System.out.println("  " + String.join(" · ", top));
            assertThat(top).hasSize(5);
            String text = (c.title() + c.body()).toLowerCase().replaceAll("\\s+", "");
            for (String k : top) {
                assertThat(text).as("%s is in the story", k).contains(k.replace(" ", ""));
                assertThat(k.length()).as(k).isLessThanOrEqualTo(maxChars(lang));
                assertThat(k).as(k).doesNotContainPattern("[\\p{P}&&[^'-]]");
            }
        }
    }

    @Test
    void aChineseStoryGivesItsWordsNotItsSentences() {
        String title = "彰化县劳工运动会盛大登场";
        String body = "彰化县劳工运动会于12月1日上午在县立体育场盛大登场，来自全县的选手参加劳工运动会。" + "劳工运动会展开一系列的竞技对战，县长为选手加油。彰化县政府表示，劳工运动会每年举办。";
        List<String> keywords = new KeywordExtractor()
                .extract(title, body, "zh", DocumentFrequencies.inMemory(), 5).stream()
                        .map(KeywordExtractor.Keyword::phrase)
                        .collect(Collectors.toList());
        assertThat(keywords).isNotEmpty().allSatisfy(k -> assertThat(k.length()).isLessThanOrEqualTo(8));
        assertThat(keywords).anySatisfy(k -> assertThat(k).contains("劳工运动"));
        assertThat(keywords).noneSatisfy(k -> assertThat(k).isIn("的", "于", "在", "我们"));
    }
}
