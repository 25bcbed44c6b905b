package dev.copydesk.enrich;

import java.util.List;

/**
 * What enrichment finds in a cleaned story, beyond its text: language and script, the wire dateline and agency,
 * the byline, sizes, entities, countries and key phrases. Empty strings, zeros and empty lists where the copy
 * says nothing.
 */
public record Enrichment(
        String language,
        double languageConfidence,
        String script,
        String datelinePlace,
        String datelineDate,
        String agency,
        String byline,
        int sentenceCount,
        int readingTimeSeconds,
        String lede,
        List<EntityRecognizer.Entity> entities,
        List<String> countries,
        List<KeywordExtractor.Keyword> keywords) {}
