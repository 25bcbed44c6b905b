package dev.copydesk.clean;

import java.util.List;

/**
 * The story found in a raw copy: its headline (may be empty), body paragraphs, how many lines were dropped, and
 * the byline ({@code By LISA MASCARO}) and the date stamp line ({@code Published Nov. 13, 2023 10:30 KST}) when
 * the copy carried them near the top (empty otherwise).
 */
public record CleanedText(String title, List<String> paragraphs, int removedLines, String byline, String stamp) {

    public CleanedText(String title, List<String> paragraphs, int removedLines) {
        this(title, paragraphs, removedLines, "", "");
    }

    /** Body paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }

    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }
}
