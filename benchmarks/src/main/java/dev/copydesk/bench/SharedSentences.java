package dev.copydesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real sentences of a language from {@code ../shared/data/lang-sentences/<lang>.txt} (the folder set by
 * {@code -Dcopydesk.shared.dir}), for benchmarks beyond English; lines under 20 characters are left out.
 */
final class SharedSentences {

    private SharedSentences() {}

    static List<String> of(String language) {
        Path file = Path.of(
                System.getProperty("copydesk.shared.dir", "../shared"), "data", "lang-sentences", language + ".txt");
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(l -> l.length() >= 20)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no sentences for " + language + " at " + file, e);
        }
    }
}
