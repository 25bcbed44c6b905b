package dev.copydesk.clean.eval;

import dev.copydesk.clean.html.BlockScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trains the shipped {@link BlockScorer} on every page of a WCXB-style folder that has HTML and a ground truth, and
 * writes it where {@link BlockScorer#shipped()} reads it from. Run by {@code tools/clean/train-block-scorer.sh}, by
 * hand; deterministic.
 */
public final class BlockScorerTraining {

    private BlockScorerTraining() {}

    /** The pages of the corpus that have both an HTML rendering and a ground truth, in id order. */
    static List<BlockScorer.Page> pages(CleaningCorpus corpus) {
        List<BlockScorer.Page> pages = new ArrayList<>();
        for (String id : corpus.ids()) {
            Optional<String> truth = corpus.truth(id);
            Optional<String> html = truth.isPresent() ? corpus.html(id) : Optional.empty();
            if (html.isPresent()) {
                pages.add(new BlockScorer.Page(html.get(), truth.get()));
            }
        }
        return pages;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BlockScorerTraining CORPUS_DIR OUT.tsv.gz");
            System.exit(2);
        }
        CleaningCorpus corpus = new CleaningCorpus(Path.of(args[0]));
        List<BlockScorer.Page> pages = pages(corpus);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no page of " + args[0] + " has both HTML and a ground truth");
        }
        BlockScorer scorer = BlockScorer.train(pages);
        scorer.write(
                Path.of(args[1]),
                "copydesk block scorer: logistic regression, features in BlockScorer.features; trained on "
                        + pages.size() + " pages of WCXB dev (CC BY 4.0, Murrough Foley, WCXB) by"
                        + " tools/clean/train-block-scorer.sh");
        System.err.printf("%d pages, %d features -> %s%n", pages.size(), scorer.size(), args[1]);
    }
}
