package dev.copydesk.enrich;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.ExtractedPage;
import dev.copydesk.clean.HtmlExtractor;
import dev.copydesk.clean.PageMetadata;
import dev.copydesk.clean.TextCleaner;
import dev.copydesk.dedup.BodyFingerprint;
import java.time.Instant;
import java.util.Optional;

/**
 * Raw copy in, {@link Article} out: extracts the story from HTML or cleans text, fingerprints and measures. No Kafka here: the
 * topology calls it per record. Returns empty when nothing of a story is left after cleaning.
 */
public final class ArticleBuilder {

    private final TextCleaner cleaner = new TextCleaner();
    private final HtmlExtractor extractor = new HtmlExtractor();

    public Optional<Article> build(RawArticle raw, Instant processedAt) {
        CleanedText cleaned;
        PageMetadata metadata;
        if (raw.getContentType() == ContentType.HTML) {
            ExtractedPage page = extractor.extract(raw.getText());
            cleaned = page.asCleanedText();
            metadata = page.metadata();
        } else {
            cleaned = cleaner.clean(raw.getText());
            metadata = PageMetadata.empty();
        }
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        String body = cleaned.body();
        return Optional.of(Article.newBuilder()
                .setId(raw.getId())
                .setStoryId(raw.getId())
                .setVersion(1)
                .setSourceRef(raw.getSourceRef())
                .setReceivedAt(raw.getReceivedAt())
                .setProcessedAt(processedAt)
                .setTitle(cleaned.title())
                .setBody(body)
                .setLanguage("und")
                .setContentHash(BodyFingerprint.of(body))
                .setWordCount(wordCount(body))
                .setRemovedLines(cleaned.removedLines())
                .setAuthor(metadata.author())
                .setPublishedAt(metadata.published().isEmpty() ? null : metadata.published())
                .setCanonicalUrl(metadata.canonicalUrl())
                .build());
    }

    /** Words: maximal runs of letters or digits (apostrophes and hyphens inside a word keep it whole). */
    static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean wordChar = Character.isLetterOrDigit(cp)
                    || (inWord && (cp == '\'' || cp == '’' || cp == '-') && i < text.length() && Character.isLetterOrDigit(text.codePointAt(i)));
            if (wordChar && !inWord) {
                count++;
            }
            inWord = wordChar;
        }
        return count;
    }
}
