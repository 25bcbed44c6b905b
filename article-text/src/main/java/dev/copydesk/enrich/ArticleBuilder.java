package dev.copydesk.enrich;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.ContentType;
import dev.copydesk.avro.Entity;
import dev.copydesk.avro.EntityType;
import dev.copydesk.avro.Keyword;
import dev.copydesk.avro.RawArticle;
import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.html.ExtractedPage;
import dev.copydesk.clean.html.HtmlExtractor;
import dev.copydesk.clean.html.PageMetadata;
import dev.copydesk.clean.text.TextCleaner;
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
    private final StoryEnricher enricher = new StoryEnricher();

    /** For tools and tests: keyword weights against nothing learned yet. */
    public Optional<Article> build(RawArticle raw, Instant processedAt) {
        return build(raw, processedAt, DocumentFrequencies.inMemory());
    }

    public Optional<Article> build(RawArticle raw, Instant processedAt, DocumentFrequencies frequencies) {
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
        int words = wordCount(body);
        String author = !metadata.author().isEmpty() ? metadata.author() : cleaned.byline();
        Enrichment found =
                enricher.enrich(cleaned.title(), cleaned.paragraphs(), author, cleaned.credited(), words, frequencies);
        return Optional.of(Article.newBuilder()
                .setId(raw.getId())
                .setStoryId(raw.getId())
                .setVersion(1)
                .setSourceRef(raw.getSourceRef())
                .setReceivedAt(raw.getReceivedAt())
                .setProcessedAt(processedAt)
                .setTitle(cleaned.title())
                .setBody(body)
                .setLanguage(found.language())
                .setLanguageConfidence(found.languageConfidence())
                .setScript(found.script())
                .setDatelinePlace(found.datelinePlace())
                .setDatelineDate(found.datelineDate())
                .setAgency(found.agency())
                .setSentenceCount(found.sentenceCount())
                .setReadingTimeSeconds(found.readingTimeSeconds())
                .setLede(found.lede())
                .setEntities(found.entities().stream()
                        .map(e -> Entity.newBuilder()
                                .setType(EntityType.valueOf(e.type().name()))
                                .setName(e.name())
                                .setMentions(e.mentions())
                                .setCountryCode(e.countryCode())
                                .build())
                        .toList())
                .setCountries(found.countries())
                .setKeywords(found.keywords().stream()
                        .map(k -> Keyword.newBuilder()
                                .setPhrase(k.phrase())
                                .setWeight(k.weight())
                                .build())
                        .toList())
                .setContentHash(BodyFingerprint.of(body))
                .setWordCount(words)
                .setRemovedLines(cleaned.removedLines())
                .setAuthor(author)
                .setPublishedAt(
                        !metadata.published().isEmpty()
                                ? metadata.published()
                                : PublishedTime.parse(cleaned.stamp()).orElse(null))
                .setCanonicalUrl(metadata.canonicalUrl())
                .build());
    }

    /** Words: maximal runs of letters or digits (apostrophes and hyphens inside a word keep it whole). */
    static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.charAt(i);
            if (Character.isHighSurrogate((char) cp)) {
                cp = text.codePointAt(i);
            }
            i += Character.charCount(cp);
            boolean wordChar = isLetterOrDigit(cp)
                    || (inWord
                            && (cp == '\'' || cp == '’' || cp == '-')
                            && i < text.length()
                            && Character.isLetterOrDigit(text.codePointAt(i)));
            if (wordChar && !inWord) {
                count++;
            }
            inWord = wordChar;
        }
        return count;
    }

    /** {@link Character#isLetterOrDigit(int)}, with ASCII (most of most stories) answered without its table lookup. */
    private static boolean isLetterOrDigit(int cp) {
        if (cp < 0x80) {
            return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' || cp >= '0' && cp <= '9';
        }
        return Character.isLetterOrDigit(cp);
    }
}
