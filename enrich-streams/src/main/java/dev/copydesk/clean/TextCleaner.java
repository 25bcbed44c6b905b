package dev.copydesk.clean;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates the story from site chrome in text copied off a page, by the shape of the lines rather than by any
 * one site's strings:
 * <ul>
 *   <li>a <em>label line</em> is a short label followed by a colon ({@code 相关文章:}, {@code Related:},
 *       {@code 下一篇:'12.12...'}); it is chrome when nothing follows the colon (a list header) or when the label
 *       is written in another script than the story (site navigation in the site's language);</li>
 *   <li>list items ({@code - }, {@code • }, {@code * }) under such a header are chrome, up to the next line that
 *       reads like prose;</li>
 *   <li>the first remaining line is the headline, the rest the body.</li>
 * </ul>
 * This is the walking skeleton's cleaner; the line-classifier of issue #3 replaces it behind the same interface.
 */
public final class TextCleaner {

    private static final Pattern LABEL_LINE = Pattern.compile("^([^:：]{1,30}?)\\s*[:：]\\s*(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-–•*·▪►]|\\d{1,2}[.)])\\s+.+");
    private static final Pattern BYLINE = Pattern.compile("^(?i:by|von|par|por|di)\\s+\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+(?:and\\s+)?\\p{Lu}[\\p{L}.'’\\-]*){0,4}$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？]['\"’”)]*$");

    public CleanedText clean(String rawText) {
        String text = TextNormalizer.normalize(rawText);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        UnicodeScript storyScript = dominantScript(text);
        List<String> kept = new ArrayList<>();
        int removed = 0;
        boolean inChromeList = false;
        for (String line : lines) {
            if (inChromeList && (LIST_ITEM.matcher(line).matches() || !readsLikeProse(line))) {
                removed++;
                continue;
            }
            inChromeList = false;
            Matcher label = LABEL_LINE.matcher(line);
            if (label.matches() && isLabel(label.group(1))) {
                String rest = label.group(2);
                if (rest.isEmpty()) {
                    inChromeList = true;
                    removed++;
                    continue;
                }
                if (dominantScript(label.group(1)) != storyScript) {
                    removed++;
                    continue;
                }
            }
            kept.add(line);
        }
        return splitHeadline(kept, removed);
    }

    /**
     * The headline is the last line before the first prose paragraph; shorter lines above it are navigation or
     * section labels, and byline-shaped lines ({@code By LISA MASCARO}) are not headlines. Without any prose line,
     * the first line is the headline.
     */
    private static CleanedText splitHeadline(List<String> kept, int removed) {
        if (kept.isEmpty()) {
            return new CleanedText("", List.of(), removed);
        }
        int firstProse = -1;
        for (int i = 0; i < kept.size(); i++) {
            if (readsLikeProse(kept.get(i))) {
                firstProse = i;
                break;
            }
        }
        if (firstProse <= 0) {
            if (kept.size() == 1) {
                return new CleanedText("", List.copyOf(kept), removed);
            }
            return new CleanedText(kept.get(0), List.copyOf(kept.subList(1, kept.size())), removed);
        }
        int headline = -1;
        List<String> preamble = kept.subList(0, firstProse);
        for (int i = preamble.size() - 1; i >= 0; i--) {
            if (canBeHeadline(preamble.get(i))) {
                headline = i;
                break;
            }
        }
        List<String> body = new ArrayList<>();
        for (int i = headline + 1; i < firstProse; i++) {
            if (!BYLINE.matcher(kept.get(i)).matches()) {
                body.add(kept.get(i));
            }
        }
        body.addAll(kept.subList(firstProse, kept.size()));
        int dropped = kept.size() - body.size() - (headline >= 0 ? 1 : 0); // navigation above the headline, bylines
        return new CleanedText(headline >= 0 ? kept.get(headline) : "", List.copyOf(body), removed + dropped);
    }

    /** A label: a few words, no sentence punctuation, not a time like 10:30. */
    private static boolean isLabel(String candidate) {
        String s = candidate.strip();
        if (s.isEmpty() || s.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return s.split("\\s+").length <= 4 && !SENTENCE_END.matcher(s).find() && s.indexOf(',') < 0;
    }

    /** Prose: several words ending like a sentence, or a line too long to be anything else. */
    private static boolean readsLikeProse(String line) {
        int words = line.split("\\s+").length;
        return words >= 25 || (words >= 8 && SENTENCE_END.matcher(line).find());
    }

    /** A headline: a line of at most 30 words that is not a byline. */
    private static boolean canBeHeadline(String line) {
        return line.split("\\s+").length <= 30 && !BYLINE.matcher(line).matches();
    }

    /** The script most letters of the text are written in (Latin, Han, Hangul, Cyrillic...). */
    static UnicodeScript dominantScript(String text) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                counts.merge(UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(UnicodeScript.COMMON);
    }
}
