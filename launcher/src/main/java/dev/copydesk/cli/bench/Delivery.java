package dev.copydesk.cli.bench;

/**
 * What a consumer of a stage's output saw: how many records, when the first ones came and how many came with them,
 * when the last came, and when the consumer started. A stage's steady rate counts what arrived after its first
 * output, over the time after it, so start-up is left out.
 */
record Delivery(long count, long firstNanos, long lastNanos, long withFirst, long startNanos) {

    /** Per second after the first output; when it all came at once (a small run), all of it since the consumer started. */
    double steadyRate() {
        return count > withFirst
                ? steady(count - withFirst, firstNanos, lastNanos)
                : steady(count, startNanos, lastNanos);
    }

    /** Records per second between the first and the last output of a stage. */
    static double steady(long records, long firstNanos, long lastNanos) {
        return records / Math.max(0.001, (lastNanos - firstNanos) / 1e9);
    }
}
