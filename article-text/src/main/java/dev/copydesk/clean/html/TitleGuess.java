package dev.copydesk.clean.html;

import dev.copydesk.clean.TextNormalizer;
import java.util.regex.Pattern;

/** The headline inside a document title such as {@code Headline | Site} or {@code Site - Headline}. */
final class TitleGuess {

    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|–—\\-·:»/]\\s+");

    private TitleGuess() {}

    /** The longest part between site-name separators; the whole title when no part has three words. */
    static String fromDocumentTitle(String title) {
        String t = TextNormalizer.normalize(title == null ? "" : title)
                .replace('\n', ' ')
                .strip();
        String best = "";
        for (String part : SEPARATOR.split(t)) {
            if (part.length() > best.length()) {
                best = part.strip();
            }
        }
        return best.split("\\s+").length >= 3 ? best : t;
    }
}
