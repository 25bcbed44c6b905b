package dev.copydesk.enrich;

import dev.copydesk.script.Scripts;
import dev.copydesk.script.WordBreaker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gazetteer names written in scripts the capitalised-word scan cannot see: Chinese, Japanese and Thai, which have
 * no spaces and no capitals (a name is found where ICU's dictionary puts word boundaries at both its ends, so 法国
 * "France" is not found inside 非法国家 "illegal state"), and Korean, whose particles stick to the noun (미국과 is
 * 미국 "United States" + 과 "and"). Immutable and shared: the caller brings its own {@link WordBreaker}, which is not thread-safe.
 */
final class UnspacedNames {

    /** The longest Korean particle that may follow a name: 에서, 에게, 으로, 까지, 부터 ... */
    private static final int MAX_PARTICLE = 2;

    private final Map<String, String> byName = new HashMap<>();
    /** Per first character, the lengths of the names that start with it, longest first. */
    private final Map<Character, int[]> lengths = new HashMap<>();

    /** The names of {@code gazetteer} written entirely in those scripts, to what they stand for. */
    UnspacedNames(Map<String, String> gazetteer) {
        Map<Character, TreeSet<Integer>> byFirst = new HashMap<>();
        gazetteer.forEach((name, value) -> {
            if (name.length() >= 2 && name.chars().allMatch(c -> applies((char) c))) {
                byName.put(name, value);
                byFirst.computeIfAbsent(name.charAt(0), c -> new TreeSet<>()).add(name.length());
            }
        });
        byFirst.forEach((first, set) -> lengths.put(
                first, set.descendingSet().stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Whether a character is one this scan covers. */
    static boolean applies(char c) {
        return Scripts.unspaced(c) || hangul(c);
    }

    private static boolean hangul(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }

    /** What each name found in the text stands for, once per mention, in order. */
    List<String> find(String text, WordBreaker breaker) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (!applies(c)) {
                i++;
                continue;
            }
            int end = i;
            boolean korean = hangul(c);
            while (end < n && applies(text.charAt(end)) && hangul(text.charAt(end)) == korean) {
                end++;
            }
            if (korean) {
                korean(text, i, end, out);
            } else {
                unspaced(text, i, end, breaker, out);
            }
            i = end;
        }
        return out;
    }

    /** A Korean word: a name, or a name and a particle of at most {@link #MAX_PARTICLE} syllables. */
    private void korean(String text, int start, int end, List<String> out) {
        int[] candidates = lengths.get(text.charAt(start));
        if (candidates == null) {
            return;
        }
        for (int length : candidates) {
            if (length <= end - start && end - start - length <= MAX_PARTICLE) {
                String value = byName.get(text.substring(start, start + length));
                if (value != null) {
                    out.add(value);
                    return;
                }
            }
        }
    }

    /**
     * A run of Chinese, Japanese or Thai: names that start and end on word boundaries, longest first. The run is
     * segmented only when some name is in it (ICU's dictionary segmentation is most of the cost), and only as far
     * as the boundaries asked for.
     */
    private void unspaced(String text, int start, int end, WordBreaker breaker, List<String> out) {
        String run = null;
        for (int i = start; i < end; ) {
            int[] candidates = lengths.get(text.charAt(i));
            int matched = 0;
            if (candidates != null) {
                for (int length : candidates) {
                    if (i + length > end) {
                        continue;
                    }
                    String value = byName.get(text.substring(i, i + length));
                    if (value == null) {
                        continue;
                    }
                    if (run == null) {
                        run = text.substring(start, end);
                    }
                    if (breaker.isBoundary(run, i - start) && breaker.isBoundary(run, i - start + length)) {
                        out.add(value);
                        matched = length;
                        break;
                    }
                }
            }
            i += Math.max(1, matched);
        }
    }
}
