package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.store.Database;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code copydesk demo} as a user runs it: the whole pipeline, its summary, and a repeat run that adds nothing. */
@ExtendWith(KafkaStackExtension.class)
public class DemoCommandIT {

    @TempDir
    Path dir;

    public record Run(int exit, String out, String err) {}

    public static Run copydesk(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = CopydeskCommand.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            out.print(o.toString(StandardCharsets.UTF_8));
            err.print(e.toString(StandardCharsets.UTF_8));
        }
    }

    static List<String> column(String jdbcUrl, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = Database.connect(jdbcUrl);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void theDemoOnItsEmbeddedStackStoresTheSamplesOnceAndARepeatRunAddsNothing() throws Exception {
        Path data = dir.resolve("world");
        Run first = copydesk("demo", "--data-dir", data.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        String db = "jdbc:sqlite:" + data.resolve("copydesk.db");
        // seven samples (six wire stories and a news page), three of them one Reuters story: the original, an exact
        // copy and an updated version. Which
        // arrives first depends on partitions; whatever the order, two Reuters articles are stored as versions 1
        // and 2 of one story, and one copy is reported exact and one near.
        assertThat(column(db, "SELECT id FROM articles")).hasSize(6);
        assertThat(column(db, "SELECT kind FROM duplicates")).containsExactlyInAnyOrder("exact", "near");
        assertThat(column(db, "SELECT version FROM articles WHERE source_ref LIKE 'wire/reuters%' ORDER BY version"))
                .containsExactly("1", "2");
        assertThat(column(
                        db,
                        "SELECT DISTINCT story_id FROM articles WHERE source_ref LIKE 'wire/reuters%' "
                                + "UNION SELECT story_id FROM duplicates"))
                .hasSize(1);
        assertThat(column(db, "SELECT version FROM story_latest WHERE source_ref LIKE 'wire/reuters%'"))
                .containsExactly("2");
        assertThat(column(db, "SELECT title FROM articles WHERE source_ref = 'wire/000_37dfc94a614f9a67.txt'"))
                .containsExactly(Files.readAllLines(Path.of("..", "samples", "wire", "000_37dfc94a614f9a67.txt"))
                        .get(0));
        String seedBody = column(db, "SELECT body FROM articles WHERE source_ref = 'wire/000_37dfc94a614f9a67.txt'")
                .get(0);
        for (String chrome : List.of("下一篇", "相关文章", "相关推荐", "Hyundai Elevator wins Good Design Award 2023")) {
            assertThat(seedBody).doesNotContain(chrome);
        }
        assertThat(
                        column(
                                db,
                                "SELECT title || ' / ' || author || ' / ' || published_at FROM articles WHERE source_ref = 'wire/harbour-ferry-strike.html'"))
                .containsExactly(
                        "Ferry crews strike over rosters, stranding island commuters / Mere Tahana, Oliver Grant / 2026-11-26T07:45:00+13:00");
        assertThat(first.out())
                .contains("articles stored        6")
                .contains("magic byte 0")
                .contains("HTTP 200")
                .contains("S. Korea, US defense chiefs discuss");

        Run second = copydesk("demo", "--data-dir", data.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out())
                .contains("published this run     7")
                .contains("articles stored        6")
                .contains("duplicates stored      2");
        assertThat(column(db, "SELECT id FROM articles")).hasSize(6);
    }

    @Test
    void badFilesAreRejectedWithReasonsWhileTheRestIsStoredOnAnExternalCluster(TestStack stack) throws Exception {
        Path input = Files.createDirectories(dir.resolve("inbox"));
        Files.copy(Path.of("..", "samples", "wire", "afp-paris-strike.txt"), input.resolve("afp.txt"));
        Files.copy(Path.of("..", "samples", "wire", "ap-washington-budget.txt"), input.resolve("ap.txt"));
        Files.write(input.resolve("empty.txt"), new byte[0]);
        Files.write(
                input.resolve("image.txt"),
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0x10, 'J', 'F', 'I', 'F', 0});
        Files.write(
                input.resolve("latin1.txt"), "Nachrichten f\u00fcr Z\u00fcrich".getBytes(StandardCharsets.ISO_8859_1));
        byte[] noise = new byte[64];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (0x80 + (i * 37) % 0x7F);
        }
        Files.write(input.resolve("noise.txt"), noise);
        Path db = dir.resolve("external.db");
        Run run = copydesk(
                "demo",
                "--input",
                input.toString(),
                "--db",
                db.toString(),
                "--data-dir",
                dir.resolve("d").toString(),
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--schema-registry",
                stack.schemaRegistryUrl());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("rejected inbox/empty.txt: empty")
                .contains("rejected inbox/image.txt: binary")
                .contains("rejected inbox/noise.txt: undecodable");
        // Latin-1 without a declaration: its charset is detected, and the text arrives intact
        assertThat(column("jdbc:sqlite:" + db, "SELECT source_ref FROM articles"))
                .containsExactlyInAnyOrder("inbox/afp.txt", "inbox/ap.txt", "inbox/latin1.txt");
        assertThat(column("jdbc:sqlite:" + db, "SELECT body FROM articles WHERE source_ref = 'inbox/latin1.txt'"))
                .containsExactly("Nachrichten f\u00fcr Z\u00fcrich");
    }

    @Test
    void produceExitsTwoWhenAnInputIsRejectedAndUsageErrorsAreClear(TestStack stack) throws IOException {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Run run = copydesk(
                "produce",
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--schema-registry",
                stack.schemaRegistryUrl(),
                "-D",
                "copydesk.topic.raw=launcher-produce-test",
                empty.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("published 0, rejected 1").contains("empty");
        Run usage = copydesk("demo", "--bootstrap-server", "127.0.0.1:1");
        assertThat(usage.exit()).isEqualTo(1);
        assertThat(usage.err()).contains("--bootstrap-server and --schema-registry go together");
    }
}
