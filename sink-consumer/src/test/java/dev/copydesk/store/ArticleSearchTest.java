package dev.copydesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.avro.Article;
import dev.copydesk.testkit.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Full-text search on real SQLite (FTS5) and real PostgreSQL (tsvector + GIN). */
class ArticleSearchTest {

    @TempDir
    Path dir;

    static Article article(String id, String title, String body, String language, long receivedAt) {
        return Article.newBuilder(ArticleStoreTest.article(id, title))
                .setBody(body)
                .setLanguage(language)
                .setReceivedAt(Instant.ofEpochMilli(receivedAt))
                .build();
    }

    private String seed(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        try (ArticleStore store = new ArticleStore(url, "g")) {
            store.write(
                    List.of(
                            article(
                                    "seoul",
                                    "S. Korea, US defense chiefs discuss deterrence on N. Korea",
                                    "The defense chiefs of South Korea and the United States held annual security talks on North Korea. Lloyd Austin met Shin Won-sik.",
                                    "en",
                                    3_000),
                            article(
                                    "mention",
                                    "Markets close higher",
                                    "Stocks rose on Friday. Analysts said tensions with North Korea had little effect on trading.",
                                    "en",
                                    2_000),
                            article(
                                    "paris",
                                    "French rail workers strike",
                                    "Rail workers across France walked off the job over pensions.",
                                    "en",
                                    1_000),
                            article(
                                    "seoul-fr",
                                    "La Corée du Nord au menu",
                                    "Les ministres ont parlé de la Corée du Nord et de North Korea policy.",
                                    "fr",
                                    4_000)),
                    List.of(),
                    Map.of());
        }
        return url;
    }

    private static List<ArticleSearch.Hit> search(String url, ArticleSearch.Query q) throws Exception {
        try (Connection c = Database.connect(url)) {
            return new ArticleSearch(c).search(q, "[", "]");
        }
    }

    private static ArticleSearch.Query query(String text) {
        return new ArticleSearch.Query(text, Optional.empty(), Optional.empty(), Optional.empty(), 10);
    }

    @org.junit.jupiter.api.Test
    void aSqliteDatabaseFromBeforeVersion9KeepsItsArticlesSearchableWithTheSlimIndex() throws Exception {
        String url = TestDatabases.of("sqlite", dir);
        try (Connection c = Database.connect(url)) {
            Database.migrate(c, 8); // a database as version 8 left it, with articles indexed the old way
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute(
                        "INSERT INTO articles (id, story_id, version, source_ref, title, body, language, content_hash, word_count, "
                                + "removed_lines, received_at_ms, processed_at_ms, stored_at_ms) VALUES ('old', 'old', 1, 'old.txt', "
                                + "'Harbour pilots vote to strike', 'Pilots at the harbour voted to strike over rosters.', 'en', 'h', 9, 0, 1, 1, 1)");
                s.execute("INSERT INTO articles_fts (rowid, title, body) SELECT rowid, title, body FROM articles");
            }
            c.commit();
        }
        try (ArticleStore store = new ArticleStore(url, "g")) { // opening it applies version 9
            store.write(
                    List.of(article(
                            "new",
                            "Pilots return to the harbour",
                            "The pilots of the harbour went back to work.",
                            "en",
                            5)),
                    List.of(),
                    Map.of());
        }
        try (Connection c = Database.connect(url);
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("detail=column");
        }
        List<ArticleSearch.Hit> hits = search(url, query("harbour pilots"));
        assertThat(hits).extracting(ArticleSearch.Hit::id).containsExactlyInAnyOrder("old", "new");
        assertThat(search(url, query("rosters")))
                .singleElement()
                .satisfies(h -> assertThat(h.snippet()).contains("[rosters]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void ranksTitleMatchesFirstAndHighlightsTheWords(String kind) throws Exception {
        String url = seed(kind);
        List<ArticleSearch.Hit> hits = search(url, query("north korea"));
        assertThat(hits).extracting(ArticleSearch.Hit::id).containsExactlyInAnyOrder("seoul", "mention", "seoul-fr");
        assertThat(hits.get(0).id()).isEqualTo("seoul");
        assertThat(hits.get(0).snippet()).containsIgnoringCase("[North]").containsIgnoringCase("[Korea]");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(hits.size() - 1).score());
        assertThat(search(url, query("Corée")).get(0).id()).isEqualTo("seoul-fr");
        assertThat(search(url, query("pensions")))
                .extracting(ArticleSearch.Hit::id)
                .containsExactly("paris");
        assertThat(search(url, query("nothing matches this"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void filtersByLanguageTimeAndEntity(String kind) throws Exception {
        String url = seed(kind);
        assertThat(search(
                        url,
                        new ArticleSearch.Query(
                                "north korea", Optional.of("fr"), Optional.empty(), Optional.empty(), 10)))
                .extracting(ArticleSearch.Hit::id)
                .containsExactly("seoul-fr");
        assertThat(search(
                        url,
                        new ArticleSearch.Query(
                                "north korea",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Instant.ofEpochMilli(2_500)),
                                10)))
                .extracting(ArticleSearch.Hit::id)
                .containsExactlyInAnyOrder("seoul", "seoul-fr");
        try (Connection c = Database.connect(url);
                PreparedStatement p = c.prepareStatement(
                        "INSERT INTO entities (article_id, type, canonical_name, mentions) VALUES (?, ?, ?, ?)")) {
            p.setString(1, "seoul");
            p.setString(2, "person");
            p.setString(3, "Lloyd Austin");
            p.setInt(4, 1);
            p.executeUpdate();
        }
        assertThat(search(
                        url,
                        new ArticleSearch.Query(
                                "north korea", Optional.empty(), Optional.of("lloyd austin"), Optional.empty(), 10)))
                .extracting(ArticleSearch.Hit::id)
                .containsExactly("seoul");
        assertThat(search(
                        url, new ArticleSearch.Query("korea", Optional.empty(), Optional.empty(), Optional.empty(), 1)))
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void sinceFindsEveryArticleReceivedSinceWhateverOrderTheyWereStoredIn(String kind) throws Exception {
        // SQLite bounds the full-text walk by the first stored row received since then: a story received late but
        // stored first (a slow feed, a replay) must still be found
        String url = TestDatabases.of(kind, dir);
        try (ArticleStore store = new ArticleStore(url, "g")) {
            store.write(
                    List.of(article("late", "Harbour pilots strike", "Harbour pilots walked out.", "en", 9_000)),
                    List.of(),
                    Map.of());
            store.write(
                    List.of(article("early", "Harbour pilots warn", "Harbour pilots warned of a strike.", "en", 1_000)),
                    List.of(),
                    Map.of());
            store.write(
                    List.of(article("mid", "Harbour pilots vote", "Harbour pilots voted to strike.", "en", 5_000)),
                    List.of(),
                    Map.of());
        }
        assertThat(search(
                        url,
                        new ArticleSearch.Query(
                                "harbour pilots",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Instant.ofEpochMilli(4_000)),
                                10)))
                .extracting(ArticleSearch.Hit::id)
                .containsExactlyInAnyOrder("late", "mid");
        assertThat(search(
                        url,
                        new ArticleSearch.Query(
                                "harbour",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Instant.ofEpochMilli(9_001)),
                                10)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void theIndexFollowsUpsertsAndQuerySyntaxIsNeverInterpreted(String kind) throws Exception {
        String url = seed(kind);
        try (ArticleStore store = new ArticleStore(url, "g")) {
            store.write(
                    List.of(article(
                            "paris",
                            "French rail strike ends",
                            "Unions signed an agreement with the operator.",
                            "en",
                            1_000)),
                    List.of(),
                    Map.of());
        }
        assertThat(search(url, query("pensions"))).isEmpty();
        assertThat(search(url, query("agreement")))
                .extracting(ArticleSearch.Hit::id)
                .containsExactly("paris");
        // FTS5 operators, quotes and SQL in the query are just words
        for (String hostile : List.of(
                "korea\" OR \"", "NEAR(korea)", "korea*", "-korea", "'; DROP TABLE articles; --", "title:korea")) {
            assertThat(search(url, query(hostile)))
                    .as(hostile)
                    .allSatisfy(h -> assertThat(h.id()).isNotNull());
        }
        assertThat(search(url, query("korea\" OR \"pensions")))
                .extracting(ArticleSearch.Hit::id)
                .doesNotContain("paris");
        assertThatThrownBy(() -> search(url, query("  ?! "))).hasMessageContaining("give at least one word");
        try (ArticleStore store = new ArticleStore(url, "g")) {
            assertThat(store.count("articles")).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void anArticleDeliveredTwiceInOneBatchIsIndexedOnceWithItsLastText(String kind) throws Exception {
        String url = seed(kind);
        try (ArticleStore store = new ArticleStore(url, "g")) {
            store.write(
                    List.of(
                            article("ferry", "Ferry crews walk out", "Harbour ferries stopped at dawn.", "en", 5_000),
                            article(
                                    "ferry",
                                    "Ferry strike ends",
                                    "Harbour ferries sail again after a deal.",
                                    "en",
                                    5_000)),
                    List.of(),
                    Map.of());
        }
        assertThat(search(url, query("harbour ferries")))
                .extracting(ArticleSearch.Hit::id)
                .containsExactly("ferry");
        assertThat(search(url, query("dawn"))).isEmpty();
        assertThat(search(url, query("deal")))
                .extracting(ArticleSearch.Hit::title)
                .containsExactly("Ferry strike ends");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void hitsAreRankedAmongTheNewestThousandMatchesWithEveryFilter(String kind) throws Exception {
        String url = TestDatabases.of(kind, dir);
        List<Article> batch = new ArrayList<>();
        // the oldest 100 say "lighthouse" in the title (the best matches), the 1,100 after them in the body only
        for (int i = 0; i < 1_200; i++) {
            String title = i < 100 ? "Lighthouse keeper " + i : "Coast report " + i;
            batch.add(article(
                    String.format("coast-%04d", i),
                    title,
                    "The lighthouse on the point was inspected, report " + i + ".",
                    i % 2 == 0 ? "en" : "de",
                    10_000L + i));
        }
        try (ArticleStore store = new ArticleStore(url, "g")) {
            store.write(batch, List.of(), Map.of());
        }
        try (Connection c = Database.connect(url);
                PreparedStatement p = c.prepareStatement(
                        "INSERT INTO entities (article_id, type, canonical_name, mentions) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < 1_200; i += 3) {
                p.setString(1, String.format("coast-%04d", i));
                p.setString(2, "place");
                p.setString(3, "Cape Point");
                p.setInt(4, 1);
                p.addBatch();
            }
            p.executeBatch();
        }
        List<ArticleSearch.Hit> hits = search(url, query("lighthouse"));
        // ranking looks at the newest 1,000 matches only (coast-0200 .. coast-1199): the old title matches are not
        // there
        assertThat(hits).hasSize(10).allSatisfy(h -> assertThat(h.id()).isGreaterThanOrEqualTo("coast-0200"));
        // a word only the old ones have is still found: the window is of matches, not of articles
        assertThat(search(url, query("keeper")))
                .hasSize(10)
                .allSatisfy(h -> assertThat(h.title()).startsWith("Lighthouse keeper"));
        List<ArticleSearch.Hit> filtered = search(
                url,
                new ArticleSearch.Query(
                        "lighthouse",
                        Optional.of("de"),
                        Optional.of("cape point"),
                        Optional.of(Instant.ofEpochMilli(10_600)),
                        500));
        assertThat(filtered).isNotEmpty().allSatisfy(h -> {
            int n = Integer.parseInt(h.id().substring("coast-".length()));
            assertThat(n % 2).isEqualTo(1);
            assertThat(n % 3).isZero();
            assertThat(n).isGreaterThanOrEqualTo(600);
        });
        assertThat(filtered).hasSize((int) IntStream.range(600, 1_200)
                .filter(n -> n % 2 == 1 && n % 3 == 0)
                .count());
    }
}
