package dev.copydesk.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How often a story names a person: the full name, and the short form ("Austin" for "Lloyd Austin") where it
 * stands alone, not inside another name.
 */
final class Mentions {

    private Mentions() {}

    static String shortForm(String name) {
        String[] words = name.split("\\s+");
        // East Asian order with a hyphenated given name: the family name comes first (Kim Jong-un, Shin Won-sik);
        // a capital after the hyphen is a family name's ("Farah Al-Ibrahim", "Sergio Martínez-Beltrán")
        int hyphen = words.length == 2 ? words[1].indexOf('-') : -1;
        if (hyphen > 0 && hyphen + 1 < words[1].length() && Character.isLowerCase(words[1].charAt(hyphen + 1))) {
            return words[0];
        }
        int last = words.length - 1;
        while (last > 1 && GENERATIONS.contains(words[last])) {
            last--; // "Lloyd J. Austin III" is Austin, "Martin Luther King Jr." is King
        }
        return words[last];
    }

    private static final Set<String> GENERATIONS = Set.of("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV");

    /**
     * Mentions by full name plus mentions by the short form alone, reading the text left to right: a full name's
     * words are one mention, and its short form inside it is not another. Found through where each word stands
     * ({@code positions}), not by comparing every token with every person's name.
     */
    static int countMentions(
            List<EntityRecognizer.Token> tokens,
            Map<String, List<Integer>> positions,
            String fullName,
            String shortForm) {
        String[] parts = words(fullName);
        String[] shortParts = words(shortForm);
        int full = 0;
        int end = 0; // tokens before this one belong to a full-name mention already counted
        List<int[]> spans = new ArrayList<>();
        for (int i : positions.getOrDefault(parts[0], List.of())) {
            if (i < end || i + parts.length > tokens.size()) {
                continue;
            }
            boolean whole = true;
            for (int k = 1; whole && k < parts.length; k++) {
                whole = tokens.get(i + k).text().equals(parts[k]);
            }
            if (whole) {
                full++;
                end = i + parts.length;
                spans.add(new int[] {i, end});
            }
        }
        int shortAlone = 0;
        int span = 0;
        for (int i : positions.getOrDefault(shortParts[0], List.of())) {
            while (span < spans.size() && spans.get(span)[1] <= i) {
                span++;
            }
            if ((span == spans.size() || i < spans.get(span)[0]) && startsAt(tokens, i, shortParts)) {
                shortAlone++;
            }
        }
        return full + shortAlone;
    }

    /** A name's words as the tokenizer reads them: it splits "Al-Ibrahim" in two, keeps "Won-sik" whole. */
    private static String[] words(String name) {
        return name.indexOf('-') < 0 ? name.split(" ") : WORD_BREAK.split(name);
    }

    private static final Pattern WORD_BREAK = Pattern.compile(" |-(?=\\p{Lu})");

    private static boolean startsAt(List<EntityRecognizer.Token> tokens, int i, String[] words) {
        if (i + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!tokens.get(i + k).text().equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** Where each person's first word and short form stand in the text, in token order. */
    static Map<String, List<Integer>> positions(List<EntityRecognizer.Token> tokens, Map<String, String> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Integer>> positions = new HashMap<>();
        for (Map.Entry<String, String> person : people.entrySet()) {
            positions.putIfAbsent(words(person.getKey())[0], new ArrayList<>());
            positions.putIfAbsent(words(person.getValue())[0], new ArrayList<>());
        }
        for (int i = 0; i < tokens.size(); i++) {
            List<Integer> at = positions.get(tokens.get(i).text());
            if (at != null) {
                at.add(i);
            }
        }
        return positions;
    }
}
