package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copydesk.avro.Article;
import dev.copydesk.store.ArticleStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code copydesk search} on a real SQLite database, as a user runs it. */
class SearchCommandTest {

    @TempDir
    Path dir;

    private Path database() throws Exception {
        Path db = dir.resolve("search.db");
        Article seoul = Article.newBuilder()
                .setId("seoul")
                .setStoryId("seoul")
                .setVersion(1)
                .setSourceRef("wire/seoul.txt")
                .setReceivedAt(Instant.now().minusSeconds(3600))
                .setProcessedAt(Instant.now())
                .setTitle("Defense chiefs discuss North Korea")
                .setBody("The defense chiefs of South Korea and the United States discussed North Korea on Monday.")
                .setLanguage("en")
                .setContentHash("h1")
                .setWordCount(15)
                .setRemovedLines(0)
                .build();
        Article old = Article.newBuilder(seoul)
                .setId("old")
                .setStoryId("old")
                .setSourceRef("wire/old.txt")
                .setReceivedAt(Instant.now().minusSeconds(10 * 86400))
                .setTitle("North Korea fires missile")
                .setContentHash("h2")
                .build();
        try (ArticleStore store = new ArticleStore("jdbc:sqlite:" + db, "g")) {
            store.write(List.of(seoul, old), List.of(), Map.of());
        }
        return db;
    }

    @Test
    void printsRankedHitsWithHighlightsAndFiltersByAge() throws Exception {
        Path db = database();
        DemoCommandIT.Run all = DemoCommandIT.copydesk("search", "north", "korea", "--db", db.toString());
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out())
                .contains("1. ")
                .contains("2. ")
                .contains("[North] [Korea]")
                .contains("2 hits for \"north korea\"");
        DemoCommandIT.Run recent =
                DemoCommandIT.copydesk("search", "north korea", "--since", "2d", "--db", db.toString());
        assertThat(recent.out())
                .contains("Defense chiefs discuss North Korea")
                .doesNotContain("fires missile")
                .contains("1 hit ");
    }

    @Test
    void jsonOutputIsMachineReadable() throws Exception {
        Path db = database();
        DemoCommandIT.Run run =
                DemoCommandIT.copydesk("search", "korea", "--json", "--limit", "1", "--db", db.toString());
        assertThat(run.exit()).isZero();
        JsonNode hits = new ObjectMapper().readTree(run.out());
        assertThat(hits.isArray()).isTrue();
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).path("snippet").asText()).contains("<mark>");
        assertThat(hits.get(0).path("sourceRef").asText()).startsWith("wire/");
    }

    @Test
    void badInputGetsAClearErrorAndNoDatabaseIsCreated() throws Exception {
        Path missing = dir.resolve("none.db");
        DemoCommandIT.Run noDb = DemoCommandIT.copydesk("search", "korea", "--db", missing.toString());
        assertThat(noDb.exit()).isEqualTo(1);
        assertThat(noDb.err()).contains("no database at");
        assertThat(missing).doesNotExist();
        Path db = database();
        DemoCommandIT.Run badSince =
                DemoCommandIT.copydesk("search", "korea", "--since", "yesterday", "--db", db.toString());
        assertThat(badSince.exit()).isEqualTo(1);
        assertThat(badSince.err()).contains("--since takes an age like");
        DemoCommandIT.Run noWords = DemoCommandIT.copydesk("search", "?!", "--db", db.toString());
        assertThat(noWords.exit()).isEqualTo(1);
        assertThat(noWords.err()).contains("give at least one word");
    }
}
