package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StopWordsTest {

    /** The languages LanguageIdentifier decides by script alone, besides the n-gram profiles' languages. */
    private static final List<String> BY_SCRIPT = List.of(
            "ja", "ko", "th", "el", "hy", "ka", "km", "lo", "my", "si", "ta", "te", "kn", "ml", "gu", "pa", "am");

    @Test
    void everyLanguageTheIdentifierReportsHasAStopList() throws IOException {
        Set<String> languages = new TreeSet<>(BY_SCRIPT);
        new LanguageProfileReader()
                .readAllBuiltIn()
                .forEach(p -> languages.add(p.getLocale().getLanguage()));
        List<String> without = new ArrayList<>();
        for (String language : languages) {
            if (!StopWords.hasList(language)) {
                without.add(language);
            }
        }
        assertThat(without).as("languages without a stop list").isEmpty();
        assertThat(languages).hasSizeGreaterThan(70);
        languages.remove("en");
        for (String language : languages) {
            assertThat(StopWords.of(language))
                    .as(language)
                    .contains("the")
                    .hasSizeGreaterThan(StopWords.of("en").size());
        }
    }

    @Test
    void listsHoldTheirLanguagesFunctionWords() {
        assertThat(StopWords.of("de")).contains("und", "der", "die");
        assertThat(StopWords.of("fr")).contains("et", "les");
        assertThat(StopWords.of("zh")).contains("我们", "因为");
        assertThat(StopWords.of("sk")).contains("je", "sa");
        assertThat(StopWords.of("xx")).isEqualTo(StopWords.of("en"));
        assertThat(StopWords.byScript("の")).isTrue();
        assertThat(StopWords.byScript("ことができる")).isTrue();
        assertThat(StopWords.byScript("東京")).isFalse();
        assertThat(StopWords.byScript("カタカナ")).isFalse();
    }
}
