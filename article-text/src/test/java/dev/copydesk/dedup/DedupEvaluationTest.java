package dev.copydesk.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.text.TextCleaner;
import dev.copydesk.sample.WireEditSet;
import dev.copydesk.testkit.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The targets on a generated wire-edit set from WCXB bodies: pairwise precision >= 0.99 and recall
 * >= 0.95 on story clusters, and every exact copy (other chrome, spacing, quotes) found.
 */
class DedupEvaluationTest {

    record Outcome(WireEditSet.Item item, Decision decision, String predictedStory) {}

    static List<Outcome> run(List<WireEditSet.Item> items, DedupSettings settings) {
        TextCleaner cleaner = new TextCleaner();
        Deduplicator dedup = new Deduplicator(settings, new InMemoryDedupState());
        List<Outcome> out = new ArrayList<>();
        long time = 1_700_000_000_000L;
        for (WireEditSet.Item item : items) {
            CleanedText cleaned = cleaner.clean(item.text());
            String body = cleaned.body();
            Decision d = dedup.decide(item.id(), BodyFingerprint.of(body), body, time += 1000);
            out.add(new Outcome(item, d, d.storyId()));
        }
        return out;
    }

    @Test
    void meetsPrecisionAndRecallTargetsAndFindsEveryExactCopy() throws IOException {
        List<String> bodies = SharedData.bodies(80);
        List<WireEditSet.Item> items = WireEditSet.generate(bodies, 42);
        List<Outcome> outcomes = run(items, DedupSettings.defaults());

        ClusterScore score = ClusterScore.of(
                outcomes.stream().map(o -> o.item().story()).toList(),
                outcomes.stream().map(Outcome::predictedStory).toList());
        // per kind: did the item land in the story its true cluster mostly landed in?
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (Outcome o : outcomes) {
            votes.computeIfAbsent(o.item().story(), k -> new HashMap<>()).merge(o.predictedStory(), 1, Integer::sum);
        }
        Map<String, int[]> byKind = new TreeMap<>();
        for (Outcome o : outcomes) {
            String majority = votes.get(o.item().story()).entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            int[] counts = byKind.computeIfAbsent(o.item().kind(), k -> new int[2]);
            counts[0]++;
            counts[1] += o.predictedStory().equals(majority) ? 1 : 0;
        }
        System.out.printf(
                "dedup evaluation: %d items from %d bodies, %d true pairs: precision %.4f recall %.4f%n",
                items.size(), bodies.size(), score.truePairs(), score.precision(), score.recall());
        byKind.forEach(
                (kind, c) -> System.out.printf("  %-28s %4d items, %4d in their story's cluster%n", kind, c[0], c[1]));

        assertThat(score.truePairs()).isGreaterThan(500);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.95);

        // exact copies: of an original and its exact copies at most the first seen is not EXACT, and every EXACT
        // decision points into the right story
        Map<String, String> trueStoryOf = new HashMap<>();
        outcomes.forEach(o -> trueStoryOf.put(o.item().id(), o.item().story()));
        Map<String, List<Outcome>> identical = new HashMap<>();
        for (Outcome o : outcomes) {
            if (o.decision() instanceof Decision.Exact e) {
                assertThat(trueStoryOf.get(e.duplicateOf()))
                        .as(o.item().id())
                        .isEqualTo(o.item().story());
            }
            if (o.item().kind().equals("original") || o.item().kind().equals("exact-other-chrome")) {
                identical
                        .computeIfAbsent(o.item().story(), s -> new ArrayList<>())
                        .add(o);
            }
        }
        int exactCopies = 0;
        for (List<Outcome> group : identical.values()) {
            long notExact = group.stream()
                    .filter(o -> !(o.decision() instanceof Decision.Exact))
                    .count();
            assertThat(notExact)
                    .as("exact copies of " + group.get(0).item().story())
                    .isLessThanOrEqualTo(1);
            exactCopies += group.size() - 1;
        }
        assertThat(exactCopies).isGreaterThan(50);
        System.out.printf("  exact copies (other chrome, quotes, spacing): %d, all reported EXACT%n", exactCopies);
    }
}
