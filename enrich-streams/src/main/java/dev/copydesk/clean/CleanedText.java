package dev.copydesk.clean;

import java.util.List;

/**
 * The story found in a raw copy: its headline (may be empty), body paragraphs, how many lines were dropped, and
 * the byline ({@code By LISA MASCARO}) when the copy carried one above the story (empty otherwise).
 */
public record CleanedText(String title, List<String> paragraphs, int removedLines, String byline) {

    public CleanedText(String title, List<String> paragraphs, int removedLines) {
        this(title, paragraphs, removedLines, "");
    }

    public CleanedText withByline(String byline) {
        return new CleanedText(title, paragraphs, removedLines, byline);
    }

    /** Body paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }

    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }
}
