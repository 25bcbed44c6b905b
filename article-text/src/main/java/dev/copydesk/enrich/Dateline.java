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

    /** A date as a dateline writes it: "Nov. 13", "Dec 1, 2023", "13 November". */
    private static final String DATE =
            "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?"
                    + "|\\d{1,2}\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?(?:\\s+\\d{4})?";

    private static final Pattern DATELINE =
            Pattern.compile("^(?<place>\\p{Lu}[\\p{Lu}\\p{M} .'’\\-]{1,40}?(?:,\\s*\\p{Lu}[\\p{L}.]{1,20})?)"
                    + "(?:,\\s*(?<date>" + DATE + "))?"
                    + "\\s*(?:\\((?<agency>[^()]{2,40})\\))?"
                    + "\\s*(?:--|—|–|-|:)\\s+\\S");

    private static final Pattern DATE_ALONE = Pattern.compile(DATE);

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
        String date = m.group("date") == null ? "" : m.group("date");
        String agency = m.group("agency") == null ? "" : m.group("agency").strip();
        if (date.isEmpty() && DATE_ALONE.matcher(agency).matches()) {
            date = agency; // "WASHINGTON (January 24, 2017) —": a date in the parentheses, no agency
            agency = "";
        }
        return Optional.of(new Dateline(place, date, agency));
    }
}
