package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.eval.CleaningCorpus;
import dev.copydesk.testkit.SharedData;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Article-length language identification on real pages: the WCXB development articles (CC-BY-4.0, "Murrough
 * Foley, WCXB") whose page declares its language in {@code <html lang>}, judged on the ground-truth body.
 */
class LanguageOnArticlesTest {

    private static final Pattern HTML_LANG =
            Pattern.compile("<html[^>]*\\blang=[\"']?([a-zA-Z]{2})", Pattern.CASE_INSENSITIVE);

    @Test
    void realArticlesAreIdentifiedAsTheLanguageTheirPageDeclares() {
        CleaningCorpus corpus = new CleaningCorpus(SharedData.dir());
        LanguageIdentifier identifier = new LanguageIdentifier();
        int right = 0;
        int total = 0;
        for (String id : corpus.ids()) {
            Optional<String> body = corpus.truth(id);
            Optional<String> html = corpus.html(id);
            if (body.isEmpty() || html.isEmpty() || body.get().split("\\s+").length < 100) {
                continue;
            }
            Matcher declared = HTML_LANG.matcher(html.get());
            if (!declared.find()) {
                continue;
            }
            total++;
            if (identifier
                    .identify(body.get())
                    .language()
                    .equals(declared.group(1).toLowerCase(Locale.ROOT))) {
                right++;
            }
        }
        System.out.printf("language of WCXB articles (100+ words, declared <html lang>): %d/%d%n", right, total);
        assertThat(total).isGreaterThan(600);
        assertThat((double) right / total).isGreaterThanOrEqualTo(0.99);
    }
}
