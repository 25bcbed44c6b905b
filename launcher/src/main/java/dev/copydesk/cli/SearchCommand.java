package dev.copydesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.copydesk.store.ArticleSearch;
import dev.copydesk.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description =
                "Full-text search over stored articles (SQLite FTS5 or PostgreSQL tsvector), ranked among the newest 1,000 matches, with highlighted snippets.")
final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WORDS", arity = "1..*", description = "Words to find (all of them), e.g. north korea.")
    List<String> words;

    @Option(
            names = "--db",
            paramLabel = "PATH|JDBC-URL",
            description = "SQLite file or PostgreSQL JDBC URL (default: the demo's database).")
    String db;

    @Option(names = "--lang", paramLabel = "CODE", description = "Only articles in this language (ISO 639-1).")
    String language;

    @Option(
            names = "--entity",
            paramLabel = "NAME",
            description = "Only articles mentioning this entity (canonical name).")
    String entity;

    @Option(
            names = "--since",
            paramLabel = "AGE|DATE",
            description = "Only articles received since: 30m, 12h, 2d, 1w, or a date 2026-11-01.")
    String since;

    @Option(names = "--limit", description = "Most hits to show (default 10).")
    int limit = 10;

    @Option(names = "--json", description = "One JSON array of hits, for scripts (matches marked <mark>...</mark>).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String jdbcUrl = Database.jdbcUrl(
                db != null
                        ? db
                        : DemoCommand.defaultDataDir().resolve("copydesk.db").toString());
        if (Database.isSqlite(jdbcUrl) && !Files.exists(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())))) {
            throw new IllegalArgumentException("no database at " + jdbcUrl.substring("jdbc:sqlite:".length())
                    + " (run ./copydesk demo, or give --db)");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        ArticleSearch.Query query = new ArticleSearch.Query(
                String.join(" ", words),
                Optional.ofNullable(language),
                Optional.ofNullable(entity),
                Optional.ofNullable(since).map(s -> TimeArgs.since(s, Instant.now())),
                limit);
        boolean ansi = !json && System.console() != null;
        String start = json ? "<mark>" : ansi ? "\u001b[1m" : "[";
        String end = json ? "</mark>" : ansi ? "\u001b[0m" : "]";
        List<ArticleSearch.Hit> hits;
        double ms;
        try (Connection connection = Database.connect(jdbcUrl)) {
            Database.migrate(connection); // a database written by an older copydesk gets its search index here
            long t0 = System.nanoTime(); // the query's own time, not the JVM's or the driver's start-up
            hits = new ArticleSearch(connection).search(query, start, end);
            ms = (System.nanoTime() - t0) / 1e6;
        }
        if (json) {
            List<Map<String, Object>> out =
                    hits.stream().map(ArticleSearch.Hit::toMap).toList();
            System.out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(out));
            return 0;
        }
        DateTimeFormatter time =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
        int rank = 0;
        for (ArticleSearch.Hit h : hits) {
            System.out.printf(
                    "%d. %s%n   %s · %s · %s · story %s v%d · score %.2f%n   %s%n%n",
                    ++rank,
                    h.title().isEmpty() ? "(untitled)" : h.title(),
                    h.sourceRef(),
                    time.format(h.receivedAt()),
                    h.language(),
                    h.storyId(),
                    h.version(),
                    h.score(),
                    h.snippet());
        }
        System.out.printf(
                "%d hit%s for \"%s\" in %.0f ms%n",
                hits.size(), hits.size() == 1 ? "" : "s", String.join(" ", words), ms);
        return 0;
    }
}
