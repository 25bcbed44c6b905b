package dev.copydesk.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each stage's CPU went ({@link CpuAccount}: stream threads, sink, broker, JIT, GC...), and how busy the JIT
 * compilers were meanwhile: part of the machine the stage could not use. A stage with a high JIT figure measured a
 * JVM still warming up.
 */
final class StageMeter {

    interface Work<T> {
        T run() throws Exception;
    }

    /** Per stage: compile time per wall time (the JIT's figure where the JVM's own threads cannot be seen). */
    private final Map<String, Double> jitCores = new LinkedHashMap<>();
    /** Per stage, in cores, by part. */
    private final Map<String, Map<CpuAccount.Part, Double>> cpuCores = new LinkedHashMap<>();

    /** Runs a stage and keeps under its name its CPU by part and the JIT's compile time per wall time. */
    <T> T measure(String stage, Work<T> work) throws Exception {
        long compileMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long startNanos = System.nanoTime();
        CpuAccount cpu = CpuAccount.start();
        try {
            return work.run();
        } finally {
            cpuCores.put(stage, cpu.stop());
            double wallMillis = (System.nanoTime() - startNanos) / 1e6;
            jitCores.put(
                    stage,
                    (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compileMillis)
                            / Math.max(1, wallMillis));
        }
    }

    /**
     * How busy the JIT was over a stage, in cores: its threads' CPU time where {@link CpuAccount} sees them, else compile
     * time per wall time, which runs higher on a busy machine (a compilation preempted halfway counts its wait too).
     */
    double jit(String stage) {
        return CpuAccount.seesJvmThreads() ? cpuCores.get(stage).get(CpuAccount.Part.JIT) : jitCores.get(stage);
    }

    String describeCpu(String stage) {
        return CpuAccount.describe(cpuCores.get(stage));
    }

    Map<String, Double> jitCores() {
        return jitCores;
    }

    Map<String, Map<CpuAccount.Part, Double>> cpuCores() {
        return cpuCores;
    }
}
