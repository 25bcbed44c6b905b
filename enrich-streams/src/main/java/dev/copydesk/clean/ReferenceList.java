package dev.copydesk.clean;

import java.util.ArrayList;
import java.util.List;
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
final class ReferenceList {

    /** Citations in a row that make a list: one alone may be a sentence that quotes a paper. */
    static final int MIN_RUN = 2;
    /** A citation is no longer than this; a paragraph of prose that names a paper is. */
    private static final int MAX_CITATION = 600;
    private static final String YEAR = "(?:1[89]\\d\\d|20\\d\\d)";
    private static final Pattern HAS_YEAR = Pattern.compile("(?<!\\d)" + YEAR + "(?!\\d)"); // also "2021a"
    private static final Pattern CITATION_MARK = Pattern.compile(String.join("|",
            "\\bet al\\b",
            "(?i:\\bretrieved (?:from|on)\\b)",
            "(?i:\\[accessed\\b|\\baccessed (?:on )?\\d)",
            "(?i:\\bdoi\\b|doi\\.org/)",
            YEAR + "\\s*(?:\\w{3}\\s*)?;\\s*\\d+\\s*(?:\\(\\d+\\))?\\s*:\\s*\\w?\\d+", // 2007 Sep;31(9):703
            "\\b\\d+\\s*\\(\\d+\\)\\s*:\\s*\\d+", // 31(9):703
            "\\bpp?\\.\\s*\\d+",
            "(?i:\\bvol\\.\\s*\\d+)",
            "^\\p{Lu}[\\p{L}'’-]+,? (?:\\p{Lu}\\.?\\s?){1,3}[,.]", // Keim MC. / Smith, J.
            "^[^.()]{2,120}\\(" + YEAR + "[a-z]?(?:, [^)]{1,20})?\\)\\.", // APA: Smith, J., & Lee, K. (2019).
            "\\[(?:CrossRef|Medline|PubMed|Google Scholar)\\]",
            // MLA: [Author. ]“Title.” Site, [22 Jan. 2025, ]https://... (opening the entry; a comma before the address)
            "^(?:[^“”\"]{1,100}\\. )?[“\"][^“”\"]{1,200}[.?!][”\"][^“”\"]{1,150},\\s*https?://"));
    /** A heading over the list: short, and not a sentence. */
    private static final int MAX_HEADING = 40;

    private ReferenceList() {
    }

    /** The paragraphs without the first reference list found after the story's first third (the same list if none). */
    static List<String> without(List<String> paragraphs) {
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
        return text.length() <= MAX_CITATION && HAS_YEAR.matcher(text).find() && CITATION_MARK.matcher(text).find();
    }

    private static boolean isHeading(String paragraph) {
        return paragraph.length() < MAX_HEADING && !paragraph.startsWith("- ") && !TextShapes.endsSentence(paragraph);
    }
}
