package dev.copydesk.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.cli.DemoCommandIT;
import java.io.File;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private static BenchCommand parsed(String... args) {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs(args);
        return bench;
    }

    @Test
    void refusesARunItsHeapCannotHoldAndSaysWhatToChange() {
        long oneGigabyte = 1L << 30;
        assertThatCode(() -> parsed().checkHeap(oneGigabyte)).doesNotThrowAnyException();
        assertThatThrownBy(() -> parsed("--warmup", "200000").checkHeap(oneGigabyte))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--articles 30000 and --warmup 200000 need about")
                .hasMessageContaining("this JVM has 1024 MB")
                .hasMessageContaining("COPYDESK_JAVA_OPTS=-Xmx3g");
        assertThatCode(() -> parsed("--warmup", "200000").checkHeap(4 * oneGigabyte))
                .doesNotThrowAnyException();
    }

    @Test
    void theCommandLineReportsTheRefusalAsAnErrorWithoutStartingAnything() {
        DemoCommandIT.Run run =
                DemoCommandIT.copydesk("bench", "--articles", "2000000000", "--results", "target/never");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("copydesk: --articles 2000000000 and --warmup 20000 need about");
        assertThat(new File("target/never")).doesNotExist();
    }
}
