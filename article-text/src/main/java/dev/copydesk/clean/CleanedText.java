package dev.copydesk.clean;

import java.util.List;

/**
 * The story found in a raw copy: its headline (may be empty), body paragraphs, how many lines were dropped, and
 * the byline ({@code By LISA MASCARO}) and the date stamp line ({@code Published Nov. 13, 2023 10:30 KST}) when
 * the copy carried them near the top (empty otherwise), and the names a wire credit line closing it gives ({@code
 * (Reporting by Andy Bruce; Editing by William Schomberg)}), editors too. Without a byline above the story, the
 * credit line's reporters and writers are its byline.
 */
public record CleanedText(
        String title, List<String> paragraphs, int removedLines, String byline, String stamp, List<String> credited) {

    public CleanedText(String title, List<String> paragraphs, int removedLines) {
        this(title, paragraphs, removedLines, "", "", List.of());
    }

    /** Body paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }

    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }
}
