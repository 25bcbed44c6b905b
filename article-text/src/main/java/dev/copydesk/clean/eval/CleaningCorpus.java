package dev.copydesk.clean.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A folder laid out like WCXB: {@code html/<id>.html.gz} (or {@code .html}), {@code text/<id>.txt}, and optionally
 * {@code ground-truth/<id>.json} with {@code ground_truth.main_content}. Pages are read lazily, one at a time.
 */
public final class CleaningCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    /** Only these pages, when not null: a subset to score (the news pages of a mixed corpus). */
    private final Set<String> only;

    public CleaningCorpus(Path dir) {
        this(dir, null);
    }

    /**
     * The pages of {@code dir} whose ids {@code only} lists ({@code null}: all). An id the folder does not hold is
     * an error, not a silently smaller sample.
     */
    public CleaningCorpus(Path dir, Set<String> only) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a folder: " + dir);
        }
        if (!Files.isDirectory(dir.resolve("html")) && !Files.isDirectory(dir.resolve("text"))) {
            throw new IllegalArgumentException("No html/ or text/ folder in " + dir);
        }
        this.dir = dir;
        this.only = only == null ? null : Set.copyOf(only);
        if (only != null) {
            if (only.isEmpty()) {
                throw new IllegalArgumentException("The list of page ids is empty");
            }
            Set<String> held = Set.copyOf(allIds()); // listed once: the folders are read for every id otherwise
            List<String> unknown =
                    only.stream().filter(id -> !held.contains(id)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("No page " + unknown.subList(0, Math.min(5, unknown.size())) + " in "
                        + dir + (unknown.size() > 5 ? " (and " + (unknown.size() - 5) + " more)" : ""));
            }
        }
    }

    /** Every id that has an html page or a text rendering (of the chosen subset, if any), in order. */
    public List<String> ids() {
        List<String> ids = allIds();
        return only == null ? ids : ids.stream().filter(only::contains).toList();
    }

    private List<String> allIds() {
        TreeSet<String> ids = new TreeSet<>();
        for (String sub : List.of("html", "text")) {
            Path folder = dir.resolve(sub);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString())
                        .map(CleaningCorpus::idOf)
                        .flatMap(Optional::stream)
                        .forEach(ids::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ArrayList<>(ids);
    }

    public Optional<String> html(String id) {
        Path gz = dir.resolve("html").resolve(id + ".html.gz");
        if (Files.exists(gz)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + gz, e);
            }
        }
        return read(dir.resolve("html").resolve(id + ".html"));
    }

    public Optional<String> text(String id) {
        return read(dir.resolve("text").resolve(id + ".txt"));
    }

    /** {@code ground_truth.main_content}, when the page has a ground-truth file. */
    public Optional<String> truth(String id) {
        Path file = dir.resolve("ground-truth").resolve(id + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode content = JSON.readTree(file.toFile()).path("ground_truth").path("main_content");
            return content.isTextual() ? Optional.of(content.asText()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Where a page comes from and what kind of page it is, as its ground truth says. */
    public record PageInfo(String site, String pageType) {}

    /**
     * The page's site (the host of its ground truth's {@code url}, without {@code www.}; the id itself when there is
     * none, so an unknown page is a site of its own) and its type ({@code _internal.page_type.primary} or
     * {@code page_type}; {@code unknown} when absent).
     */
    public PageInfo info(String id) {
        Path file = dir.resolve("ground-truth").resolve(id + ".json");
        if (!Files.exists(file)) {
            return new PageInfo(id, "unknown");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            String site = id;
            String url = root.path("url").asText("");
            if (!url.isEmpty()) {
                try {
                    String host = java.net.URI.create(url.strip()).getHost();
                    if (host != null && !host.isEmpty()) {
                        site = host.toLowerCase(java.util.Locale.ROOT).replaceFirst("^www\\.", "");
                    }
                } catch (IllegalArgumentException e) {
                    // a url that does not parse leaves the page a site of its own
                }
            }
            String type =
                    root.path("_internal").path("page_type").path("primary").asText("");
            if (type.isEmpty()) {
                type = root.path("page_type").asText("");
            }
            return new PageInfo(site, type.isEmpty() ? "unknown" : type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Optional<String> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Optional<String> idOf(String fileName) {
        for (String suffix : List.of(".html.gz", ".html", ".txt")) {
            if (fileName.endsWith(suffix) && fileName.length() > suffix.length()) {
                return Optional.of(fileName.substring(0, fileName.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }
}
