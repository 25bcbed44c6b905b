package dev.copydesk.cli.bench;

/**
 * The full copydesk pipeline at one stream-thread count: enrich-streams alone (until it caught up with the raw
 * topic) and the whole pipeline (until the sink's last row), both in articles per second over the same work.
 */
record PipelineResult(int threads, double enrichPerSecond, double fullPerSecond) {}
