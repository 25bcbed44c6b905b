package dev.copydesk.cli;

import dev.copydesk.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code copydesk} command line. */
@Command(
        name = "copydesk",
        mixinStandardHelpOptions = true,
        version = "copydesk 0.1.0",
        description =
                "Event-streaming article ingestion: raw wire copy in, clean, deduplicated, enriched articles out.",
        subcommands = {
            DemoCommand.class,
            ProduceCommand.class,
            EnrichCommand.class,
            SinkCommand.class,
            StackCommand.class,
            SearchCommand.class,
            CleanCommand.class,
            EntitiesCommand.class,
            DlqCommand.class,
            TailCommand.class,
            StatsCommand.class,
            DashboardCommand.class,
            WatchCommand.class,
            AlertsCommand.class,
            WebhooksCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CopydeskCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new CopydeskCommand())
                .setCaseInsensitiveEnumValuesAllowed(true) // the help writes "--from=auto|html|text"
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("copydesk: " + e.getMessage());
                    if (System.getenv("COPYDESK_DEBUG") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
