package dev.copydesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.avro.Article;
import dev.copydesk.avro.DuplicateKind;
import dev.copydesk.avro.DuplicateNotice;
import dev.copydesk.avro.Entity;
import dev.copydesk.avro.EntityType;
import dev.copydesk.avro.Keyword;
import dev.copydesk.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store on real SQLite and real PostgreSQL. */
public class ArticleStoreTest {

    @TempDir
    Path dir;

    public static Article article(String id, String title) {
        return Article.newBuilder()
                .setId(id)
                .setStoryId(id)
                .setVersion(1)
                .setSourceRef(id + ".txt")
                .setReceivedAt(Instant.ofEpochMilli(1000))
                .setProcessedAt(Instant.ofEpochMilli(2000))
                .setTitle(title)
                .setBody("Body of " + id + " with 'quotes'; DROP TABLE articles; --")
                .setLanguage("en")
                .setContentHash("h-" + id)
                .setWordCount(5)
                .setRemovedLines(2)
                .build();
    }

    public static DuplicateNotice notice(String id, String of) {
        return DuplicateNotice.newBuilder()
                .setId(id)
                .setSourceRef(id + ".txt")
                .setDuplicateOf(of)
                .setKind(DuplicateKind.EXACT)
                .setSimilarity(1.0)
                .setStoryId(of)
                .setDetectedAt(Instant.ofEpochMilli(3000))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void writesRowsAndOffsetsTogetherAndUpsertsByIdIdempotently(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        TopicPartition tp = new TopicPartition("articles.enriched", 0);
        try (ArticleStore store = new ArticleStore(url, "g")) {
            store.write(
                    List.of(article("a", "First"), article("b", "Second")), List.of(notice("c", "a")), Map.of(tp, 3L));
            store.write(List.of(article("a", "First, again")), List.of(notice("c", "a")), Map.of(tp, 4L));
            assertThat(store.count("articles")).isEqualTo(2);
            assertThat(store.count("duplicates")).isEqualTo(1);
            assertThat(store.storedOffsets()).containsExactly(Map.entry(tp, 4L));
        }
        try (Connection c = Database.connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT title, body, received_at_ms FROM articles WHERE id = 'a'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("First, again");
            assertThat(rs.getString(2)).contains("DROP TABLE articles");
            assertThat(rs.getLong(3)).isEqualTo(1000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aFailedBatchKeepsNeitherItsRowsNorItsOffsets(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        TopicPartition tp = new TopicPartition("articles.enriched", 0);
        try (ArticleStore store = new ArticleStore(url, "g")) {
            store.write(List.of(article("a", "First")), List.of(), Map.of(tp, 1L));
            try (Connection c = Database.connect(url);
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE duplicates"); // the next batch's second statement fails
            }
            assertThatThrownBy(() ->
                            store.write(List.of(article("b", "Second")), List.of(notice("c", "a")), Map.of(tp, 3L)))
                    .isInstanceOf(SQLException.class);
            assertThat(store.count("articles")).isEqualTo(1);
            assertThat(store.storedOffsets()).containsExactly(Map.entry(tp, 1L));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void migrationsApplyOnceAndAreRecorded(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        try (Connection c = Database.connect(url)) {
            assertThat(Database.migrate(c)).isEqualTo(Database.MIGRATIONS.size());
            assertThat(Database.migrate(c)).isZero();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(Database.MIGRATIONS.size());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void entityNamesCarryOneIndexTheLowerCasedOneSearchUses(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        try (Connection c = Database.connect(url)) {
            Database.migrate(c);
            String sql = Database.dialect(c).equals("sqlite")
                    ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entities' AND sql IS NOT NULL"
                    : "SELECT indexname FROM pg_indexes WHERE tablename = 'entities' AND schemaname = current_schema() AND indexname NOT LIKE '%pkey'";
            List<String> indexes = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
            // every entity row pays for each index; the plain name index (V3) served no query and is gone (V8),
            // the country index serves the documented WHERE country_code = 'KP'
            assertThat(indexes).containsExactlyInAnyOrder("entities_name_lower", "entities_country");
            if (Database.dialect(c).equals("sqlite")) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(
                                "EXPLAIN QUERY PLAN SELECT article_id FROM entities WHERE LOWER(canonical_name) = 'lloyd austin'")) {
                    StringBuilder plan = new StringBuilder();
                    while (rs.next()) {
                        plan.append(rs.getString(4));
                    }
                    assertThat(plan.toString()).contains("entities_name_lower");
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aPlainPathMeansASqliteFile() {
        assertThat(Database.jdbcUrl("data/x.db")).startsWith("jdbc:sqlite:/").endsWith("data/x.db");
        assertThat(Database.jdbcUrl("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void twoSinksOfOneGroupWriteTheirOwnPartitionsIntoOneDatabaseAtOnce(String kind) throws Exception {
        // a scaled-out sink: each instance owns some partitions and commits their rows with their offsets; on SQLite
        // the second writer waits for the first (busy_timeout) instead of failing with "database is locked"
        String url = TestDatabases.of(kind, dir);
        try (ArticleStore migrated = new ArticleStore(url, "g")) {
            assertThat(migrated.count("articles")).isZero();
        }
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int partition = w;
            writers.add(new Thread(() -> {
                try (ArticleStore store = new ArticleStore(url, "g")) {
                    for (int batch = 0; batch < 30; batch++) {
                        List<Article> articles = new ArrayList<>();
                        for (int i = 0; i < 20; i++) {
                            articles.add(article("p" + partition + "-" + batch + "-" + i, "Harbour story " + i));
                        }
                        store.write(
                                articles,
                                List.of(),
                                Map.of(new TopicPartition("articles.enriched", partition), (batch + 1) * 20L));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread t : writers) {
            t.join(60_000);
        }
        assertThat(failures).isEmpty();
        try (ArticleStore store = new ArticleStore(url, "g")) {
            assertThat(store.count("articles")).isEqualTo(1200);
            assertThat(store.storedOffsets())
                    .containsOnly(
                            Map.entry(new TopicPartition("articles.enriched", 0), 600L),
                            Map.entry(new TopicPartition("articles.enriched", 1), 600L));
        }
    }

    @org.junit.jupiter.api.Test
    void sqliteGetsARoomyPageCacheAndRareCheckpointsUnlessTheUrlSaysOtherwise() throws Exception {
        String url = Database.jdbcUrl(dir.resolve("tuned.db").toString());
        try (Connection c = Database.connect(url)) {
            assertThat(pragma(c, "cache_size")).isEqualTo(-65536);
            assertThat(pragma(c, "wal_autocheckpoint")).isEqualTo(16384);
            assertThat(pragma(c, "synchronous")).isEqualTo(1); // NORMAL
        }
        try (Connection c = Database.connect(url + "?cache_size=-1000&synchronous=FULL")) {
            assertThat(pragma(c, "cache_size")).isEqualTo(-1000);
            assertThat(pragma(c, "synchronous")).isEqualTo(2);
        }
        // the driver knows no wal_autocheckpoint setting; copydesk applies it and keeps it out of the file's name
        for (String query : List.of(
                "?wal_autocheckpoint=100",
                "?cache_size=-1000&wal_autocheckpoint=100",
                "?wal_autocheckpoint=100&synchronous=FULL")) {
            try (Connection c = Database.connect(url + query);
                    Statement s = c.createStatement()) {
                assertThat(pragma(c, "wal_autocheckpoint")).isEqualTo(100);
                s.execute("CREATE TABLE IF NOT EXISTS marker (x INTEGER)");
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .allMatch(name -> name.startsWith("tuned.db"))
                    .noneMatch(name -> name.contains("?"));
        }
    }

    @org.junit.jupiter.api.Test
    void sqlitesLogIsCopiedBackOffTheWritersThreadWhileTheSinkKeepsItsConnection() throws Exception {
        Path file = dir.resolve("checkpointed.db");
        String url = Database.jdbcUrl(file.toString());
        TopicPartition tp = new TopicPartition("articles.enriched", 0);
        try (ArticleStore store = new ArticleStore(url, "g")) {
            long fileBefore = Files.size(file);
            List<Article> batch = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                batch.add(Article.newBuilder(article("a" + i, "Story " + i))
                        .setBody(("Body of story " + i + ". ").repeat(200))
                        .build());
            }
            store.write(batch, List.of(), Map.of(tp, 300L));
            // the writer checkpoints itself only past 256 MiB of log: what reaches the database file while the
            // writer holds its connection was copied there by the background checkpointer
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Files.size(file) > fileBefore + 1_000_000);
            assertThat(store.walCheckpoints()).isPositive();
            try (Connection c = Database.connect(url)) {
                c.setAutoCommit(false);
                assertThat(pragma(c, "wal_autocheckpoint")).isEqualTo(16384); // other connections: unchanged
            }
            store.write(List.of(article("b", "After the checkpoint")), List.of(), Map.of(tp, 301L));
            assertThat(store.count("articles")).isEqualTo(301);
        }
        try (ArticleStore store = new ArticleStore(url + "?wal_autocheckpoint=100", "g")) {
            assertThat(store.walCheckpoints()).isZero(); // a URL that sets the threshold keeps SQLite's own checkpoints
        }
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void pageMetadataAndEnrichmentAreStoredAndShownByTheLatestStoryView(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        Article page = article("p", "Ferry strike");
        page.setAuthor("Mere Tahana, Oliver Grant");
        page.setPublishedAt("2026-11-26T07:45:00+13:00");
        page.setCanonicalUrl("https://courier.example/ferry");
        page.setAgency("Yonhap");
        page.setDatelinePlace("SEOUL");
        page.setSentenceCount(9);
        page.setLede("The defense chiefs met.");
        page.setEntities(List.of(
                Entity.newBuilder()
                        .setType(EntityType.PERSON)
                        .setName("Lloyd Austin")
                        .setMentions(6)
                        .build(),
                Entity.newBuilder()
                        .setType(EntityType.PLACE)
                        .setName("North Korea")
                        .setMentions(5)
                        .setCountryCode("KP")
                        .build()));
        page.setKeywords(List.of(Keyword.newBuilder()
                .setPhrase("deterrence strategy")
                .setWeight(7.5)
                .build()));
        try (ArticleStore store = new ArticleStore(url, "g")) {
            store.write(List.of(page, article("t", "From text")), List.of(), Map.of());
            store.write(List.of(page), List.of(), Map.of()); // re-delivered: rows replaced, not doubled
        }
        try (Connection c = Database.connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT type, canonical_name, mentions, country_code FROM entities WHERE article_id = 'p' ORDER BY type")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3))
                    .isEqualTo("person/Lloyd Austin/6");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(4))
                    .isEqualTo("place/North Korea/KP");
            assertThat(rs.next()).isFalse();
        }
        try (Connection c = Database.connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT keyword, weight FROM keywords WHERE article_id = 'p'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("deterrence strategy");
            assertThat(rs.next()).isFalse();
        }
        try (Connection c = Database.connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id, author, published_at, canonical_url, agency, dateline_place, sentence_count, lede "
                                + "FROM story_latest ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("Mere Tahana, Oliver Grant");
            assertThat(rs.getString(3)).isEqualTo("2026-11-26T07:45:00+13:00");
            assertThat(rs.getString(4)).isEqualTo("https://courier.example/ferry");
            assertThat(rs.getString(5) + "/" + rs.getString(6) + "/" + rs.getInt(7) + "/" + rs.getString(8))
                    .isEqualTo("Yonhap/SEOUL/9/The defense chiefs met.");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEmpty();
            assertThat(rs.getString(3)).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void entityAndKeywordTextIsStoredExactlyWhateverItHolds(String kind) throws Exception {
        // PostgreSQL streams these rows with COPY, whose text format gives tab, newline, backslash and "\N" meanings
        String odd = "Tab\there, line\nbreak, CR\r, back\\slash, \\N, \\., 北韓 \u00e9";
        String url = TestDatabases.of(kind, dir);
        Article a = article("x", "Odd names");
        a.setEntities(List.of(
                Entity.newBuilder()
                        .setType(EntityType.ORGANIZATION)
                        .setName(odd)
                        .setMentions(2)
                        .setCountryCode("\\N")
                        .build(),
                Entity.newBuilder()
                        .setType(EntityType.ORGANIZATION)
                        .setName(odd)
                        .setMentions(9)
                        .build()));
        a.setKeywords(List.of(
                Keyword.newBuilder().setPhrase(odd).setWeight(1.0E-5).build(),
                Keyword.newBuilder().setPhrase("\\.").setWeight(123456789.25).build()));
        try (ArticleStore store = new ArticleStore(url, "g")) {
            store.write(List.of(a, article("y", "Plain")), List.of(), Map.of());
        }
        try (Connection c = Database.connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT canonical_name, mentions, country_code FROM entities WHERE article_id = 'x'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(odd);
            assertThat(rs.getInt(2)).isEqualTo(2); // the first of a repeated name, as before
            assertThat(rs.getString(3)).isEqualTo("\\N").isNotNull();
            assertThat(rs.next()).isFalse();
        }
        try (Connection c = Database.connect(url);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT keyword, weight FROM keywords WHERE article_id = 'x' ORDER BY weight")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(odd);
            assertThat(rs.getDouble(2)).isEqualTo(1.0E-5);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("\\.");
            assertThat(rs.getDouble(2)).isEqualTo(123456789.25);
            assertThat(rs.next()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void everyVersionIsKeptAndTheLatestOfEachStoryIsOneSimpleQuery(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        Article v1 = article("a", "Rates held");
        Article v2 = article("b", "UPDATE 1-Rates held");
        v2.setStoryId("a");
        v2.setVersion(2);
        Article other = article("c", "Strike");
        DuplicateNotice near = DuplicateNotice.newBuilder(notice("b", "a"))
                .setKind(DuplicateKind.NEAR)
                .setSimilarity(0.8)
                .setContainment(0.97)
                .setVersion(2)
                .build();
        try (ArticleStore store = new ArticleStore(url, "g")) {
            store.write(List.of(v1, v2, other), List.of(near), Map.of());
        }
        try (Connection c = Database.connect(url);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT story_id, id, version FROM story_latest ORDER BY story_id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + "/" + rs.getString(2) + "/v" + rs.getInt(3))
                        .isEqualTo("a/b/v2");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + "/" + rs.getString(2) + "/v" + rs.getInt(3))
                        .isEqualTo("c/c/v1");
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM articles WHERE story_id = 'a'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            try (ResultSet rs =
                    s.executeQuery("SELECT kind, similarity, containment, version FROM duplicates WHERE id = 'b'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("near");
                assertThat(rs.getDouble(3)).isEqualTo(0.97);
                assertThat(rs.getInt(4)).isEqualTo(2);
            }
        }
    }
}
