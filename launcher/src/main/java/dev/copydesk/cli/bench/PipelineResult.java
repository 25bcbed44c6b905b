package dev.copydesk.cli.bench;

/**
 * The full copydesk pipeline at one stream-thread count: enrich-streams alone (until it caught up with the raw
 * topic) and the whole pipeline (until the sink's last row), both in articles per second over the same work; and
 * the CPU time per article that the bench's process (broker, enrich-streams and sink) spent over the whole
 * pipeline's window, and that enrich-streams' own threads spent until it caught up.
 */
record PipelineResult(
        int threads,
        double enrichPerSecond,
        double fullPerSecond,
        double cpuMicrosPerArticle,
        double streamsCpuMicrosPerArticle) {}
