package dev.copydesk.cli;

import dev.copydesk.ingest.ArticlePublisher;
import dev.copydesk.ingest.DropFolder;
import dev.copydesk.ingest.FeedPoller;
import dev.copydesk.ingest.HttpIngest;
import dev.copydesk.ingest.IngestConfig;
import dev.copydesk.ingest.IngestReport;
import dev.copydesk.ingest.InputSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "produce",
        mixinStandardHelpOptions = true,
        description =
                "Publish raw article text to articles.raw: files, folders (recursively, .txt/.html) or - for stdin. "
                        + "Exit status 2 when any input was rejected.")
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--max-bytes", description = "Largest input accepted (default 2 MiB).")
    Integer maxBytes;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files, folders, or - for standard input.")
    List<String> paths = List.of();

    @Option(
            names = "--follow",
            paramLabel = "DIR",
            description = "Watch a drop folder: publish every new or completed file once, until Ctrl-C.")
    Path follow;

    @Option(
            names = "--http",
            paramLabel = "[HOST]:PORT",
            description =
                    "Serve POST /articles on HOST:PORT (default host 127.0.0.1) until Ctrl-C. "
                            + "A bearer token is required when copydesk.ingest.http.token (env COPYDESK_INGEST_HTTP_TOKEN) is set.")
    String http;

    @Option(
            names = "--feed",
            paramLabel = "URL",
            description = "Poll this RSS or Atom feed (repeatable); publish each new item once, until Ctrl-C.")
    List<URI> feeds = List.of();

    @Option(names = "--every", paramLabel = "DURATION", description = "With --feed: how often to poll (default 60s).")
    String every = "60s";

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            description = "With --follow: how often to look, and how long a file must stay unchanged (default 1s).")
    String interval = "1s";

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "With --follow or --feed: where to remember what was sent "
                    + "(default DIR/.copydesk-sent, or ~/.copydesk/feeds.state).")
    Path state;

    @Option(
            names = "--on-done",
            paramLabel = "keep|delete|move=DIR",
            description = "With --follow: what to do with a handled file (default keep).")
    String onDone = "keep";

    @Override
    public Integer call() throws Exception {
        var overrides = connection.overrides();
        if (maxBytes != null) {
            overrides.put(IngestConfig.MAX_BYTES, String.valueOf(maxBytes));
        }
        IngestConfig config = IngestConfig.load(connection.configFile(), System.getenv(), overrides);
        if (follow != null || http != null || !feeds.isEmpty()) {
            metrics.start(9403, "produce", config); // the long-running modes
        }
        if (follow != null) {
            return follow(config);
        }
        if (http != null) {
            return serve(config);
        }
        if (!feeds.isEmpty()) {
            return poll(config);
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("give files, folders or - to publish, or --follow DIR");
        }
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            IngestReport report = publisher.publish(InputSource.of(paths, System.in), System.err::println);
            System.out.println(report.summary());
            return report.exitStatus();
        }
    }

    private int poll(IngestConfig config) throws Exception {
        Path stateFile = state != null ? state : Path.of(System.getProperty("user.home"), ".copydesk", "feeds.state");
        Files.createDirectories(stateFile.toAbsolutePath().getParent());
        Duration period = TimeArgs.duration(every);
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            FeedPoller poller = new FeedPoller(feeds, publisher, stateFile);
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt, "produce-feed-shutdown"));
            System.err.printf(
                    "copydesk: polling %d feeds every %s (state %s); Ctrl-C to stop%n", feeds.size(), every, stateFile);
            poller.run(period, line -> System.err.println("copydesk: " + line));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int serve(IngestConfig config) throws Exception {
        String host = "127.0.0.1";
        String port = http;
        int colon = http.lastIndexOf(':');
        if (colon >= 0) {
            host = colon == 0 ? host : http.substring(0, colon);
            port = http.substring(colon + 1);
        }
        Optional<String> token = Optional.ofNullable(config.get("copydesk.ingest.http.token", null));
        try (ArticlePublisher publisher = new ArticlePublisher(config);
                HttpIngest ingest = new HttpIngest(
                        publisher,
                        new InetSocketAddress(host, Integer.parseInt(port)),
                        config.maxBytes(),
                        token,
                        Duration.ofSeconds(30))) {
            System.err.printf(
                    "copydesk: POST articles to http://%s:%d/articles%s; Ctrl-C to stop%n",
                    host, ingest.port(), token.isPresent() ? " (bearer token required)" : "");
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int follow(IngestConfig config) throws InterruptedException {
        DropFolder.AfterPublish after = switch (onDone) {
            case "keep" -> new DropFolder.Keep();
            case "delete" -> new DropFolder.Delete();
            default -> {
                if (!onDone.startsWith("move=") || onDone.length() == 5) {
                    throw new IllegalArgumentException("--on-done takes keep, delete or move=DIR, not " + onDone);
                }
                yield new DropFolder.MoveTo(Path.of(onDone.substring(5)));
            }
        };
        Duration every = TimeArgs.duration(interval);
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            DropFolder drop = new DropFolder(
                    follow, state != null ? state : DropFolder.defaultStateFile(follow), publisher, after);
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt, "produce-follow-shutdown"));
            System.err.printf("copydesk: watching %s every %s; Ctrl-C to stop%n", follow, interval);
            try {
                drop.run(every, line -> System.err.println("copydesk: " + line));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }
}
