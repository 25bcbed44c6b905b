package dev.copydesk.clean;

import java.util.List;

/** The story found in a raw copy: its headline (may be empty), body paragraphs, and how many lines were dropped. */
public record CleanedText(String title, List<String> paragraphs, int removedLines) {

    /** Body paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }

    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }
}
