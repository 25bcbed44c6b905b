package dev.copydesk.clean.text;

import dev.copydesk.clean.MetadataLines;
import dev.copydesk.clean.Prose;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The third pass: the headline above the story, and the byline and date stamp near its top. */
final class Headline {

    private Headline() {}

    static final Pattern BYLINE = Pattern.compile(
            "^(?i:by|von|par|por|di)\\s+\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+(?:and\\s+)?\\p{Lu}[\\p{L}.'’\\-]*){0,4}$");

    private static final int HEADLINE_LOOKBACK = 12;

    /** The nearest line above the story that can be a headline: not chrome, a few words, no byline, no sentence run-on. */
    static int headline(List<String> lines, boolean[] chrome, int storyStart) {
        for (int i = storyStart - 1; i >= 0 && i >= storyStart - HEADLINE_LOOKBACK; i--) {
            String line = lines.get(i);
            if (chrome[i]
                    || TextLines.isListItem(line)
                    || (i > 0 && lines.get(i - 1).equals(line))) {
                continue;
            }
            if (canBeHeadline(line)) {
                return i;
            }
        }
        return -1;
    }

    /** A headline: two to thirty words (or a CJK line of some length) that is not a byline. */
    private static boolean canBeHeadline(String line) {
        int words = Prose.words(line);
        boolean spaced = words >= 2 || line.codePointCount(0, line.length()) >= 6;
        return spaced && words <= 30 && !BYLINE.matcher(line).matches();
    }

    /** The names of the first byline line above the story or in its first lines ("By Lisa Mascaro and Kevin Freking"). */
    static String byline(List<String> lines, int storyStart) {
        for (int i = 0; i < Math.min(lines.size(), storyStart + 3); i++) {
            Matcher m = BYLINE.matcher(lines.get(i));
            if (m.matches()) {
                return lines.get(i).replaceFirst("^\\S+\\s+", "").strip();
            }
        }
        return "";
    }

    /** The first date stamp line ("Published ...", a bare date) above the story or in its first lines. */
    static String stamp(List<String> lines, int storyStart) {
        for (int i = 0; i < Math.min(lines.size(), storyStart + 3); i++) {
            String line = lines.get(i);
            if (MetadataLines.isMetadata(line)
                    && line.chars().filter(Character::isDigit).count() >= 4
                    && !BYLINE.matcher(line).matches()) {
                return line;
            }
        }
        return "";
    }
}
