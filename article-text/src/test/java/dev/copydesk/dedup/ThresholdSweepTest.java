package dev.copydesk.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.text.TextCleaner;
import dev.copydesk.sample.WireEditSet;
import dev.copydesk.testkit.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the default thresholds come from: the wire-edit set scored under a grid of Jaccard and containment
 * thresholds. The defaults must be within 0.005 F1 of the best point of the grid.
 */
class ThresholdSweepTest {

    @Test
    void theDefaultThresholdsAreAmongTheBestOfTheGrid() throws IOException {
        List<WireEditSet.Item> items = WireEditSet.generate(SharedData.bodies(80), 42);
        TextCleaner cleaner = new TextCleaner();
        List<String> bodies = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (WireEditSet.Item item : items) {
            String body = cleaner.clean(item.text()).body();
            bodies.add(body);
            hashes.add(BodyFingerprint.of(body));
        }
        List<String> truth = items.stream().map(WireEditSet.Item::story).toList();
        DedupSettings d = DedupSettings.defaults();
        double best = 0;
        double atDefault = 0;
        System.out.println("threshold sweep (jaccard / containment: precision recall F1)");
        for (double jaccard : new double[] {0.3, 0.4, 0.5, 0.6, 0.7}) {
            StringBuilder row = new StringBuilder(String.format("  J>=%.1f", jaccard));
            for (double containment : new double[] {0.7, 0.8, 0.9, 1.01}) {
                DedupSettings s = new DedupSettings(
                        d.hashes(),
                        d.bands(),
                        d.shingleSize(),
                        jaccard,
                        containment,
                        d.minShinglesForContainment(),
                        d.bucketCapacity(),
                        d.retention(),
                        d.policy());
                Deduplicator dedup = new Deduplicator(s, new InMemoryDedupState());
                List<String> predicted = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    predicted.add(dedup.decide(items.get(i).id(), hashes.get(i), bodies.get(i), i)
                            .storyId());
                }
                ClusterScore score = ClusterScore.of(truth, predicted);
                double f1 = 2 * score.precision() * score.recall() / (score.precision() + score.recall());
                row.append(String.format(
                        "  C>=%s: %.3f %.3f %.4f",
                        containment > 1 ? "off" : String.format("%.1f", containment),
                        score.precision(),
                        score.recall(),
                        f1));
                best = Math.max(best, f1);
                if (jaccard == d.jaccardThreshold() && containment == d.containmentThreshold()) {
                    atDefault = f1;
                }
            }
            System.out.println(row);
        }
        System.out.printf(
                "  default (J>=%.1f, C>=%.1f): F1 %.4f, best of grid %.4f%n",
                d.jaccardThreshold(), d.containmentThreshold(), atDefault, best);
        assertThat(atDefault).isGreaterThanOrEqualTo(best - 0.005);
    }
}
