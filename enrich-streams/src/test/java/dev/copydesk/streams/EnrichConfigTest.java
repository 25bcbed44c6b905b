package dev.copydesk.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void runsOneStreamThreadPerCoreUpToEightAndCommitsEvery50MsUnlessTold() {
        EnrichConfig defaults = EnrichConfig.load(Optional.empty(), Map.of(), Map.of());
        assertThat(defaults.streamsSettings())
                .containsEntry(
                        StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                        String.valueOf(Math.min(8, Runtime.getRuntime().availableProcessors())));

        assertThat(defaults.streamsSettings())
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);

        EnrichConfig fromEnvironment =
                EnrichConfig.load(Optional.empty(), Map.of("COPYDESK_KAFKA_NUM_STREAM_THREADS", "3"), Map.of());
        assertThat(fromEnvironment.streamsSettings()).containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "3");

        EnrichConfig fromFlag = EnrichConfig.load(
                Optional.empty(),
                Map.of("COPYDESK_KAFKA_NUM_STREAM_THREADS", "3"),
                Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1"));
        assertThat(fromFlag.streamsSettings()).containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    }
}
