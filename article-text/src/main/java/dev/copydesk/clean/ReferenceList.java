package dev.copydesk.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a story's reference list out: a run of citations ("Pierceall EA, Keim MC. Stress and Coping ... 2007
 * Sep;31(9):703-712. [CrossRef]", "Mayo Clinic. Ergonomics ... Retrieved from mayoclinic.org") and the short
 * heading over it. Articles that cite their sources list them like papers do, under the story; the list is the
 * sources', not the story's text, and reads as prose to every other rule. Found by the shape of a citation (a year
 * and a journal's volume and pages, a DOI, "et al.", "Retrieved from", an author's initials, an APA year, an MLA
 * quoted title before a web address), not by
 * what the heading says, so it holds for any site. The length check comes first: the patterns never run over a
 * long paragraph.
 */
public final class ReferenceList {

    /** Citations in a row that make a list: one alone may be a sentence that quotes a paper. */
    static final int MIN_RUN = 2;
    /** A citation is no longer than this; a paragraph of prose that names a paper is. */
    private static final int MAX_CITATION = 600;

    private static final String YEAR = "(?:1[89]\\d\\d|20\\d\\d)";
    /**
     * The marks of a citation, each with a string its match must contain (lower case) and whether it opens the entry.
     * One alternation tried with {@code find()} at every position of every paragraph that names a year cost two
     * fifths of text cleaning on the wire samples (JFR, 8,100 -> 5,000 stories/s); a {@code contains} first and
     * {@code lookingAt} for the opening marks skip nearly all of it.
     */
    private static final List<Mark> CITATION_MARKS = List.of(
            new Mark("et al", false, "\\bet al\\b"),
            new Mark("retrieved ", false, "(?i:\\bretrieved (?:from|on)\\b)"),
            new Mark("accessed", false, "(?i:\\[accessed\\b|\\baccessed (?:on )?\\d)"),
            new Mark("doi", false, "(?i:\\bdoi\\b|doi\\.org/)"),
            new Mark(
                    ";",
                    false,
                    YEAR + "\\s*(?:\\w{3}\\s*)?;\\s*\\d+\\s*(?:\\(\\d+\\))?\\s*:\\s*\\w?\\d+"), // 2007 Sep;31(9):703
            new Mark("(", false, "\\b\\d+\\s*\\(\\d+\\)\\s*:\\s*\\d+"), // 31(9):703
            new Mark("p.", false, "\\bpp?\\.\\s*\\d+"),
            new Mark("vol.", false, "(?i:\\bvol\\.\\s*\\d+)"),
            new Mark("", true, "\\p{Lu}[\\p{L}'’-]+,? (?:\\p{Lu}\\.?\\s?){1,3}[,.]"), // Keim MC. / Smith, J.
            new Mark(
                    "(",
                    true,
                    "[^.()]{2,120}\\(" + YEAR + "[a-z]?(?:, [^)]{1,20})?\\)\\."), // APA: Smith, J., & Lee, K. (2019).
            new Mark("[", false, "\\[(?:CrossRef|Medline|PubMed|Google Scholar)\\]"),
            // MLA: [Author. ]“Title.” Site, [22 Jan. 2025, ]https://... (opening the entry; a comma before the address)
            new Mark("http", true, "(?:[^“”\"]{1,100}\\. )?[“\"][^“”\"]{1,200}[.?!][”\"][^“”\"]{1,150},\\s*https?://"));

    /**
     * One mark of a citation. {@code needle} is in every match, so a paragraph without it (lower-cased: a superset of
     * what the case-insensitive marks match) is not tried; an opening mark is tried at the paragraph's start only.
     */
    private record Mark(String needle, boolean opening, Pattern pattern) {
        Mark(String needle, boolean opening, String regex) {
            this(needle, opening, Pattern.compile(regex));
        }

        boolean in(String text, String lower) {
            if (!lower.contains(needle)) {
                return false;
            }
            Matcher m = pattern.matcher(text);
            return opening ? m.lookingAt() : m.find();
        }
    }

    /** A heading over the list: short, and not a sentence. */
    private static final int MAX_HEADING = 40;

    private ReferenceList() {}

    /** The paragraphs without the first reference list found after the story's first third (the same list if none). */
    public static List<String> without(List<String> paragraphs) {
        if (!RuleSwitches.on("both.reference-lists")) {
            return paragraphs;
        }
        int run = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            run = isCitation(paragraphs.get(i)) ? run + 1 : 0;
            int start = i - run + 1;
            if (run >= MIN_RUN && start >= paragraphs.size() / 3) {
                int end = i + 1;
                while (end < paragraphs.size() && isCitation(paragraphs.get(end))) {
                    end++;
                }
                if (start > 0 && isHeading(paragraphs.get(start - 1))) {
                    start--;
                }
                List<String> kept = new ArrayList<>(paragraphs.subList(0, start));
                kept.addAll(paragraphs.subList(end, paragraphs.size()));
                return kept;
            }
        }
        return paragraphs;
    }

    static boolean isCitation(String paragraph) {
        String text = paragraph.startsWith("- ") ? paragraph.substring(2) : paragraph;
        if (text.length() > MAX_CITATION || !hasYear(text)) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Mark mark : CITATION_MARKS) {
            if (mark.in(text, lower)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text holds a year, 1800-2099, as four digits with no digit either side ("2021a" counts). Scanned by
     * hand: the same test as a regular expression with look-arounds, tried at every position, was a quarter of all
     * text cleaning (JFR).
     */
    static boolean hasYear(String text) {
        int run = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                run++;
                continue;
            }
            if (run == 4) {
                char a = text.charAt(i - 4);
                char b = text.charAt(i - 3);
                if ((a == '1' && (b == '8' || b == '9')) || (a == '2' && b == '0')) {
                    return true;
                }
            }
            run = 0;
        }
        return false;
    }

    private static boolean isHeading(String paragraph) {
        return paragraph.length() < MAX_HEADING && !paragraph.startsWith("- ") && !Prose.endsSentence(paragraph);
    }
}
