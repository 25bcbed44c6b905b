package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Country mentions in Chinese, Japanese and Korean copy: the short names the press uses (美国, 韩国, 米国, 北朝鮮,
 * 미국, 북한...), found inside unspaced text and before Korean particles.
 */
class CountriesInCjkTest {

    private final EntityRecognizer recognizer = new EntityRecognizer();

    private List<String> countries(String text) {
        return recognizer.recognize(text).stream()
                .map(EntityRecognizer.Entity::countryCode)
                .filter(c -> !c.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "zh|朝鲜13日向东部海域发射一枚短程弹道导弹，韩国军方说，美国和日本表示关切，中国和俄罗斯呼吁克制。英国、法国和德国发表声明。" + "|CN,DE,FR,GB,JP,KP,KR,RU,US",
                "zh-Hant|北韓13日發射彈道飛彈，南韓軍方說，美國和日本表示關切，中國和俄羅斯呼籲克制。台灣也發表聲明。" + "|CN,JP,KP,KR,RU,TW,US",
                "ja|北朝鮮は13日、日本海に向けて短距離弾道ミサイルを発射したと韓国軍が発表した。米国と日本は懸念を表明し、中国とロシアは自制を求めた。英国とフランスも声明を出した。"
                        + "|CN,FR,GB,JP,KP,KR,RU,US",
                "ko|북한은 13일 동해상으로 단거리 탄도미사일을 발사했다고 한국 합동참모본부가 밝혔다. 미국과 일본은 우려를 표명했고, 중국과 러시아는 자제를 촉구했다. 영국과 프랑스도 성명을 냈다."
                        + "|CN,FR,GB,JP,KP,KR,RU,US"
            })
    void theCountriesAStoryNamesAreFound(String lang, String text, String expected) {
        assertThat(countries(text)).as(lang).containsExactlyElementsOf(List.of(expected.split(",")));
    }
}
