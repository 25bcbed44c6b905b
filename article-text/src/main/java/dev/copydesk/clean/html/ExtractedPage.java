package dev.copydesk.clean.html;

import dev.copydesk.clean.CleanedText;
import java.util.List;

/** What the HTML extractor found: the headline, the body paragraphs, the page's metadata, and how many blocks it dropped. */
public record ExtractedPage(String title, List<String> paragraphs, PageMetadata metadata, int removedBlocks) {

    public CleanedText asCleanedText() {
        return new CleanedText(title, paragraphs, removedBlocks);
    }
}
