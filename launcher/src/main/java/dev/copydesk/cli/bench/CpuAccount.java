package dev.copydesk.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * Where a bench stage's CPU went, in cores (CPU seconds per wall second), by the part of the one JVM that spent it:
 * the stream threads, the sink, the embedded broker, the Kafka clients' own threads, the bench's driver (which produces
 * the copy and times it), the JIT compilers and the garbage collector. On two cores shared by all of them, a stage's rate means little without it:
 * a full pipeline at 600/s whose stream threads got 1.0 core is another thing than one whose got 1.6.
 *
 * <p>Java threads are read through {@link com.sun.management.ThreadMXBean} by their full names, sampled every
 * {@value #SAMPLE_MS} ms so that threads which end with the stage (a stopped app's) still count up to their last
 * sample. The JVM's own threads (C1/C2 compilers, GC workers, the VM thread) are not Java threads there, so they are
 * read from {@code /proc/self/task/<tid>/stat}, which only Linux has: elsewhere they fall into {@code other}, which
 * is the process's whole CPU time less everything named.
 */
final class CpuAccount {

    enum Part {
        STREAMS,
        SINK,
        BROKER,
        CLIENTS,
        DRIVER,
        JIT,
        GC,
        OTHER;

        /** Its name in bench.json and report.html. */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int SAMPLE_MS = 250;
    /** /proc reports thread times in USER_HZ clock ticks, 100 a second on every Linux the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Where the JVM's own threads show, on Linux. */
    private static final Path TASKS = Path.of("/proc/self/task");

    /** A Java thread: its part, its CPU nanoseconds at the start (0 for threads born after it) and at its last sample. */
    private static final class JavaThread {
        final Part part;
        final long atStart;
        long last;

        JavaThread(Part part, long atStart, long last) {
            this.part = part;
            this.atStart = atStart;
            this.last = last;
        }
    }

    private final Map<Long, JavaThread> seen = new HashMap<>();
    /** Per JVM thread seen in /proc at the start: its part and CPU ticks then. */
    private final Map<String, NativeThread> nativeAtStart;

    private final long processNanosAtStart;
    private final long wallNanosAtStart;
    private final Thread sampler;
    private volatile boolean running = true;

    private CpuAccount() {
        nativeAtStart = nativeThreads();
        processNanosAtStart = os.getProcessCpuTime();
        wallNanosAtStart = System.nanoTime();
        sample(true);
        sampler = new Thread(
                () -> {
                    while (running) {
                        try {
                            Thread.sleep(SAMPLE_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                        sample(false);
                    }
                },
                "bench-cpu-account");
        sampler.setDaemon(true);
        sampler.start();
    }

    static CpuAccount start() {
        return new CpuAccount();
    }

    /** The part a Java thread belongs to, by the names Kafka, Kafka Streams and the bench give their threads. */
    static Part partOf(String name) {
        if (name.startsWith("bench-sink")) {
            return Part.SINK;
        }
        // first: a stream thread's producer is named after it ("kafka-producer-network-thread |
        // app-StreamThread-1-producer")
        if (name.startsWith("kafka-producer-network-thread")
                || name.startsWith("kafka-coordinator-heartbeat-thread")
                || name.startsWith("kafka-admin-client-thread")
                || name.startsWith("consumer_background_thread")
                || name.startsWith("HttpClient")) {
            return Part.CLIENTS;
        }
        if (name.contains("StreamThread") || name.contains("StateUpdater")) {
            return Part.STREAMS;
        }
        if (name.equals("main") || name.startsWith("bench-driver")) {
            return Part.DRIVER;
        }
        if (name.startsWith("data-plane-")
                || name.startsWith("kafka-")
                || name.contains("raft")
                || name.contains("quorum-controller")
                || name.contains("coordinator")
                || name.startsWith("TxnMarkerSenderThread")
                || name.startsWith("AddPartitionsToTxnSender")
                || name.startsWith("ExpirationReaper")
                || name.startsWith("controller-")
                || name.startsWith("broker-")
                || name.startsWith("LogDirFailureHandler")
                || name.startsWith("metadata-")
                || name.startsWith("ReplicaFetcher")) {
            return Part.BROKER;
        }
        return Part.OTHER;
    }

    /** The part of a JVM thread seen only in /proc, by its 15-character name there; null for Java threads. */
    static Part nativePartOf(String comm) {
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            return Part.JIT;
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
            return Part.GC; // the VM thread runs the collector's safepoint work
        }
        return null;
    }

    private synchronized void sample(boolean atStart) {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] < 0) {
                continue; // ended between the two calls
            }
            JavaThread thread = seen.get(ids[i]);
            if (thread == null) {
                ThreadInfo info = threads.getThreadInfo(ids[i]);
                if (info != null) {
                    seen.put(ids[i], new JavaThread(partOf(info.getThreadName()), atStart ? cpu[i] : 0, cpu[i]));
                }
            } else {
                thread.last = cpu[i];
            }
        }
    }

    /** Ends the account (once): cores per part over the wall time since {@link #start()}. */
    synchronized Map<Part, Double> stop() {
        running = false;
        sampler.interrupt();
        sample(false);
        double wallNanos = Math.max(1, System.nanoTime() - wallNanosAtStart);
        Map<Part, Double> cores = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            cores.put(p, 0.0);
        }
        double named = 0;
        for (JavaThread thread : seen.values()) {
            if (thread.part != Part.OTHER) {
                double nanos = thread.last - thread.atStart;
                cores.merge(thread.part, nanos / wallNanos, Double::sum);
                named += nanos;
            }
        }
        // per thread: the JVM starts and ends compiler threads as its queue grows and shrinks (on more than two cores)
        for (Map.Entry<String, NativeThread> e : nativeThreads().entrySet()) {
            NativeThread atStart = nativeAtStart.get(e.getKey());
            long ticks = e.getValue().ticks() - (atStart == null ? 0 : atStart.ticks());
            double nanos = ticks / TICKS_PER_SECOND * 1e9;
            cores.merge(e.getValue().part(), nanos / wallNanos, Double::sum);
            named += nanos;
        }
        double process = os.getProcessCpuTime() - processNanosAtStart;
        cores.put(Part.OTHER, Math.max(0, process - named) / wallNanos);
        return cores;
    }

    private record NativeThread(Part part, long ticks) {}

    /** The JVM's own threads (JIT, GC) by thread id, with their CPU ticks, from /proc; empty where there is no /proc. */
    private static Map<String, NativeThread> nativeThreads() {
        Map<String, NativeThread> found = new HashMap<>();
        if (!seesJvmThreads()) {
            return found;
        }
        try (Stream<Path> list = Files.list(TASKS)) {
            list.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // "tid (comm) state ppid ...": comm may hold spaces and parentheses, so split at the last ')'
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    Part part = nativePartOf(stat.substring(open + 1, close));
                    if (part == null) {
                        return;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after comm: state is field 3 of stat(5), so utime (14) and stime (15) are at 11 and 12 here
                    found.put(
                            task.getFileName().toString(),
                            new NativeThread(part, Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while the list was read: its ticks are gone with it
                }
            });
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** Whether this platform shows the JVM's own threads (JIT, GC) to {@link CpuAccount}: Linux does. */
    static boolean seesJvmThreads() {
        return Files.isDirectory(TASKS);
    }

    /** One line for the bench's output: "CPU, cores: streams 0.64  sink 0.28 ... JIT 0.32  GC 0.05  other 0.02  = 1.79 of 2". */
    static String describe(Map<Part, Double> cores) {
        StringJoiner parts = new StringJoiner("  ", "CPU, cores: ", "");
        double total = 0;
        for (Map.Entry<Part, Double> e : cores.entrySet()) {
            String name = e.getKey() == Part.JIT || e.getKey() == Part.GC
                    ? e.getKey().name()
                    : e.getKey().key();
            parts.add(String.format(Locale.ROOT, "%s %.2f", name, e.getValue()));
            total += e.getValue();
        }
        return parts
                + String.format(
                        Locale.ROOT,
                        "  = %.2f of %d",
                        total,
                        Runtime.getRuntime().availableProcessors());
    }
}
