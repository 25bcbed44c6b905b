package dev.copydesk.clean.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.CleanedText;
import dev.copydesk.testkit.LangSentences;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chinese, Japanese and Korean stories under the kinds of chrome the seed carries, in their own languages: a
 * next-article link, a related-articles header with other headlines under it, a recommendations header, share
 * and ad labels. The story (real sentences of the language) must come through whole and not one chrome line.
 */
class NonLatinChromeTest {

    private final TextCleaner cleaner = new TextCleaner();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "zh|下一篇：|相关文章：|相关推荐：|分享到|广告|false",
                "zh|上一篇:|相關新聞:|延伸閱讀:|分享|廣告|false",
                "ja|次の記事：|関連記事|おすすめ記事|シェアする|広告|false",
                "ko|다음 기사:|관련기사|많이 본 뉴스|공유하기|광고|true"
            })
    void theStoryComesThroughAndNotOneLineOfItsChrome(
            String lang, String next, String related, String recommended, String share, String ad, boolean spaced)
            throws IOException {
        List<String> sentences = LangSentences.of(lang);
        String title = sentences.get(0);
        List<String> story = sentences.subList(1, 9);
        List<String> otherHeadlines = sentences.subList(20, 26).stream()
                .map(s -> s.length() > 30 ? s.substring(0, 30) : s)
                .toList();
        String joiner = spaced ? " " : "";
        StringBuilder page = new StringBuilder();
        page.append(title).append("\n\n");
        page.append(share).append("\n");
        for (int p = 0; p < story.size(); p += 2) {
            page.append(story.get(p)).append(joiner).append(story.get(p + 1)).append("\n\n");
            if (p == 2) {
                page.append(ad).append("\n\n");
            }
        }
        page.append(next).append(otherHeadlines.get(0)).append("\n");
        page.append(related).append("\n");
        otherHeadlines.subList(1, 4).forEach(h -> page.append("- ").append(h).append("\n"));
        page.append(recommended).append("\n");
        otherHeadlines.subList(4, 6).forEach(h -> page.append("- ").append(h).append("\n"));

        CleanedText cleaned = cleaner.clean(page.toString());
        String body = cleaned.body();
        for (String sentence : story) {
            assertThat(body).as("story sentence kept").contains(sentence);
        }
        for (String chrome : List.of(next, related, recommended, share, ad)) {
            assertThat(body).as("chrome line removed").doesNotContain(chrome.replaceAll("[:：]$", ""));
        }
        for (String headline : otherHeadlines) {
            assertThat(body).as("another story's headline removed").doesNotContain(headline);
        }
    }
}
