package dev.copydesk.clean.html;

import dev.copydesk.clean.BioLines;
import dev.copydesk.clean.Prose;
import java.util.ArrayList;
import java.util.List;

/**
 * Trims the edges of an extracted story: the lines before its first paragraph of prose and after its last are
 * kickers, datelines, author boxes, tag lists and calls to action far more often than they are story. A list
 * or a table that runs on from the last paragraph is kept: articles end on bullet points and comparison tables.
 */
final class BlockTrimmer {

    private BlockTrimmer() {}

    static List<String> trim(List<String> blocks) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < blocks.size(); i++) {
            if (Prose.isProse(blocks.get(i))) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return blocks; // no prose at all (a list, a table): nothing to anchor a trim on
        }
        // the box about the writer under the story reads as prose: step back over it (two writers, two boxes)
        for (int stepped = 0;
                stepped < BioLines.CLOSING_BIO_PARAGRAPHS && last > first && BioLines.isClosingBio(blocks.get(last));
                stepped++) {
            do {
                last--;
            } while (last > first && !Prose.isProse(blocks.get(last)));
        }
        int end = last + 1;
        while (end < blocks.size()
                && (blocks.get(end).startsWith("- ") || blocks.get(end).contains(BlockSegmenter.CELL_SEPARATOR))) {
            end++;
        }
        return new ArrayList<>(blocks.subList(first, end));
    }
}
