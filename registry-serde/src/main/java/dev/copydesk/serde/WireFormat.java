package dev.copydesk.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: byte 0 is the magic byte 0, bytes 1-4 the schema id (big-endian), then the Avro
 * binary encoding of the datum.
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    public static void writeHeader(ByteBuffer out, int schemaId) {
        out.put(MAGIC_BYTE).putInt(schemaId);
    }

    /** The schema id of a framed record; throws a clear {@link SerializationException} if it is not framed. */
    public static int schemaId(byte[] data) {
        if (data == null || data.length < HEADER_SIZE) {
            throw new SerializationException("Not a Confluent-framed Avro record: "
                    + (data == null ? "null" : data.length + " bytes") + ", at least " + HEADER_SIZE + " needed");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(
                    String.format("Unknown magic byte 0x%02x (expected 0x00): not Confluent-framed Avro", data[0]));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
