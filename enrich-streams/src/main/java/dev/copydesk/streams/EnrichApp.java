package dev.copydesk.streams;

import dev.copydesk.admin.TopicAdmin;
import dev.copydesk.metrics.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology; a thread that dies takes the application down loudly rather than limping on. */
public final class EnrichApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichApp.class);

    private final EnrichConfig config;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public EnrichApp(EnrichConfig config) {
        this.config = config;
        Properties props = new Properties();
        props.putAll(config.streamsSettings());
        this.streams = new KafkaStreams(EnrichTopology.buildTopology(config), props);
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(Metrics.registry());
        streams.setUncaughtExceptionHandler(e -> {
            log.error(
                    "enrich-streams failed; shutting down (records stay on {} for the next run)", config.rawTopic(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    public EnrichApp start() {
        ensureWatchTopics();
        streams.start();
        return this;
    }

    /**
     * Creates the watchlists topic (compacted, one partition) and the alerts topic when they are missing, so that an
     * installation from before watchlists, or a test on topics of its own, starts: Kafka Streams stops on a missing
     * global topic, and would block on a missing output topic. Without the right to create topics it says so and
     * goes on; the topics must then be created by whoever can.
     */
    private void ensureWatchTopics() {
        Map<String, Object> settings = new HashMap<>(config.clientSettings());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            if (!existing.contains(config.watchlistsTopic())) {
                missing.add(new NewTopic(config.watchlistsTopic(), Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            if (!existing.contains(config.alertsTopic())) {
                missing.add(new NewTopic(config.alertsTopic(), Optional.empty(), Optional.empty()));
            }
            TopicAdmin.create(admin, missing);
        } catch (Exception e) {
            log.warn(
                    "could not check or create {} and {}: {}",
                    config.watchlistsTopic(),
                    config.alertsTopic(),
                    e.getMessage());
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Blocks until the application stops (on close or failure). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        // leave the group: a member that closes without leaving holds its partitions until its session times out
        // (45 s by default), which a restarted instance would sit through
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        streamsMetrics.close();
    }
}
