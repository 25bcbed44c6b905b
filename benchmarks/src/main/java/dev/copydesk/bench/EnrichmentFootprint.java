package dev.copydesk.bench;

import dev.copydesk.enrich.DocumentFrequencies;
import dev.copydesk.enrich.StoryEnricher;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * Start-up time and heap of the enrichment models (language profiles, gazetteers, cue and stop-word lists), in a
 * fresh JVM: {@code java -cp benchmarks/target/benchmarks.jar dev.copydesk.bench.EnrichmentFootprint}.
 */
public final class EnrichmentFootprint {

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        StoryEnricher enricher = new StoryEnricher();
        enricher.enrich(
                "Talks",
                List.of(
                        "SEOUL, Nov. 13 (Yonhap) -- Defense Minister Shin Won-sik met US Defense Secretary Lloyd Austin."),
                "",
                14,
                DocumentFrequencies.inMemory());
        long startupMs = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(
                "enrichment start-up %d ms (first story included), models on the heap %.1f MB%n",
                startupMs, (after - before) / 1048576.0);
        if (enricher.hashCode() == 42) {
            System.out.println(); // keeps the enricher reachable until the heap is measured
        }
    }
}
