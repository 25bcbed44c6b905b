package dev.copydesk.clean;

import java.text.Normalizer;

/**
 * Unicode and whitespace normalisation applied to every input: NFC, line endings to {@code \n}, control and
 * zero-width characters out (tab becomes a space), runs of spaces (including no-break and other Unicode spaces)
 * folded to one, lines trimmed, runs of blank lines folded to one.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    public static String normalize(String text) {
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        char[] out = new char[nfc.length()]; // a plain array: StringBuilder.append per char cost most of this method
        int n = 0;
        boolean pendingSpace = false;
        int newlines = 0;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c > ' ' && c < 0x7F) { // printable ASCII, most of most text: kept as is, without the tables below
                if (pendingSpace) {
                    out[n++] = ' ';
                    pendingSpace = false;
                }
                newlines = 0;
                out[n++] = c;
                continue;
            }
            if (c == '\r') {
                if (i + 1 < nfc.length() && nfc.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                pendingSpace = false;
                if (n > 0 && newlines < 2) {
                    out[n++] = '\n';
                }
                newlines++;
                continue;
            }
            if (c == '\t' || Character.isSpaceChar(c)) {
                pendingSpace = n > 0 && newlines == 0;
                continue;
            }
            if (isInvisible(c)) {
                continue;
            }
            if (pendingSpace) {
                out[n++] = ' ';
                pendingSpace = false;
            }
            newlines = 0;
            out[n++] = c;
        }
        while (n > 0 && out[n - 1] == '\n') {
            n--;
        }
        return new String(out, 0, n);
    }

    /** Control characters, zero-width characters, BOMs and directional marks: nothing a reader sees. */
    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || c == '\uFEFF';
    }
}
