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
        assertThat(r.article().getId()).isEqualTo(decode("wire/a.txt", bytes).article().getId()).hasSize(24);
        assertThat(decode("wire/b.txt", bytes).article().getId()).isNotEqualTo(r.article().getId());
    }

    @Test
    void emptyAndWhitespaceOnlyInputsAreRejected() {
        assertThat(decode("e.txt", new byte[0]).rejection()).startsWith("empty");
        assertThat(decode("e.txt", " \n\t\r\n".getBytes(StandardCharsets.UTF_8)).rejection()).startsWith("empty");
        assertThat(decode("e.txt", "\uFEFF  ".getBytes(StandardCharsets.UTF_8)).rejection()).startsWith("empty");
    }

    @Test
    void binaryInputIsRejected() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(decode("photo.txt", png).rejection()).startsWith("binary");
    }

    @Test
    void oversizedInputIsRejectedWithTheLimit() {
        assertThat(decode("big.txt", new byte[1025]).rejection()).contains("too large").contains("1024");
    }

    @Test
    void invalidUtf8IsRejectedAsUndecodable() {
        byte[] latin1 = "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(decode("cafe.txt", latin1).rejection()).startsWith("undecodable").contains("UTF-8");
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
