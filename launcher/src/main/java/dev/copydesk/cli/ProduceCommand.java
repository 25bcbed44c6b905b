package dev.copydesk.cli;

import dev.copydesk.ingest.ArticlePublisher;
import dev.copydesk.ingest.IngestConfig;
import dev.copydesk.ingest.IngestReport;
import dev.copydesk.ingest.InputSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish raw article text to articles.raw: files, folders (recursively, .txt/.html) or - for stdin. "
                + "Exit status 2 when any input was rejected.")
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--max-bytes", description = "Largest input accepted (default 2 MiB).")
    Integer maxBytes;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders, or - for standard input.")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        var overrides = connection.overrides();
        if (maxBytes != null) {
            overrides.put(IngestConfig.MAX_BYTES, String.valueOf(maxBytes));
        }
        IngestConfig config = IngestConfig.load(connection.configFile(), System.getenv(), overrides);
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            IngestReport report = publisher.publish(InputSource.of(paths, System.in), System.err::println);
            System.out.println(report.summary());
            return report.exitStatus();
        }
    }
}
