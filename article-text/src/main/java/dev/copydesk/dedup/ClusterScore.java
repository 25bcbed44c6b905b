package dev.copydesk.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision and recall of a clustering against true clusters: over all pairs of items, precision is the
 * share of pairs put in the same predicted cluster that truly belong together, recall the share of truly
 * together pairs that were put together.
 */
public record ClusterScore(long truePositivePairs, long predictedPairs, long truePairs) {

    public static ClusterScore of(List<String> trueClusters, List<String> predictedClusters) {
        Map<String, Long> trueSizes = new HashMap<>();
        Map<String, Long> predictedSizes = new HashMap<>();
        Map<String, Long> bothSizes = new HashMap<>();
        for (int i = 0; i < trueClusters.size(); i++) {
            trueSizes.merge(trueClusters.get(i), 1L, Long::sum);
            predictedSizes.merge(predictedClusters.get(i), 1L, Long::sum);
            bothSizes.merge(trueClusters.get(i) + "\u0000" + predictedClusters.get(i), 1L, Long::sum);
        }
        return new ClusterScore(pairs(bothSizes), pairs(predictedSizes), pairs(trueSizes));
    }

    private static long pairs(Map<String, Long> sizes) {
        return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    public double precision() {
        return predictedPairs == 0 ? 1.0 : (double) truePositivePairs / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1.0 : (double) truePositivePairs / truePairs;
    }
}
