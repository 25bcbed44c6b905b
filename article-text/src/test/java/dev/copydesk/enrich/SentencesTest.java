package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void abbreviationsDoNotEndASentence() {
        assertThat(Sentences.split("S. Korea and the U.S. held talks with N. Korea at 3 p.m. on Nov. 13 in Seoul. "
                        + "Mr. Austin left on Monday. \"It went well,\" he said! Was it? Yes."))
                .containsExactly(
                        "S. Korea and the U.S. held talks with N. Korea at 3 p.m. on Nov. 13 in Seoul.",
                        "Mr. Austin left on Monday.",
                        "\"It went well,\" he said!",
                        "Was it?",
                        "Yes.");
    }

    @Test
    void paragraphsAndCjkStopsEndSentences() {
        assertThat(Sentences.split("First paragraph without a stop\nSecond one. Third one."))
                .hasSize(3);
        assertThat(Sentences.split("政府は計画を発表した。住民は避難した。")).containsExactly("政府は計画を発表した。", "住民は避難した。");
        assertThat(Sentences.split("Prices rose 2.5 percent. Wages did not.")).hasSize(2);
        assertThat(Sentences.split("")).isEmpty();
    }
}
