package dev.copydesk.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MojibakeRepairTest {

    private static String misread(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
    }

    @Test
    void utf8ReadAsWindows1252IsRepairedWordByWord() {
        String original = "Café society’s “naïve” reporters met in Zürich — São Paulo next";
        String broken = misread(original);
        assertThat(broken).contains("Ã©", "â€");
        assertThat(MojibakeRepair.repair(broken)).isEqualTo(original);
    }

    @Test
    void correctTextIsNeverTouched() {
        for (String fine :
                new String[] {"Café au lait", "Ærøskøbing, Ålesund", "naïve façade", "ÂÃÄ plain", "東京 서울 Москва", ""}) {
            assertThat(MojibakeRepair.repair(fine)).isEqualTo(fine);
        }
    }

    @Test
    void mixedTextRepairsOnlyTheBrokenWords() {
        assertThat(MojibakeRepair.repair("Zürich and " + misread("Zürich"))).isEqualTo("Zürich and Zürich");
    }
}
