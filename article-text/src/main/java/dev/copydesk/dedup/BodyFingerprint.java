package dev.copydesk.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The exact-duplicate fingerprint of a cleaned body: SHA-256 of the text folded so that copies differing only
 * in case, quote style, dashes, whitespace or paragraph breaks get the same value; in full-width or half-width forms
 * (NFKC), CJK punctuation, or spaces next to Chinese and Japanese characters too.
 */
public final class BodyFingerprint {

    private BodyFingerprint() {}

    public static String of(String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(fold(body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** A character of Chinese or Japanese (ideograph, kana) or the CJK punctuation between them. */
    private static boolean unspaced(char c) {
        return c >= '\u3000' && c <= '\u30FF' || c >= '\u3400' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF';
    }

    static String fold(String body) {
        // NFKC is the slow part; ASCII text is already in NFKC, so only other text pays for it
        String s = isAscii(body) ? body : Normalizer.normalize(body, Normalizer.Form.NFKC);
        char[] out = new char[s.length()]; // a plain array: StringBuilder.append per char was half of this method
        int n = 0;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x7F && c != '`') { // printable ASCII, most of most text: only case folds
                if (space) {
                    out[n++] = ' ';
                    space = false;
                }
                out[n++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                continue;
            }
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4' -> c = '\'';
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> c = '"';
                case '\u300C', '\u300D', '\u300E', '\u300F', '\u300A', '\u300B', '\u3008', '\u3009' -> c = '"';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> c = '-';
                case '\u3002', '\uFF61' -> c = '.'; // ideographic full stop, its half-width form
                case '\u3001', '\uFF64' -> c = ','; // ideographic comma
                case '\u3010', '\u3014' -> c = '[';
                case '\u3011', '\u3015' -> c = ']';
                default -> {}
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = n > 0;
                continue;
            }
            if (space) {
                // Chinese and Japanese need no spaces: a copy that puts them around a Latin word or between
                // sentences, or takes them out, is the same text
                if (!unspaced(out[n - 1]) && !unspaced(c)) {
                    out[n++] = ' ';
                }
                space = false;
            }
            out[n++] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
        }
        return new String(out, 0, n);
    }
}
