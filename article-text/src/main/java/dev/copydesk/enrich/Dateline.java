package dev.copydesk.enrich;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dateline that opens a wire story: {@code SEOUL, Nov. 13 (Yonhap) --}, {@code WASHINGTON (AP) —},
 * {@code LONDON, Dec 1 (Reuters) -}, {@code BERLIN (dpa) -}. Place in capitals, optionally a date as written and
 * an agency in parentheses, then a dash or double hyphen.
 */
public record Dateline(String place, String date, String agency) {

    private static final Pattern DATELINE =
            Pattern.compile("^(?<place>\\p{Lu}[\\p{Lu}\\p{M} .'’\\-]{1,40}?(?:,\\s*\\p{Lu}[\\p{L}.]{1,20})?)"
                    + "(?:,\\s*(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?"
                    + "|\\d{1,2}\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?(?:\\s+\\d{4})?))?"
                    + "\\s*(?:\\((?<agency>[^()]{2,40})\\))?"
                    + "\\s*(?:--|—|–|-|:)\\s+\\S");

    /** The dateline at the start of the first paragraph, if it has one. */
    public static Optional<Dateline> parse(String firstParagraph) {
        Matcher m = DATELINE.matcher(firstParagraph);
        if (!m.find()) {
            return Optional.empty();
        }
        String place = m.group("place").strip();
        // a capitalised opening word ("A", "THE") is no place: require two letters and a dash right after
        if (place.length() < 2 || !place.equals(place.toUpperCase(Locale.ROOT))) {
            String city = place.contains(",") ? place.substring(0, place.indexOf(',')) : place;
            if (!city.equals(city.toUpperCase(Locale.ROOT))) {
                return Optional.empty();
            }
        }
        return Optional.of(new Dateline(
                place,
                m.group("date") == null ? "" : m.group("date"),
                m.group("agency") == null ? "" : m.group("agency").strip()));
    }
}
