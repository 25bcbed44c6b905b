package dev.copydesk.cli;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.stack.LocalStack;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "stack",
        mixinStandardHelpOptions = true,
        description =
                "Run the embedded Kafka KRaft node and Schema Registry in the foreground, for running services separately.")
final class StackCommand implements Callable<Integer> {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where the broker keeps its data (default ~/.copydesk/demo).")
    Path dataDir = DemoCommand.defaultDataDir();

    @Option(names = "--port", description = "Kafka port on 127.0.0.1 (default 9092).")
    int port = 9092;

    @Option(
            names = "--registry-port",
            description = "Schema Registry port on 127.0.0.1 (default: a free one). "
                    + "Give one when services must find the registry again after a restart of the stack.")
    int registryPort = 0;

    @Option(names = "--partitions", description = "Partitions of the copydesk topics when created (default 3).")
    int partitions = 3;

    @Override
    public Integer call() throws Exception {
        LocalStack stack = new LocalStack(dataDir, port, registryPort, Map.of()).start();
        TopicAdmin.ensure(stack.clientSettings(), partitions, (short) 1);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.close();
                            stop.countDown();
                        },
                        "stack-shutdown"));
        System.out.println("bootstrap.servers=" + stack.bootstrapServers());
        System.out.println("schema.registry.url=" + stack.schemaRegistryUrl());
        System.out.println("Ctrl-C to stop; data in " + dataDir.toAbsolutePath());
        stop.await();
        return 0;
    }
}
