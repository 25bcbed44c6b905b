package dev.copydesk.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.cli.bench.CpuAccount.Part;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CpuAccountTest {

    @Test
    void threadsAreAccountedToTheirPartByTheNamesKafkaAndTheBenchGiveThem() {
        assertThat(CpuAccount.partOf("bench-enrich-t2-1a2b3c-5f0e8d1e-9c2e-4f0a-b7a4-3c1f2e9d8b7a-StreamThread-1"))
                .isEqualTo(Part.STREAMS);
        assertThat(CpuAccount.partOf("bench-enrich-t2-1a2b3c-5f0e8d1e-StateUpdater-1"))
                .isEqualTo(Part.STREAMS);
        assertThat(CpuAccount.partOf("bench-sink")).isEqualTo(Part.SINK);
        assertThat(CpuAccount.partOf("kafka-producer-network-thread | bench-enrich-t2-StreamThread-1-producer"))
                .isEqualTo(Part.CLIENTS);
        assertThat(CpuAccount.partOf("kafka-coordinator-heartbeat-thread | bench-sink-t2"))
                .isEqualTo(Part.CLIENTS);
        assertThat(CpuAccount.partOf("kafka-admin-client-thread | adminclient-3"))
                .isEqualTo(Part.CLIENTS);
        assertThat(CpuAccount.partOf("data-plane-kafka-request-handler-0")).isEqualTo(Part.BROKER);
        assertThat(CpuAccount.partOf("data-plane-kafka-network-thread-1-ListenerName(PLAINTEXT)-PLAINTEXT-0"))
                .isEqualTo(Part.BROKER);
        assertThat(CpuAccount.partOf("kafka-1-raft-io-thread")).isEqualTo(Part.BROKER);
        assertThat(CpuAccount.partOf("group-coordinator-event-processor-0")).isEqualTo(Part.BROKER);
        assertThat(CpuAccount.partOf("TxnMarkerSenderThread-1")).isEqualTo(Part.BROKER);
        assertThat(CpuAccount.partOf("main")).isEqualTo(Part.DRIVER);
        assertThat(CpuAccount.partOf("Finalizer")).isEqualTo(Part.OTHER);
        assertThat(CpuAccount.nativePartOf("C2 CompilerThre")).isEqualTo(Part.JIT);
        assertThat(CpuAccount.nativePartOf("GC Thread#1")).isEqualTo(Part.GC);
        assertThat(CpuAccount.nativePartOf("G1 Conc#0")).isEqualTo(Part.GC);
        assertThat(CpuAccount.nativePartOf("java")).isNull();
    }

    @Test
    void aBusyThreadCountsForItsPartAndAnIdleOneForNothing() throws Exception {
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = new Thread(
                () -> {
                    spinCpu(800);
                    spun.countDown();
                    await(release);
                },
                "test-app-StreamThread-1");
        Thread idle = new Thread(() -> await(release), "bench-sink");
        long start = System.nanoTime();
        CpuAccount account = CpuAccount.start();
        busy.start();
        idle.start();
        spun.await();
        Map<Part, Double> cores = account.stop();
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        release.countDown();
        busy.join();
        idle.join();
        // CPU seconds, not cores: a busy CI machine may give the spinning thread less than a core, never less CPU
        assertThat(cores.get(Part.STREAMS) * wallSeconds)
                .as("%s over %.2f s", cores, wallSeconds)
                .isGreaterThan(0.75);
        assertThat(cores.get(Part.SINK) * wallSeconds)
                .as("%s over %.2f s", cores, wallSeconds)
                .isLessThan(0.05);
        assertThat(CpuAccount.describe(cores))
                .startsWith("CPU, cores: streams ")
                .contains("  JIT ")
                .contains("  GC ");
    }

    @Test
    void aThreadThatEndsBeforeTheStageDoesStillCountsUpToItsLastSample() throws Exception {
        long start = System.nanoTime();
        CpuAccount account = CpuAccount.start();
        Thread busy = new Thread(() -> spinCpu(1200), "bench-sink");
        busy.start();
        busy.join();
        Map<Part, Double> cores = account.stop();
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        // it spun 1.2 s of CPU; what it spent after its last sample (one interval, 0.25 s at most) is lost with it
        assertThat(cores.get(Part.SINK) * wallSeconds)
                .as("%s over %.2f s", cores, wallSeconds)
                .isGreaterThan(0.9);
    }

    /** Spins until this thread has used {@code millis} of CPU time. */
    private static void spinCpu(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
        long x = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x += x * 31 + 7;
            }
        }
        if (x == 42) {
            System.out.println(x);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
