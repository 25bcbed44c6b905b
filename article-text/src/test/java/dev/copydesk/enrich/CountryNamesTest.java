package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CountryNamesTest {

    @Test
    void theShippedNamesAreWhatThisJdksLocaleDataGives() throws IOException {
        String shipped;
        try (InputStream in = CountryNames.class.getResourceAsStream(CountryNames.RESOURCE)) {
            assertThat(in).as(CountryNames.RESOURCE + " on the classpath").isNotNull();
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(shipped)
                .as("%s is out of date for this JDK: regenerate it with CountryNames.main", CountryNames.RESOURCE)
                .isEqualTo(CountryNames.toTsv(CountryNames.fromLocaleData()));
    }

    @Test
    void namesInManyLanguagesReachTheirCountry() {
        var recognizer = new EntityRecognizer();
        for (String text : new String[] {
            "Talks in Deutschland resumed.", "Talks in Allemagne resumed.", "Talks in Germany resumed."
        }) {
            assertThat(recognizer.recognize(text))
                    .as(text)
                    .anyMatch(e -> e.type() == EntityRecognizer.Type.PLACE && "DE".equals(e.countryCode()));
        }
    }
}
