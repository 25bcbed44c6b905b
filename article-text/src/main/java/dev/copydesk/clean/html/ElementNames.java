package dev.copydesk.clean.html;

import dev.copydesk.clean.PhraseList;
import java.util.List;
import java.util.Set;

/**
 * Furniture words in class and id names: how strongly an element's names say it is page furniture
 * ({@link #STRONG}, {@link #WEAK} for layout words that some sites also give the story's wrapper, or {@link #NONE}).
 */
final class ElementNames {

    private ElementNames() {}

    /**
     * Class/id fragments of page furniture, matched anywhere in a name ({@code sharedaddy}, {@code relatedPosts}) by
     * {@code indexOf} on the lower-cased names: the same words
     * as one case-insensitive regex alternation took a third of all HTML extraction on real pages (long utility-class
     * lists tried every alternative at every position).
     */
    private static final List<String> NEGATIVE = PhraseList.of(ElementNames.class, "furniture-names.txt");

    /** Names that hold a furniture word but mark the article itself ("promoted": Drupal's node--promoted). */
    private static final List<String> NOT_NEGATIVE = List.of("promoted");

    /** Short furniture words, matched only as a whole part of a name ({@code ad}, {@code nav-main}, {@code tags}). */
    private static final Set<String> NEGATIVE_PART =
            Set.copyOf(PhraseList.of(ElementNames.class, "furniture-name-parts.txt"));

    /** The placements that make "side" a layout word ({@link #isPlacement}). */
    private static final List<String> PLACEMENTS = List.of("left", "right");

    /**
     * Layout words that name a story's own wrapper on some sites ("toc-para", "hub--header"): furniture only without
     * prose. Tried as weak and left strong, each losing more than it gained on the dev pages: menu, nav, aside, rail
     * (a sidebar's prose came in), tag, caption, credit (no change), teaser, slider, popular, ad, cta. "callout" is
     * no furniture word at all: callouts are the story's fact boxes and key points far more often than promotions.
     */
    private static final Set<String> WEAK_PART = Set.of("toc", "header", "meta");

    /**
     * Furniture words matched anywhere that also name a folded answer or story ("ReadMoreAnswer_answerText"): weak,
     * like {@link #WEAK_PART}.
     */
    private static final List<String> WEAK_WORDS = List.of("readmore", "read-more");

    static final int NONE = 0;

    static final int WEAK = 1;

    static final int STRONG = 2;

    static int nameWeight(String names) {
        if (names.isBlank()) {
            return NONE;
        }
        String lower = asciiLowerCase(names);
        for (String falseFriend : NOT_NEGATIVE) {
            if (lower.contains(falseFriend)) {
                lower = lower.replace(falseFriend, " ");
            }
        }
        for (String word : NEGATIVE) {
            if (lower.contains(word)) {
                return STRONG;
            }
        }
        int weight = NONE;
        for (String word : WEAK_WORDS) {
            if (lower.contains(word)) {
                weight = WEAK;
                break;
            }
        }
        // the parts between spaces, underscores and hyphens
        for (int i = 0, n = lower.length(); i < n; ) {
            while (i < n && isNameSeparator(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isNameSeparator(lower.charAt(i))) {
                i++;
            }
            if (i > start) {
                String part = lower.substring(start, i);
                if (WEAK_PART.contains(part)) {
                    weight = WEAK;
                } else if (NEGATIVE_PART.contains(part) && !("side".equals(part) && isPlacement(lower, i))) {
                    return STRONG;
                }
            }
        }
        return weight;
    }

    /**
     * Whether the name part ending at {@code end} is followed by a placement: "side" names a sidebar
     * ("zox-side-wrap", "post-side-widget") except in "icon-side-right" or "image-side-left", which say where
     * something sits in the story.
     */
    private static boolean isPlacement(String lower, int end) {
        if (end >= lower.length() || lower.charAt(end) != '-') {
            return false;
        }
        for (String placement : PLACEMENTS) {
            if (lower.startsWith(placement, end + 1)
                    && (end + 1 + placement.length() == lower.length()
                            || isNameSeparator(lower.charAt(end + 1 + placement.length())))) {
                return true;
            }
        }
        return false;
    }

    static boolean isNameSeparator(char c) {
        return c == '_' || c == '-' || Character.isWhitespace(c);
    }

    /** ASCII letters lower-cased, nothing else touched: what a case-insensitive regex did to these names. */
    static String asciiLowerCase(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = (char) (c + 32);
            }
        }
        return out == null ? s : new String(out);
    }
}
