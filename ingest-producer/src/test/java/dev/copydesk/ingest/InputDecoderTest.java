package dev.copydesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.avro.ContentType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InputDecoderTest {

    private final InputDecoder decoder = new InputDecoder(1024);
    private final Instant now = Instant.parse("2026-11-27T10:00:00Z");

    private InputDecoder.Result decode(String ref, byte[] bytes) {
        return decoder.decode(new RawInput(ref, bytes), now);
    }

    @Test
    void plainUtf8TextBecomesATextArticleWithAStableId() {
        byte[] bytes = "SEOUL, Nov. 13 (Yonhap) -- 서울".getBytes(StandardCharsets.UTF_8);
        InputDecoder.Result r = decode("wire/a.txt", bytes);
        assertThat(r.accepted()).isTrue();
        assertThat(r.article().getText()).isEqualTo("SEOUL, Nov. 13 (Yonhap) -- 서울");
        assertThat(r.article().getContentType()).isEqualTo(ContentType.TEXT);
        assertThat(r.article().getReceivedAt()).isEqualTo(now);
        assertThat(r.article().getId())
                .isEqualTo(decode("wire/a.txt", bytes).article().getId())
                .hasSize(24);
        assertThat(decode("wire/b.txt", bytes).article().getId())
                .isNotEqualTo(r.article().getId());
    }

    @Test
    void emptyAndWhitespaceOnlyInputsAreRejected() {
        assertThat(decode("e.txt", new byte[0]).rejection()).startsWith("empty");
        assertThat(decode("e.txt", " \n\t\r\n".getBytes(StandardCharsets.UTF_8)).rejection())
                .startsWith("empty");
        assertThat(decode("e.txt", "\uFEFF  ".getBytes(StandardCharsets.UTF_8)).rejection())
                .startsWith("empty");
    }

    @Test
    void binaryInputIsRejected() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(decode("photo.txt", png).rejection()).startsWith("binary");
    }

    @Test
    void oversizedInputIsRejectedWithTheLimit() {
        assertThat(decode("big.txt", new byte[1025]).rejection())
                .contains("too large")
                .contains("1024");
    }

    @Test
    void textInLegacyCharsetsIsDetectedAndDecoded() {
        String[][] cases = {
            {"Shift_JIS", "東京電力は十三日、福島第一原子力発電所の処理水について、海洋放出の計画を予定通り進めると発表した。関係者によると、放出は来月にも始まる見通しだ。"},
            {"EUC-KR", "서울 연합뉴스 국방부는 13일 한미 국방장관이 연례안보협의회의를 열고 맞춤형 억제전략을 논의했다고 밝혔다. 양국은 북한의 핵 위협에 공동으로 대응하기로 했다."},
            {"GB18030", "新华社北京十一月十三日电 国务院新闻办公室十三日举行新闻发布会，介绍今年前十个月国民经济运行情况。发言人表示，经济持续恢复向好。"},
            {
                "KOI8-R",
                "МОСКВА, 13 ноября. Правительство утвердило новый порядок расчёта тарифов на электроэнергию для промышленных предприятий и населения."
            },
            {
                "windows-1252",
                "PARIS (AFP) - Les syndicats de la fonction publique ont appelé à une grève générale jeudi, réclamant une revalorisation des salaires et l'abandon de la réforme."
            },
        };
        for (String[] c : cases) {
            InputDecoder.Result result = decode("legacy.txt", c[1].getBytes(Charset.forName(c[0])));
            assertThat(result.accepted()).as(c[0] + ": " + result.rejection()).isTrue();
            assertThat(result.article().getText()).as(c[0]).isEqualTo(c[1]);
            assertThat(result.article().getMetadata()).containsKey("charsetConfidence");
        }
    }

    @Test
    void bytesNoCharsetFitsAreRejectedAsUndecodable() {
        byte[] noise = new byte[64];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (0x80 + (i * 37) % 0x7F);
        }
        InputDecoder.Result result = decode("noise.txt", noise);
        assertThat(result.accepted()).isFalse();
        assertThat(result.rejection()).startsWith("undecodable").contains("UTF-8");
    }

    @Test
    void byteOrderMarksAndDeclaredHtmlCharsetsAreHonoured() {
        byte[] utf16 = "\uFEFFBERLIN (dpa) - Grüße".getBytes(StandardCharsets.UTF_16BE);
        assertThat(decode("b.txt", utf16).article().getText()).isEqualTo("BERLIN (dpa) - Grüße");
        byte[] cp1252 = "<html><head><meta charset=\"windows-1252\"></head><body>caf\u00e9 \u2014 ok</body></html>"
                .getBytes(Charset.forName("windows-1252"));
        InputDecoder.Result html = decode("page.htm", cp1252);
        assertThat(html.article().getText()).contains("café — ok");
        assertThat(html.article().getContentType()).isEqualTo(ContentType.HTML);
        assertThat(html.article().getMetadata()).containsEntry("charset", "windows-1252");
    }

    @Test
    void htmlIsRecognisedByNameOrByContent() {
        assertThat(InputDecoder.isHtml("x.txt", "  <!DOCTYPE html><html>")).isTrue();
        assertThat(InputDecoder.isHtml("x.html", "hello")).isTrue();
        assertThat(InputDecoder.isHtml("x.txt", "hello <b>world</b>")).isFalse();
    }
}
