package dev.copydesk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared material beside the repository, and the article bodies from ../shared/data/wcxb-dev (ground_truth.main_content; CC-BY-4.0, "Murrough Foley, WCXB").
 * The shared folder lies outside the repository: tests using it are skipped, saying so, where it is absent.
 */
public final class SharedData {

    public static Path dir() {
        Path shared = Path.of(System.getProperty("copydesk.shared.dir", "../../shared"));
        Path wcxb = shared.resolve("data").resolve("wcxb-dev");
        Assumptions.assumeTrue(Files.isDirectory(wcxb), "the WCXB development set is not at " + wcxb.toAbsolutePath());
        return wcxb;
    }

    public static List<String> bodies(int minWords) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir().resolve("ground-truth"))) {
            for (Path f : files.sorted().toList()) {
                JsonNode truth = json.readTree(f.toFile()).path("ground_truth");
                String body = truth.path("main_content").asText("");
                if (body.split("\\s+").length >= minWords) {
                    out.add(body);
                }
            }
        }
        return out;
    }
}
