package dev.copydesk.cli;

import static dev.copydesk.cli.DemoCommandIT.copydesk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaStackExtension.class)
class EnrichCommandIT {

    @TempDir
    Path stateDir;

    /** A supervisor restarts a service that exits non-zero; one that stops on an error must not exit 0. */
    @Test
    @Timeout(180)
    void enrichStreamsThatStopsOnAnErrorExitsNonZero(TestStack stack) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        DemoCommandIT.Run enrich = copydesk(
                "enrich",
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--schema-registry",
                stack.schemaRegistryUrl(),
                "--metrics-port",
                "-1",
                "-D",
                "application.id=enrich-fails-" + run,
                "-D",
                "state.dir=" + stateDir,
                "-D",
                "copydesk.topic.raw=no-such-topic-" + run); // a source topic that does not exist: Streams stops
        assertThat(enrich.exit()).as(enrich.err()).isEqualTo(1);
        assertThat(enrich.err())
                .contains("enrich-streams stopped on the error above")
                .contains("no-such-topic-" + run);
    }
}
