package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The README and the command reference say what the command line does: every {@code copydesk COMMAND} in their
 * tables is a real command, and every {@code --flag} in its first column is an option of that command, as
 * {@code --help} lists them. A renamed or removed option fails here before a reader trips on it.
 */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(--[a-z][a-z.-]*[a-z])");

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/commands.md"})
    void everyCommandAndFlagInTheTablesIsOneTheCommandLineHas(String page) throws IOException {
        CommandLine root = new CommandLine(new CopydeskCommand());
        List<String> checked = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve(page))) {
            if (!line.startsWith("| `copydesk ")) {
                continue;
            }
            String firstColumn = line.substring(1, line.indexOf(" |", 2)).replace("\\|", "|");
            Matcher code = CODE.matcher(firstColumn);
            assertThat(code.find()).isTrue();
            String[] words = code.group(1).split("\\s+");
            CommandSpec command = root.getCommandSpec();
            int w = 1; // words[0] is "copydesk"
            while (w < words.length && command.subcommands().containsKey(words[w])) {
                command = command.subcommands().get(words[w]).getCommandSpec();
                w++;
            }
            assertThat(command)
                    .as("%s: %s names a command", page, code.group(1))
                    .isNotSameAs(root.getCommandSpec());
            Matcher flag = FLAG.matcher(firstColumn);
            while (flag.find()) {
                assertThat(command.findOption(flag.group(1)))
                        .as("%s: copydesk %s has %s (row: %s)", page, command.name(), flag.group(1), firstColumn)
                        .isNotNull();
            }
            checked.add(command.qualifiedName());
        }
        assertThat(checked).as(page + " has a command table").hasSizeGreaterThan(10);
    }

    @Test
    void theReadmeGivesTwoSetUpCommandsAndCiRunsItsTestCommand() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("## The two commands\\n[^`]*```bash\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find()).isTrue();
        List<String> commands = block.group(1)
                .lines()
                .map(l -> l.replaceAll("\\s+#.*", "").strip())
                .filter(l -> !l.isEmpty())
                .toList();
        assertThat(commands).containsExactly("./copydesk demo", "mvn -B verify");
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(ci.get(ci.size() - 1)).isEqualTo(commands.get(1));
        assertThat(new CommandLine(new CopydeskCommand()).getSubcommands()).containsKey("demo");
    }

    @Test
    void theReadmeStaysShortAndLinksPagesThatExist() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        assertThat(readme)
                .as("the README is for a newcomer; depth goes in docs/")
                .hasSizeLessThanOrEqualTo(250);
        Matcher link = Pattern.compile("\\]\\((docs/[^)#]+)").matcher(String.join("\n", readme));
        int links = 0;
        while (link.find()) {
            assertThat(ROOT.resolve(link.group(1))).as(link.group(1)).isRegularFile();
            links++;
        }
        assertThat(links).isGreaterThanOrEqualTo(9);
    }
}
