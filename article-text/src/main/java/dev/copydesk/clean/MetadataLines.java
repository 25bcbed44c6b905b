package dev.copydesk.clean;

import java.util.regex.Pattern;

/** Article metadata rendered as lines: dates, bylines, reading times, updated stamps, and rows of them. */
public final class MetadataLines {

    private MetadataLines() {}

    private static final String MONTH =
            "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                    + "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

    private static final String DATE =
            "(?:" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH
                    + ",?\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{4}年\\d{1,2}月\\d{1,2}日)";

    /**
     * Article metadata rendered as lines: a bare date or time, a byline, a reading time, an updated/published stamp.
     * The story repeats none of these as a line of its own.
     */
    private static final Pattern METADATA = Pattern.compile(
            "^(?:(?:(?:last\\s+)?(?:updated|published|posted|modified|reviewed|edited)(?:\\s+on)?:?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?"
                    + DATE + "(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?"
                    + "|(?:written|posted|reviewed|edited|reported|compiled)?\\s*by\\s*:?\\s+(?-i:[\\p{Lu}\\p{Lo}@]).{0,80}"
                    + "|(?:author|authors|autor|auteur|reporter|editor)\\s*:.{0,80}"
                    + "|\\d+\\s*(?:-\\s*)?(?:min(?:ute)?s?|m)\\.?\\s+(?:read|listen|watch)(?:ing time)?"
                    + "|(?:reading time|read time)\\s*:?.{0,20}"
                    + "|(?:last\\s+)?(?:updated|published|posted|modified|reviewed)(?:\\s+on)?\\s*:?\\s*.{0,40}\\d{4}.{0,20}"
                    + ")[.]?$",
            Pattern.CASE_INSENSITIVE);

    public static boolean isMetadata(String line) {
        if (line.length() > 140 || !mayBeMetadata(line)) {
            return false;
        }
        if (METADATA.matcher(line.strip()).matches()) {
            return true;
        }
        // a stamp row: "March 15, 2022 · 3 min read · By ASU Online", every part a stamp of its own
        if (line.indexOf('·') < 0 && line.indexOf('•') < 0 && line.indexOf('|') < 0) {
            return false; // most lines: no split
        }
        String[] parts = STAMP_SEPARATOR.split(line);
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (!METADATA.matcher(part.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern STAMP_SEPARATOR = Pattern.compile("\\s+[·•|]\\s+");

    /** How far into a line a byline's "by" can stand: after "compiled", "reported" and the like. */
    private static final int BYLINE_BY_WITHIN = 16;

    /**
     * What every shape of {@link #METADATA} needs, checked without it (JFR: the pattern was 6% of text cleaning): a
     * digit (dates, times, reading times), a colon ("Author: ..."), "by" near the start (a byline) or "read" at it
     * ("Reading time"). A stamp row's first part has one of them too.
     */
    private static boolean mayBeMetadata(String line) {
        int length = line.length();
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if (c == ':' || Character.isDigit(c)) {
                return true;
            }
        }
        for (int i = 0, end = Math.min(length - 1, BYLINE_BY_WITHIN); i < end; i++) {
            if ((line.charAt(i) | 0x20) == 'b' && (line.charAt(i + 1) | 0x20) == 'y') {
                return true;
            }
        }
        return line.regionMatches(true, 0, "read", 0, 4);
    }
}
