package dev.copydesk.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.cli.DemoCommandIT;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A small bench run on the test broker: every stage measures, the files are written, the last line is for scripts. */
@ExtendWith(KafkaStackExtension.class)
class BenchCommandIT {

    @TempDir
    Path dir;

    @Test
    void oneRunMeasuresEveryStageAndWritesJsonAReportAndTheScriptLine(TestStack stack) throws Exception {
        DemoCommandIT.Run run = DemoCommandIT.copydesk(
                "bench",
                "--articles",
                "300",
                "--rate",
                "50",
                "--latency-seconds",
                "3",
                "--threads",
                "1,2",
                "--size",
                "0",
                "--results",
                dir.toString(),
                "--warmup",
                "100",
                "--latency-warmup",
                "1",
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--schema-registry",
                stack.schemaRegistryUrl());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .matches("full/pass-through = \\d+\\.\\d\\d  full/raw = \\d+\\.\\d\\d  p99 = \\d+ ms");
        assertThat(run.out())
                .contains(
                        "0. warm-up: 100 articles",
                        "1. raw produce+consume",
                        "2. pass-through streams",
                        "3. full pipeline, 1 thread",
                        "3. full pipeline, 2 threads",
                        "4. end-to-end latency at 50/s");
        Path json;
        try (Stream<Path> files = Files.walk(dir)) {
            json = files.filter(p -> p.getFileName().toString().equals("bench.json"))
                    .findFirst()
                    .orElseThrow();
        }
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.path("rawPerSecond").asDouble()).isPositive();
        assertThat(result.path("passThroughPerSecond").asDouble()).isPositive();
        assertThat(result.path("fullByThreads").path("2").path("fullPerSecond").asDouble())
                .isPositive();
        // a fresh JVM compiles all through a 300-article run: each stage says how much of the machine that took
        assertThat(result.path("jitCores").path("full2").asDouble()).isPositive();
        assertThat(result.path("jitCores").path("latency").asDouble()).isPositive();
        assertThat(run.out()).containsPattern("3\\. full pipeline, 2 threads: .*; JIT \\d+\\.\\d\\d cores\\)");
        assertThat(result.path("latencyMs").path("samples").asInt())
                .isEqualTo(150); // 3 s at 50/s, after 1 s of start-up
        assertThat(result.path("latencyMs").path("startUpP99").asDouble()).isPositive();
        assertThat(Files.readAllLines(json.resolveSibling("latency.csv"))).hasSize(1 + 50 + 150);
        assertThat(result.path("latencyMs").path("p99").asDouble())
                .isGreaterThanOrEqualTo(result.path("latencyMs").path("p50").asDouble());
        assertThat(Files.readString(json.resolveSibling("report.html")))
                .contains("<svg", "full pipeline, 2 thread(s)", "p99", "Where the CPU went", "<td>full2</td>");
        // where each stage's CPU went: the stream threads worked in the full pipeline, the sink too, the broker under
        // both
        assertThat(result.path("cpuCores").path("full2").path("streams").asDouble())
                .isPositive();
        assertThat(result.path("cpuCores").path("full2").path("sink").asDouble())
                .isPositive();
        assertThat(result.path("cpuCores").path("full2").path("broker").asDouble())
                .isPositive();
        assertThat(result.path("cpuCores").path("raw").path("streams").asDouble())
                .isZero(); // no Streams app in the raw pipe
        assertThat(run.out())
                .containsPattern(
                        "\\n   CPU, cores: streams \\d+\\.\\d\\d  sink \\d+\\.\\d\\d  .*  JIT \\d+\\.\\d\\d  GC \\d+\\.\\d\\d  other \\d+\\.\\d\\d  = \\d+\\.\\d\\d of \\d+");
        assertThat(json.resolveSibling("work")).doesNotExist(); // scratch space cleaned up
    }
}
