package dev.copydesk.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What dedup remembers of an article for its retention window: story, version, when it was seen, its content
 * hash, shingle count and MinHash signature. Stored as compact bytes: 128 hashes make ~600 bytes in all.
 */
public record RememberedArticle(
        String id, String storyId, int version, long seenAt, String contentHash, int shingleCount, int[] signature) {

    public byte[] toBytes() {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] storyBytes = storyId.getBytes(StandardCharsets.UTF_8);
        byte[] hashBytes = contentHash.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1
                + 3 * 2
                + idBytes.length
                + storyBytes.length
                + hashBytes.length
                + 4
                + 8
                + 4
                + 2
                + 4 * signature.length);
        out.put((byte) 1); // format version
        putShortBytes(out, idBytes);
        putShortBytes(out, storyBytes);
        putShortBytes(out, hashBytes);
        out.putInt(version).putLong(seenAt).putInt(shingleCount).putShort((short) signature.length);
        for (int v : signature) {
            out.putInt(v);
        }
        return out.array();
    }

    public static RememberedArticle fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte format = in.get();
        if (format != 1) {
            throw new IllegalStateException("Unknown dedup state format " + format);
        }
        String id = getShortString(in);
        String storyId = getShortString(in);
        String hash = getShortString(in);
        int version = in.getInt();
        long seenAt = in.getLong();
        int shingles = in.getInt();
        int[] signature = new int[in.getShort()];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = in.getInt();
        }
        return new RememberedArticle(id, storyId, version, seenAt, hash, shingles, signature);
    }

    private static void putShortBytes(ByteBuffer out, byte[] bytes) {
        out.putShort((short) bytes.length).put(bytes);
    }

    private static String getShortString(ByteBuffer in) {
        byte[] bytes = new byte[in.getShort()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
