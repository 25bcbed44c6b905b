package dev.copydesk.clean;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private MojibakeRepair() {}

    public static String repair(String text) {
        if (!mayBeMojibake(text)) {
            return text;
        }
        // a whole page of accented text reaches here: jump from one candidate character to the next, and cut out
        // and try only the word (run of non-space) around it; the text is copied only once a word actually changes
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = text.length();
        while (true) {
            int candidate = nextCandidate(text, i);
            if (candidate < 0) {
                break;
            }
            int start = candidate;
            while (start > i && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            int end = candidate;
            while (end < n && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            String run = text.substring(start, end);
            String repaired = repairWord(run);
            if (!repaired.equals(run)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, start).append(repaired);
                copied = end;
            }
            i = end;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Lead bytes of 2–4 byte UTF-8 sequences show up as Â..ô; without one of them there is nothing to repair. */
    private static boolean mayBeMojibake(String text) {
        return nextCandidate(text, 0) >= 0;
    }

    private static int nextCandidate(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u00C2' && c <= '\u00F4') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The five bytes Windows-1252 leaves undefined; decoders that map them to U+FFFD lose which one it was. Tried
     * most likely first: 0x9D ends the right double quote (E2 80 9D), by far the most common case.
     */
    private static final byte[] UNDEFINED = {(byte) 0x9D, (byte) 0x90, (byte) 0x81, (byte) 0x8D, (byte) 0x8F};

    private static String repairWord(String word) {
        if (!mayBeMojibake(word)) {
            return word;
        }
        byte[] bytes = new byte[word.length()];
        List<Integer> lost = new ArrayList<>();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x80 || (c >= 0xA0 && c <= 0xFF) || (c >= 0x80 && c <= 0x9F && !CP1252_HIGH.containsKey(c))) {
                bytes[i] = (byte) c;
            } else if (CP1252_HIGH.containsKey(c)) {
                bytes[i] = CP1252_HIGH.get(c);
            } else if (c == '\uFFFD' && lost.size() < 2) {
                lost.add(i);
            } else {
                return word; // a character Windows-1252 cannot hold: this word was never mis-decoded
            }
        }
        return decode(bytes, lost, 0)
                .filter(repaired -> repaired.length() < word.length())
                .orElse(word);
    }

    /** Strict UTF-8 of the bytes, trying each undefined byte where the mis-decoding left a U+FFFD. */
    private static Optional<String> decode(byte[] bytes, List<Integer> lost, int next) {
        if (next == lost.size()) {
            CharsetDecoder strict = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                String text = strict.decode(ByteBuffer.wrap(bytes)).toString();
                // a guess that yields an invisible or space character is a wrong guess
                return lost.isEmpty()
                                || text.codePoints()
                                        .noneMatch(cp -> Character.isSpaceChar(cp)
                                                || Character.getType(cp) == Character.FORMAT
                                                || Character.getType(cp) == Character.CONTROL)
                        ? Optional.of(text)
                        : Optional.empty();
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
        }
        for (byte candidate : UNDEFINED) {
            bytes[lost.get(next)] = candidate;
            Optional<String> decoded = decode(bytes, lost, next + 1);
            if (decoded.isPresent()) {
                return decoded;
            }
        }
        return Optional.empty();
    }
}
