package dev.copydesk.cli;

import dev.copydesk.config.ServiceConfig;
import dev.copydesk.webhook.WebhookDelivery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "webhooks",
        mixinStandardHelpOptions = true,
        description = "Deliver alerts to their watchlists' webhooks (signed, retried, dead-lettered), in a consumer"
                + " group of its own, until stopped.")
final class WebhooksCommand implements Callable<Integer> {

    /** Where webhook delivery serves its metrics unless told otherwise. */
    static final int METRICS_PORT = 9403;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MetricsOptions metrics;

    @Override
    public Integer call() throws Exception {
        ServiceConfig config = connection.serviceConfig();
        WebhookDelivery delivery = new WebhookDelivery(config);
        Thread loop = new Thread(delivery, "copydesk-webhooks");
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            delivery.close();
                            try {
                                loop.join(30_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "webhooks-shutdown"));
        loop.start();
        metrics.start(METRICS_PORT, "webhooks", config);
        System.err.println("delivering alerts from " + config.alertsTopic() + " to webhooks; Ctrl-C to stop");
        loop.join();
        if (delivery.failure() != null) {
            System.err.println(
                    "copydesk webhooks: stopped: " + delivery.failure().getMessage());
            return 1;
        }
        return 0;
    }
}
