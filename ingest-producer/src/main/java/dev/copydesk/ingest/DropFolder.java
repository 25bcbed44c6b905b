package dev.copydesk.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A watched drop folder: every new or completed {@code .txt}/{@code .html}/{@code .htm} file is published once.
 * <ul>
 *   <li><b>Complete only</b>: a file is taken when its size and modification time have not changed for one
 *       settle interval, so a file still being written is not read half-way. Names starting with {@code .} or
 *       ending in {@code .part}/{@code .tmp} are never taken (write there, then rename).</li>
 *   <li><b>Once</b>: what was handled is appended to a state file (path, size, modification time, outcome) after
 *       Kafka acknowledged it; on restart those files are skipped. A file rewritten with new content is new.</li>
 *   <li><b>Afterwards</b>: keep the file (the state file marks it), delete it, or move it to a folder.</li>
 * </ul>
 * Polling rather than a {@code WatchService}: it behaves the same on every file system, network mounts included.
 */
public final class DropFolder {

    /** What to do with a file once it is published or rejected. */
    public sealed interface AfterPublish permits Keep, Delete, MoveTo {}

    public record Keep() implements AfterPublish {}

    public record Delete() implements AfterPublish {}

    public record MoveTo(Path folder) implements AfterPublish {}

    private record Seen(long size, long modified) {}

    private final Path folder;
    private final Path stateFile;
    private final ArticlePublisher publisher;
    private final AfterPublish after;
    private final Set<String> done = new HashSet<>();
    private final Map<Path, Seen> pending = new HashMap<>();

    public DropFolder(Path folder, Path stateFile, ArticlePublisher publisher, AfterPublish after) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder);
        }
        this.folder = folder.toAbsolutePath().normalize();
        this.stateFile = stateFile;
        this.publisher = publisher;
        this.after = after;
        loadState();
    }

    /** The default state file: a dot-file in the folder itself, so that the folder carries its own memory. */
    public static Path defaultStateFile(Path folder) {
        return folder.resolve(".copydesk-sent");
    }

    /** Watches until interrupted, scanning every {@code interval}. */
    public void run(Duration interval, Consumer<String> progress) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            scan(progress);
            Thread.sleep(interval.toMillis());
        }
    }

    /**
     * One pass: files unchanged since the previous pass are published (and remembered); new or growing files are
     * noted for the next pass. Returns the report of what this pass published.
     */
    public IngestReport scan(Consumer<String> progress) {
        List<Path> ready = new ArrayList<>();
        Map<Path, Seen> now = new HashMap<>();
        for (Path file : candidates()) {
            Seen seen;
            try {
                seen = new Seen(
                        Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                continue; // gone between listing and looking: the next pass will tell
            }
            if (done.contains(key(file, seen))) {
                continue;
            }
            if (seen.equals(pending.get(file))) {
                ready.add(file);
            } else {
                now.put(file, seen);
            }
        }
        pending.clear();
        pending.putAll(now);
        if (ready.isEmpty()) {
            return new IngestReport(List.of(), List.of());
        }
        List<InputSource> inputs = new ArrayList<>();
        for (Path file : ready) {
            inputs.add(InputSource.file(file, sourceRef(file)));
        }
        IngestReport report = publisher.publish(inputs, progress);
        Set<String> rejected = new HashSet<>();
        report.rejected().forEach(r -> {
            rejected.add(r.sourceRef());
            progress.accept("rejected " + r.sourceRef() + ": " + r.reason());
        });
        for (Path file : ready) {
            boolean failed = rejected.contains(sourceRef(file));
            try {
                Seen seen = new Seen(
                        Files.size(file), Files.getLastModifiedTime(file).toMillis());
                // a failure to reach Kafka is not remembered: the file is tried again on the next pass
                if (!failed || !isTransient(report, sourceRef(file))) {
                    remember(file, seen, failed ? "rejected" : "published");
                    finish(file);
                }
            } catch (IOException e) {
                progress.accept("could not record " + file + ": " + e.getMessage());
            }
        }
        return report;
    }

    private static boolean isTransient(IngestReport report, String sourceRef) {
        return report.rejected().stream()
                .anyMatch(r -> r.sourceRef().equals(sourceRef) && r.reason().startsWith("not published"));
    }

    private List<Path> candidates() {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isInside(p, after))
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return !name.startsWith(".")
                                && !name.endsWith(".part")
                                && !name.endsWith(".tmp")
                                && InputSource.FOLDER_EXTENSIONS.stream().anyMatch(name::endsWith);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean isInside(Path file, AfterPublish after) {
        return after instanceof MoveTo move
                && file.toAbsolutePath()
                        .normalize()
                        .startsWith(move.folder().toAbsolutePath().normalize());
    }

    private String sourceRef(Path file) {
        return folder.getFileName() + "/" + folder.relativize(file).toString().replace('\\', '/');
    }

    private String key(Path file, Seen seen) {
        return folder.relativize(file).toString().replace('\\', '/') + "\t" + seen.size() + "\t" + seen.modified();
    }

    private void remember(Path file, Seen seen, String outcome) throws IOException {
        String key = key(file, seen);
        done.add(key);
        Files.writeString(
                stateFile,
                key + "\t" + outcome + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
    }

    private void finish(Path file) throws IOException {
        if (after instanceof Delete) {
            Files.deleteIfExists(file);
        } else if (after instanceof MoveTo move) {
            Path target = move.folder().resolve(folder.relativize(file));
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void loadState() {
        if (!Files.exists(stateFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length >= 3) {
                    done.add(f[0] + "\t" + f[1] + "\t" + f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state file " + stateFile, e);
        }
    }
}
