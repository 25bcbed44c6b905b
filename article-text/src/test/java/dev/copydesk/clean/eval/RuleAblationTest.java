package dev.copydesk.clean.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleAblationTest {

    @TempDir
    Path dir;

    private static final String STORY =
            "The harbour reopened on Monday after crews cleared the wreckage, the port authority said.\n"
                    + "Ferries sailed again before noon, and the first freighters were expected by the evening tide.\n"
                    + "Fishermen said the storm had cost them a week of work and most of their nets.";

    @Test
    void aListWithoutOneEntryIsLoadedAfreshAndItsEffectShows() throws Exception {
        Files.createDirectories(dir.resolve("text"));
        Files.createDirectories(dir.resolve("ground-truth"));
        String[] paragraphs = STORY.split("\n");
        Files.writeString(
                dir.resolve("text/a.txt"),
                "Home\nNews\nHarbour reopens\n" + paragraphs[0] + "\nAdvertisement\n" + paragraphs[1] + "\n"
                        + paragraphs[2] + "\n");
        Files.writeString(
                dir.resolve("ground-truth/a.json"),
                "{\"url\":\"https://a.example/x\",\"ground_truth\":{\"main_content\":\"" + STORY.replace("\n", "\\n")
                        + "\"}}");

        double[][] shipped = RuleAblation.scoresIn(dir.resolve("none"), dir);
        Path override = dir.resolve("without");
        Path list = override.resolve("dev/copydesk/clean/furniture-lines.txt");
        Files.createDirectories(list.getParent());
        List<String> lines;
        try (var in =
                RuleAblation.class.getClassLoader().getResourceAsStream("dev/copydesk/clean/furniture-lines.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.equals("advertisement"))
                    .toList();
        }
        Files.write(list, lines, StandardCharsets.UTF_8);
        double[][] without = RuleAblation.scoresIn(override, dir);

        assertThat(shipped).hasNumberOfRows(1);
        assertThat(shipped[0][0]).as("no html rendering").isNaN();
        assertThat(shipped[0][1]).isGreaterThan(0.99);
        assertThat(without[0][1]).as("\"Advertisement\" stays in the story").isLessThan(shipped[0][1]);
    }
}
