package dev.copydesk.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's results as {@code bench.json} (for scripts and the performance docs) and {@code report.html} (a
 * self-contained page with SVG bars: throughput per stage, latency percentiles, where the CPU went).
 */
final class BenchReport {

    /** What the run measured on: articles per stage, their megabytes, partitions, duplicate share and story size. */
    record Workload(int articles, double megabytes, int partitions, double dupRate, int size) {

        String sizes() {
            return size == 0 ? "1-8 KB" : size + " B";
        }
    }

    private final Workload workload;
    private final StageResult raw;
    private final StageResult passThrough;
    private final List<PipelineResult> full;
    private final LatencyResult latency;
    private final StageMeter meter;

    BenchReport(
            Workload workload,
            StageResult raw,
            StageResult passThrough,
            List<PipelineResult> full,
            LatencyResult latency,
            StageMeter meter) {
        this.workload = workload;
        this.raw = raw;
        this.passThrough = passThrough;
        this.full = full;
        this.latency = latency;
        this.meter = meter;
    }

    double fullOverPassThrough() {
        return full.get(0).fullPerSecond() / passThrough.perSecond();
    }

    double fullOverRaw() {
        return full.get(0).fullPerSecond() / raw.perSecond();
    }

    void write(Path folder) throws IOException {
        Files.writeString(
                folder.resolve("bench.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json()));
        Files.writeString(folder.resolve("report.html"), html());
    }

    Map<String, Object> json() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("articles", workload.articles());
        result.put("megabytes", workload.megabytes());
        result.put("partitions", workload.partitions());
        result.put("dupRate", workload.dupRate());
        result.put("size", workload.size());
        result.put(
                "machine", Runtime.getRuntime().availableProcessors() + " cpus, " + System.getProperty("java.version"));
        result.put("rawPerSecond", Math.round(raw.perSecond()));
        result.put("passThroughPerSecond", Math.round(passThrough.perSecond()));
        Map<String, Object> byThreads = new LinkedHashMap<>();
        for (PipelineResult p : full) {
            byThreads.put(
                    String.valueOf(p.threads()),
                    Map.of(
                            "enrichPerSecond",
                            Math.round(p.enrichPerSecond()),
                            "fullPerSecond",
                            Math.round(p.fullPerSecond())));
        }
        result.put("fullByThreads", byThreads);
        result.put("jitCores", meter.jitCores());
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        meter.cpuCores().forEach((stage, parts) -> {
            Map<String, Double> named = new LinkedHashMap<>();
            parts.forEach((part, cores) -> named.put(part.key(), Math.round(cores * 1000) / 1000.0));
            cpu.put(stage, named);
        });
        result.put("cpuCores", cpu);
        result.put(
                "latencyMs",
                Map.of(
                        "rate",
                        latency.rate(),
                        "p50",
                        latency.p50(),
                        "p95",
                        latency.p95(),
                        "p99",
                        latency.p99(),
                        "samples",
                        latency.samples(),
                        "startUpSeconds",
                        latency.startUpSeconds(),
                        "startUpP99",
                        latency.startUpP99()));
        result.put("fullOverPassThrough", fullOverPassThrough());
        result.put("fullOverRaw", fullOverRaw());
        return result;
    }

    String html() {
        Map<String, Double> bars = new LinkedHashMap<>();
        bars.put("raw produce+consume", raw.perSecond());
        bars.put("pass-through streams", passThrough.perSecond());
        full.forEach(p -> bars.put("full pipeline, " + p.threads() + " thread(s)", p.fullPerSecond()));
        double max =
                bars.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        StringBuilder svg = new StringBuilder(
                "<svg width=\"760\" height=\"" + (40 + 34 * bars.size()) + "\" xmlns=\"http://www.w3.org/2000/svg\">");
        int y = 20;
        for (Map.Entry<String, Double> b : bars.entrySet()) {
            double w = 480 * b.getValue() / max;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text><rect x=\"200\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"#2f6fdf\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"13\">%.0f/s</text>",
                    y + 15,
                    b.getKey(),
                    y,
                    w,
                    206 + w,
                    y + 15,
                    b.getValue()));
            y += 34;
        }
        svg.append("</svg>");
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>copydesk bench</title></head><body style=\"font:14px system-ui\">"
                + "<h1>copydesk bench</h1><p>" + workload.articles() + " articles, " + workload.partitions()
                + " partitions, dup rate "
                + workload.dupRate() + ", size " + workload.sizes() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs</p>"
                + "<h2>Throughput (articles/s)</h2>" + svg
                + String.format(
                        Locale.ROOT,
                        "<h2>End-to-end latency at %d/s</h2><p>p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%d articles)</p>",
                        latency.rate(),
                        latency.p50(),
                        latency.p95(),
                        latency.p99(),
                        latency.samples())
                + cpuTable()
                + "</body></html>";
    }

    /** Where each stage's CPU went: a row per stage, a column per part, in cores. */
    private String cpuTable() {
        StringBuilder table = new StringBuilder(
                "<h2>Where the CPU went (cores)</h2><table style=\"border-collapse:collapse\" border=\"1\" cellpadding=\"4\"><tr><th>stage</th>");
        for (CpuAccount.Part part : CpuAccount.Part.values()) {
            table.append("<th>").append(part.key()).append("</th>");
        }
        table.append("</tr>");
        meter.cpuCores().forEach((stage, parts) -> {
            table.append("<tr><td>").append(stage).append("</td>");
            parts.values().forEach(cores -> table.append(String.format(Locale.ROOT, "<td>%.2f</td>", cores)));
            table.append("</tr>");
        });
        return table.append("</table>").toString();
    }
}
