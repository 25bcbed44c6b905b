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

    @Test
    void fullStopsOfOtherScriptsAndAbbreviationsBeyondEnglish() {
        assertThat(Sentences.split("सरकार ने योजना की घोषणा की। लोग सुरक्षित हैं। क्या यह सच है?"))
                .containsExactly("सरकार ने योजना की घोषणा की।", "लोग सुरक्षित हैं।", "क्या यह सच है?");
        assertThat(Sentences.split("هل انتهت المحادثات؟ قال الوزير إنها ستستمر. وأضاف أن الوفد سيعود."))
                .containsExactly("هل انتهت المحادثات؟", "قال الوزير إنها ستستمر.", "وأضاف أن الوفد سيعود.");
        assertThat(Sentences.split("הממשלה הודיעה על התוכנית. התושבים פונו."))
                .containsExactly("הממשלה הודיעה על התוכנית.", "התושבים פונו.");
        assertThat(Sentences.split("정부는 계획을 발표했다. 주민들은 대피했다.")).containsExactly("정부는 계획을 발표했다.", "주민들은 대피했다.");
        assertThat(Sentences.split("Die Partei, z.B. die SPD, bzw. ihre Führung tagte. Die Sitzung endete spät."))
                .containsExactly("Die Partei, z.B. die SPD, bzw. ihre Führung tagte.", "Die Sitzung endete spät.");
        assertThat(Sentences.split("Mme Dupont a parlé. La Sra. García respondió."))
                .containsExactly("Mme Dupont a parlé.", "La Sra. García respondió.");
    }

    @Test
    void aThaiParagraphIsOneSentenceItsSpacesSeparatePhrases() {
        // Thai spaces separate phrases as often as sentences (8.9 spaces a sentence in the Leipzig sentences)
        assertThat(Sentences.split("กองทัพระบุว่า เกาหลีเหนือยิงขีปนาวุธ ลงทะเลตะวันออก เมื่อวันจันทร์\nรัฐบาลประณาม"))
                .containsExactly("กองทัพระบุว่า เกาหลีเหนือยิงขีปนาวุธ ลงทะเลตะวันออก เมื่อวันจันทร์", "รัฐบาลประณาม");
    }
}
