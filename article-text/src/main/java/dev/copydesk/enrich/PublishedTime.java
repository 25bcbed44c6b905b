package dev.copydesk.enrich;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publish time stated in copy ({@code Published 2023-11-13 10:30 KST}, {@code Updated: Nov. 13, 2023 3:05 p.m. EST},
 * {@code 13 November 2023}) as ISO-8601, keeping what the copy says and no more: an offset when it names one (or
 * a zone abbreviation copydesk knows), a local time when it gives no zone, a date when it gives no time.
 */
public final class PublishedTime {

    private static final String MONTHS =
            "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String TIME =
            "(?:,?\\s*(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*(?:\\(?([A-Z]{2,4}|UTC[+-]\\d{1,2}|GMT[+-]\\d{1,2})\\)?)?)?";
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2}|[A-Z]{2,4})?)?");
    private static final Pattern MONTH_FIRST =
            Pattern.compile(MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME, Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTHS + ",?\\s+(\\d{4})" + TIME, Pattern.CASE_INSENSITIVE);
    /** Zone abbreviations news sites print, with their offsets (standard time unless the name says daylight). */
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UTC", "Z"),
            Map.entry("GMT", "Z"),
            Map.entry("Z", "Z"),
            Map.entry("KST", "+09:00"),
            Map.entry("JST", "+09:00"),
            Map.entry("CST", "-06:00"),
            Map.entry("EST", "-05:00"),
            Map.entry("EDT", "-04:00"),
            Map.entry("CDT", "-05:00"),
            Map.entry("MST", "-07:00"),
            Map.entry("MDT", "-06:00"),
            Map.entry("PST", "-08:00"),
            Map.entry("PDT", "-07:00"),
            Map.entry("BST", "+01:00"),
            Map.entry("CET", "+01:00"),
            Map.entry("CEST", "+02:00"),
            Map.entry("IST", "+05:30"),
            Map.entry("AEST", "+10:00"),
            Map.entry("AEDT", "+11:00"),
            Map.entry("HKT", "+08:00"),
            Map.entry("SGT", "+08:00"),
            Map.entry("WIB", "+07:00"),
            Map.entry("MSK", "+03:00"),
            Map.entry("EET", "+02:00"),
            Map.entry("EEST", "+03:00"),
            Map.entry("WET", "Z"));

    private PublishedTime() {}

    public static Optional<String> parse(String line) {
        try {
            Matcher iso = ISO.matcher(line);
            if (iso.find()) {
                LocalDate date = LocalDate.of(
                        Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
                if (iso.group(4) == null) {
                    return Optional.of(date.toString());
                }
                LocalTime time = LocalTime.of(
                        Integer.parseInt(iso.group(4)),
                        Integer.parseInt(iso.group(5)),
                        iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)));
                return Optional.of(withZone(LocalDateTime.of(date, time), iso.group(7)));
            }
            for (Pattern p : new Pattern[] {MONTH_FIRST, DAY_FIRST}) {
                Matcher m = p.matcher(line);
                if (m.find()) {
                    boolean monthFirst = p == MONTH_FIRST;
                    int month = month(m.group(monthFirst ? 1 : 2));
                    int day = Integer.parseInt(m.group(monthFirst ? 2 : 1));
                    LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), month, day);
                    if (m.group(4) == null) {
                        return Optional.of(date.toString());
                    }
                    int hour = Integer.parseInt(m.group(4));
                    String half = m.group(7) == null
                            ? ""
                            : m.group(7).toLowerCase(Locale.ROOT).replace(".", "");
                    if (half.equals("pm") && hour < 12) {
                        hour += 12;
                    } else if (half.equals("am") && hour == 12) {
                        hour = 0;
                    }
                    LocalTime time = LocalTime.of(
                            hour, Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                    return Optional.of(withZone(LocalDateTime.of(date, time), m.group(8)));
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            // an impossible date (Feb 30) is no date
        }
        return Optional.empty();
    }

    private static String withZone(LocalDateTime local, String zone) {
        if (zone == null || zone.isBlank()) {
            return local.toString();
        }
        String offset = ZONES.get(zone);
        if (offset == null && (zone.startsWith("+") || zone.startsWith("-"))) {
            offset = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
        }
        if (offset == null && (zone.startsWith("UTC") || zone.startsWith("GMT"))) {
            int hours = Integer.parseInt(zone.substring(3));
            offset = ZoneOffset.ofHours(hours).getId();
        }
        if (offset == null) {
            return local.toString(); // an abbreviation we do not know: keep the local time rather than guess
        }
        return OffsetDateTime.of(local, offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset))
                .toString();
    }

    private static int month(String name) {
        String m = name.toLowerCase(Locale.ROOT).replace(".", "");
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (m.startsWith(months[i])) {
                return i + 1;
            }
        }
        throw new NumberFormatException(name);
    }
}
