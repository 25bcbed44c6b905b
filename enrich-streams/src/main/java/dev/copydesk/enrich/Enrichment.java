package dev.copydesk.enrich;

/**
 * What enrichment finds in a cleaned story, beyond its text: language and script, the wire dateline and agency,
 * the byline, and sizes. Empty strings and zeros where the copy says nothing.
 */
public record Enrichment(String language, double languageConfidence, String script, String datelinePlace,
                         String datelineDate, String agency, String byline, int sentenceCount, int readingTimeSeconds,
                         String lede) {
}
