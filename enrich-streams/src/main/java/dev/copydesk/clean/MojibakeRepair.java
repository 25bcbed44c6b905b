package dev.copydesk.clean;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Repairs UTF-8 text that was decoded as Windows-1252 somewhere upstream ({@code CafÃ©} → {@code Café},
 * {@code â€™} → {@code ’}). Word by word: a run of non-space characters is re-encoded to Windows-1252 bytes and
 * decoded as strict UTF-8; the repair is taken only when that succeeds and yields non-ASCII text, so correct
 * accented text (an {@code é} followed by ASCII is not valid UTF-8) is never touched. No library on Maven
 * Central does this (Python's ftfy has no Java counterpart), and the rule is small.
 */
public final class MojibakeRepair {

    /** Windows-1252's characters in 0x80–0x9F, the ones that differ from Latin-1. */
    private static final Map<Character, Byte> CP1252_HIGH = new HashMap<>();

    static {
        String chars = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
        for (int i = 0; i < chars.length(); i++) {
            CP1252_HIGH.put(chars.charAt(i), (byte) (0x80 + i));
        }
    }

    private MojibakeRepair() {
    }

    public static String repair(String text) {
        if (!mayBeMojibake(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = i;
            boolean space = Character.isWhitespace(text.charAt(i));
            while (i < text.length() && Character.isWhitespace(text.charAt(i)) == space) {
                i++;
            }
            String run = text.substring(start, i);
            out.append(space ? run : repairWord(run));
        }
        return out.toString();
    }

    /** Lead bytes of 2–4 byte UTF-8 sequences show up as Â..ô; without one of them there is nothing to repair. */
    private static boolean mayBeMojibake(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u00C2' && c <= '\u00F4') {
                return true;
            }
        }
        return false;
    }

    private static String repairWord(String word) {
        if (!mayBeMojibake(word)) {
            return word;
        }
        byte[] bytes = new byte[word.length()];
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x80 || (c >= 0xA0 && c <= 0xFF) || (c >= 0x80 && c <= 0x9F && !CP1252_HIGH.containsKey(c))) {
                bytes[i] = (byte) c;
            } else if (CP1252_HIGH.containsKey(c)) {
                bytes[i] = CP1252_HIGH.get(c);
            } else {
                return word; // a character Windows-1252 cannot hold: this word was never mis-decoded
            }
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer decoded = strict.decode(ByteBuffer.wrap(bytes));
            String repaired = decoded.toString();
            return repaired.length() < word.length() ? repaired : word;
        } catch (CharacterCodingException e) {
            return word;
        }
    }
}
