package dev.copydesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.copydesk.avro.AlertKind;
import dev.copydesk.avro.Watchlist;
import dev.copydesk.store.Database;
import dev.copydesk.watch.ArticleDocument;
import dev.copydesk.watch.QueryParser;
import dev.copydesk.watch.WatchMatch;
import dev.copydesk.watch.WatchMatcher;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Watchlists: add, list, remove, and backtest over stored articles. */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = "Watchlists: queries every new story is matched against, alerting on articles.alerts.",
        subcommands = {
            WatchCommand.Add.class,
            WatchCommand.ListAll.class,
            WatchCommand.Remove.class,
            WatchCommand.Backtest.class
        })
final class WatchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a watchlist, or replace the one of that name; a query that does not parse is refused.")
    static final class Add implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "NAME", description = "Letters, digits, '.', '_' and '-'.")
        String name;

        @Option(
                names = "--query",
                required = true,
                description = "e.g. 'entity:\"Kim Jong-un\" AND (missile OR launch) NOT lang:ko' (docs/watchlists.md).")
        String query;

        @Option(names = "--webhook", paramLabel = "URL", description = "POST each alert here as JSON.")
        String webhook;

        @Option(
                names = "--secret",
                description = "Sign each webhook body with HMAC-SHA256 under this key (X-Copydesk-Signature).")
        String secret;

        @Override
        public Integer call() throws Exception {
            WatchlistTopic.checkName(name);
            try (WatchMatcher check = new WatchMatcher()) {
                check.check(query); // refused here, with the position, before anything is published
            }
            if (webhook != null) {
                URI uri = URI.create(webhook);
                if (!uri.isAbsolute() || !List.of("http", "https").contains(uri.getScheme())) {
                    throw new IllegalArgumentException("--webhook takes an http:// or https:// URL, not " + webhook);
                }
            }
            if (secret != null && webhook == null) {
                throw new IllegalArgumentException("--secret signs webhook deliveries: give --webhook too");
            }
            WatchlistTopic topic = new WatchlistTopic(connection.serviceConfig());
            topic.put(Watchlist.newBuilder()
                    .setName(name)
                    .setQuery(query)
                    .setWebhookUrl(webhook)
                    .setSecret(secret)
                    .setUpdatedAt(Instant.now())
                    .build());
            System.out.println("watchlist " + name + " set: " + QueryParser.parse(query));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The watchlists in force.")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--json", description = "One JSON array, for scripts (secrets shown as set or not).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Map<String, Watchlist> all = new WatchlistTopic(connection.serviceConfig()).readAll();
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                all.values().forEach(w -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", w.getName());
                    m.put("query", w.getQuery());
                    m.put("webhook", w.getWebhookUrl());
                    m.put("signed", w.getSecret() != null);
                    m.put("updatedAt", w.getUpdatedAt().toString());
                    out.add(m);
                });
                System.out.println(new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(out));
                return 0;
            }
            for (Watchlist w : all.values()) {
                System.out.printf(
                        "%-24s %s%s%n",
                        w.getName(),
                        w.getQuery(),
                        w.getWebhookUrl() == null
                                ? ""
                                : "  -> " + w.getWebhookUrl() + (w.getSecret() == null ? "" : " (signed)"));
            }
            System.err.printf("copydesk: %d watchlists%n", all.size());
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a watchlist (a tombstone).")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            WatchlistTopic topic = new WatchlistTopic(connection.serviceConfig());
            if (!topic.readAll().containsKey(name)) {
                throw new IllegalArgumentException("no watchlist " + name + " (copydesk watch list shows them)");
            }
            topic.remove(name);
            System.out.println("watchlist " + name + " removed");
            return 0;
        }
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = "Backtest: run a watchlist's query over stored articles and list what it would have alerted,"
                    + " NEW or UPDATE, as live matching does.")
    static final class Backtest implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        static final class Which {
            @Parameters(paramLabel = "NAME", description = "A watchlist in force.")
            String name;

            @Option(names = "--query", description = "A query to try before adding it.")
            String query;
        }

        @ArgGroup(multiplicity = "1")
        Which which;

        @Option(
                names = "--db",
                paramLabel = "PATH|JDBC-URL",
                description = "SQLite file or PostgreSQL JDBC URL (default: the demo's database).")
        String db;

        @Option(
                names = "--since",
                paramLabel = "AGE|DATE",
                description = "Only articles received since: 30m, 12h, 7d, or a date 2026-11-01 (default 7d).")
        String since = "7d";

        @Option(names = "--limit", description = "Most alerts to list (default 50; all are counted).")
        int limit = 50;

        @Override
        public Integer call() throws Exception {
            String query = which.query;
            if (query == null) {
                Watchlist w =
                        new WatchlistTopic(connection.serviceConfig()).readAll().get(which.name);
                if (w == null) {
                    throw new IllegalArgumentException("no watchlist " + which.name);
                }
                query = w.getQuery();
            }
            String jdbcUrl = Database.jdbcUrl(
                    db != null
                            ? db
                            : DemoCommand.defaultDataDir()
                                    .resolve("copydesk.db")
                                    .toString());
            if (Database.isSqlite(jdbcUrl) && !Files.exists(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())))) {
                throw new IllegalArgumentException("no database at " + jdbcUrl.substring("jdbc:sqlite:".length())
                        + " (run ./copydesk demo, or give --db)");
            }
            String name = which.name != null ? which.name : "query";
            List<Backtested> found = backtest(jdbcUrl, name, query, TimeArgs.since(since, Instant.now()));
            DateTimeFormatter time =
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
            found.stream()
                    .limit(limit)
                    .forEach(b -> System.out.printf(
                            "%s  %-6s %s v%d [%s] \"%s\"%n    %s%n",
                            time.format(b.receivedAt()),
                            b.kind(),
                            b.articleId(),
                            b.version(),
                            b.language(),
                            b.title(),
                            b.match().snippet().isEmpty()
                                    ? "matched on its fields"
                                    : b.match().snippet()));
            System.err.printf(
                    "copydesk: %d alerts (%d new stories, %d updates) for %s since %s%n",
                    found.size(),
                    found.stream().filter(b -> b.kind() == AlertKind.NEW).count(),
                    found.stream().filter(b -> b.kind() == AlertKind.UPDATE).count(),
                    QueryParser.parse(query),
                    since);
            return 0;
        }
    }

    /** What a query would have alerted on one stored article. */
    record Backtested(
            String articleId,
            String storyId,
            int version,
            AlertKind kind,
            String title,
            String language,
            Instant receivedAt,
            WatchMatch match) {}

    /**
     * The stored articles since a time, in the order enrich-streams processed them, through the same matcher as
     * live matching: NEW for a story's first match, UPDATE for its later matching versions.
     */
    static List<Backtested> backtest(String jdbcUrl, String name, String query, Instant since) throws Exception {
        List<Backtested> out = new ArrayList<>();
        Set<String> alertedStories = new HashSet<>();
        try (WatchMatcher matcher = new WatchMatcher();
                Connection c = Database.connect(jdbcUrl);
                PreparedStatement articles = c.prepareStatement(
                        "SELECT id, story_id, version, title, body, language, agency, source_ref, countries,"
                                + " received_at_ms FROM articles WHERE received_at_ms >= ?"
                                + " ORDER BY processed_at_ms, version, id");
                PreparedStatement entities = c.prepareStatement(
                        "SELECT canonical_name, type FROM entities WHERE article_id = ? ORDER BY mentions DESC,"
                                + " canonical_name")) {
            matcher.put(name, query);
            articles.setLong(1, since.toEpochMilli());
            try (ResultSet rs = articles.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    List<String> names = new ArrayList<>();
                    List<String> types = new ArrayList<>();
                    entities.setString(1, id);
                    try (ResultSet e = entities.executeQuery()) {
                        while (e.next()) {
                            names.add(e.getString(1));
                            types.add(e.getString(2));
                        }
                    }
                    String countries = rs.getString("countries");
                    ArticleDocument.Fields fields = new ArticleDocument.Fields(
                            rs.getString("title"),
                            rs.getString("body"),
                            rs.getString("language"),
                            rs.getString("agency"),
                            rs.getString("source_ref"),
                            countries.isEmpty() ? List.of() : Arrays.asList(countries.split(",")),
                            names,
                            types);
                    List<WatchMatch> matches = matcher.match(fields);
                    if (!matches.isEmpty()) {
                        String story = rs.getString("story_id");
                        out.add(new Backtested(
                                id,
                                story,
                                rs.getInt("version"),
                                alertedStories.add(story) ? AlertKind.NEW : AlertKind.UPDATE,
                                rs.getString("title"),
                                rs.getString("language"),
                                Instant.ofEpochMilli(rs.getLong("received_at_ms")),
                                matches.get(0)));
                    }
                }
            }
        }
        return out;
    }
}
