package dev.copydesk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Real sentences of a language, one a line: the whole file of {@code ../shared/data/lang-sentences} when it is
 * there, else the repository's fixture of 170 (Lingua's test data from the Leipzig Corpora Collection).
 */
public final class LangSentences {

    private LangSentences() {}

    public static List<String> of(String lang) throws IOException {
        Path shared = Path.of(
                System.getProperty("copydesk.shared.dir", "../../shared"), "data", "lang-sentences", lang + ".txt");
        List<String> lines;
        if (Files.isRegularFile(shared)) {
            lines = Files.readAllLines(shared, StandardCharsets.UTF_8);
        } else {
            String resource = "/dev/copydesk/testkit/sentences-" + lang + ".txt";
            try (InputStream in = LangSentences.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no fixture " + resource);
                }
                lines = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            }
        }
        return lines.stream().map(String::strip).filter(l -> l.length() >= 20).toList();
    }
}
