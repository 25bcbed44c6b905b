package dev.copydesk.dedup;

import java.time.Duration;

/**
 * Tunables of near-duplicate detection. Defaults were chosen on the generated wire-edit evaluation set
 * (see {@code WireEditSet}): 128 MinHash values (one-permutation, see {@link Sketch}) in 32 bands of 4 over
 * 4-word shingles; a candidate is the same
 * story when its estimated Jaccard similarity reaches 0.5, or when the smaller text is at least 80% contained in
 * the larger one (a trimmed or extended version) and has at least 20 shingles.
 *
 * @param policy what a near duplicate becomes: {@code VERSION} (emitted as a new version of its story and
 *               reported) or {@code DROP} (only reported)
 */
public record DedupSettings(
        int hashes,
        int bands,
        int shingleSize,
        double jaccardThreshold,
        double containmentThreshold,
        int minShinglesForContainment,
        int bucketCapacity,
        Duration retention,
        NearDuplicatePolicy policy) {

    public enum NearDuplicatePolicy {
        VERSION,
        DROP
    }

    public static DedupSettings defaults() {
        return new DedupSettings(128, 32, 4, 0.5, 0.8, 20, 8, Duration.ofDays(7), NearDuplicatePolicy.VERSION);
    }

    public DedupSettings {
        if (hashes % bands != 0) {
            throw new IllegalArgumentException("copydesk.dedup.hashes (" + hashes
                    + ") must be a multiple of copydesk.dedup.bands (" + bands + ")");
        }
        if (hashes < 128 || Integer.bitCount(hashes) != 1) {
            throw new IllegalArgumentException(
                    "copydesk.dedup.hashes must be a power of two of at least 128, not " + hashes);
        }
    }

    public int rowsPerBand() {
        return hashes / bands;
    }
}
