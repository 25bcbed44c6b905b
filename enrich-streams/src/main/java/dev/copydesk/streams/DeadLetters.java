package dev.copydesk.streams;

import dev.copydesk.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds {@link DeadLetter}s that keep the original record's bytes and coordinates. */
final class DeadLetters {
    private DeadLetters() {}

    static DeadLetter of(
            String stage,
            String reason,
            Throwable error,
            Optional<RecordMetadata> where,
            String key,
            byte[] value,
            Instant now) {
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setReason(reason)
                .setErrorClass(error == null ? reason : error.getClass().getName())
                .setErrorMessage(error == null ? reason : String.valueOf(error.getMessage()))
                .setTopic(where.map(RecordMetadata::topic).orElse(""))
                .setPartition(where.map(RecordMetadata::partition).orElse(-1))
                .setOffset(where.map(RecordMetadata::offset).orElse(-1L))
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setFailedAt(now)
                .build();
    }
}
