package dev.copydesk.streams;

import dev.copydesk.metrics.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology; a thread that dies takes the application down loudly rather than limping on. */
public final class EnrichApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichApp.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public EnrichApp(EnrichConfig config) {
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
        streams.start();
        return this;
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
