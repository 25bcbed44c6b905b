package dev.copydesk.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw input bytes into a {@link RawArticle}, or says why not: empty, binary, over the size limit, or not
 * decodable. Text is UTF-8 (a BOM is honoured, UTF-16 too); an HTML page may declare another charset in a meta tag;
 * bytes that are neither get their charset detected by ICU4J when it is confident enough (recorded in the metadata).
 */
public final class InputDecoder {

    /** Either an article or a rejection reason. */
    public record Result(RawArticle article, String rejection) {
        public boolean accepted() {
            return article != null;
        }
    }

    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);

    private final int maxBytes;

    public InputDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Result decode(RawInput input, Instant receivedAt) {
        byte[] bytes = input.bytes();
        if (bytes.length > maxBytes) {
            return rejected(
                    "too large: " + bytes.length + " bytes, the limit is " + maxBytes + " (copydesk.ingest.max.bytes)");
        }
        if (isBlank(bytes)) {
            return rejected("empty: no text");
        }
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (looksBinary(bytes)) {
            return rejected("binary: NUL or control bytes, not text (is it an image, archive or PDF?)");
        } else {
            charset = declaredCharset(bytes).orElse(StandardCharsets.UTF_8);
        }
        String text;
        String detected = null;
        try {
            text = strictDecoder(charset)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            // not what it says (or not UTF-8, saying nothing): let ICU guess from the byte statistics
            Optional<Detected> guess = skip == 0 ? detectCharset(bytes) : Optional.empty();
            if (guess.isEmpty()) {
                return rejected(
                        "undecodable: not valid " + charset.name() + " (" + e.getMessage()
                                + ") and no other charset fits it well; convert it to UTF-8 or declare its charset in a <meta charset> tag");
            }
            charset = guess.get().charset();
            text = guess.get().text();
            detected = String.valueOf(guess.get().confidence());
        }
        if (text.isBlank()) {
            return rejected("empty: no text");
        }
        ContentType type = isHtml(input.sourceRef(), text) ? ContentType.HTML : ContentType.TEXT;
        Map<String, String> metadata = new HashMap<>();
        metadata.put("charset", charset.name());
        if (detected != null) {
            metadata.put("charsetConfidence", detected); // detected, not declared: ICU's confidence, 0-100
        }
        metadata.put("bytes", String.valueOf(bytes.length));
        RawArticle article = RawArticle.newBuilder()
                .setId(articleId(input.sourceRef(), bytes))
                .setSourceRef(input.sourceRef())
                .setReceivedAt(receivedAt)
                .setContentType(type)
                .setText(text)
                .setMetadata(metadata)
                .build();
        return new Result(article, null);
    }

    /** Stable id: the same source with the same bytes always gets the same id, so re-sending is idempotent. */
    public static String articleId(String sourceRef, byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(sourceRef.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result rejected(String reason) {
        return new Result(null, reason);
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private record Detected(Charset charset, String text, int confidence) {}

    /** Lowest ICU confidence taken: below it, guesses on short Latin text are coin tosses between single-byte charsets. */
    static final int MIN_CONFIDENCE = 20;

    /** ICU4J's statistical detector (Shift_JIS, EUC-KR, GB18030, Big5, KOI8-R, windows-125x, ISO-8859-x...). */
    private static Optional<Detected> detectCharset(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch[] matches = detector.detectAll();
        if (matches == null) {
            return Optional.empty();
        }
        for (CharsetMatch match : matches) {
            if (match.getConfidence() < MIN_CONFIDENCE) {
                break;
            }
            try {
                Charset charset = Charset.forName(match.getName());
                String text =
                        strictDecoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
                return Optional.of(new Detected(charset, text, match.getConfidence()));
            } catch (CharacterCodingException | IllegalCharsetNameException | UnsupportedCharsetException e) {
                // the next candidate, then
            }
        }
        return Optional.empty();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A NUL byte, or more than 5% C0 control bytes other than tab, newline, CR, form feed, in the first 8 KB. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
                controls++;
            }
        }
        return controls * 20 > n;
    }

    private static Optional<Charset> declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            try {
                return Optional.of(Charset.forName(m.group(1).trim()));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean isHtml(String sourceRef, String text) {
        String name = sourceRef.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".html.gz")) {
            return true;
        }
        String start = text.stripLeading();
        start = start.substring(0, Math.min(start.length(), 64)).toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }
}
