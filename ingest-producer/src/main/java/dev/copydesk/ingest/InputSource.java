package dev.copydesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One input to publish: a file or standard input. Bytes are read only when the input is published, and never
 * more than the size limit allows, so a folder of any size streams through in constant memory.
 */
public interface InputSource {

    String sourceRef();

    /** Reads the input; returns at most {@code limit + 1} bytes, so that an oversized input is recognised. */
    byte[] read(int limit) throws IOException;

    /** Extensions published when walking a folder; a file named explicitly is published whatever its name. */
    List<String> FOLDER_EXTENSIONS = List.of(".txt", ".html", ".htm");

    /** Reads at most {@code limit + 1} bytes of an input. */
    interface Reader {
        byte[] read(int limit) throws IOException;
    }

    /** An input with a name and a way to read it. */
    record Named(String sourceRef, Reader reader) implements InputSource {
        @Override
        public byte[] read(int limit) throws IOException {
            return reader.read(limit);
        }
    }

    static InputSource file(Path file, String sourceRef) {
        return new Named(
                sourceRef,
                limit -> Files.size(file) > limit
                        ? new byte[limit + 1] // not read: only its size matters for the rejection
                        : Files.readAllBytes(file));
    }

    static InputSource stream(String sourceRef, InputStream in) {
        return new Named(sourceRef, limit -> in.readNBytes(limit + 1));
    }

    /**
     * The inputs named on a command line: files, folders (walked recursively for .txt/.html/.htm, in name order)
     * and {@code -} for standard input. A path that does not exist is reported by an input whose read fails.
     */
    static List<InputSource> of(List<String> args, InputStream stdin) throws IOException {
        List<InputSource> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                out.add(stream("-", stdin));
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                Path root = path.toAbsolutePath().normalize();
                String prefix = root.getFileName() == null ? "" : root.getFileName() + "/";
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> FOLDER_EXTENSIONS.stream()
                                    .anyMatch(e -> p.getFileName()
                                            .toString()
                                            .toLowerCase(Locale.ROOT)
                                            .endsWith(e)))
                            .sorted()
                            .forEach(p -> out.add(file(
                                    p, prefix + root.relativize(p).toString().replace('\\', '/'))));
                }
            } else {
                out.add(file(path, path.normalize().toString().replace('\\', '/')));
            }
        }
        return out;
    }
}
