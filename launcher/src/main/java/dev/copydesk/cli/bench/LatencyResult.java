package dev.copydesk.cli.bench;

/**
 * End-to-end latency, publish to stored row, at a fixed offered rate: percentiles in milliseconds over the samples
 * after the start-up seconds, and the start-up's own p99 apart.
 */
record LatencyResult(
        int rate, double p50, double p95, double p99, int samples, int startUpSeconds, double startUpP99) {}
