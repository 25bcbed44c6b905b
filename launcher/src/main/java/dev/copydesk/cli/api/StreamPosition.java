package dev.copydesk.cli.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a stream stands on every partition of its topic: the next offset to read. It is the SSE event id
 * ({@code 0-12.1-40.2-7}), so a client that reconnects with {@code Last-Event-ID} resumes after the last event it
 * got, on any server, after any restart: nothing lost, nothing repeated.
 */
public record StreamPosition(Map<Integer, Long> next) {

    private static final Pattern FORMAT = Pattern.compile("\\d{1,9}-\\d{1,19}(\\.\\d{1,9}-\\d{1,19})*");

    public StreamPosition {
        next = Map.copyOf(next); // encode() sorts by partition
    }

    public String encode() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(next).forEach((partition, offset) -> {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(partition).append('-').append(offset);
        });
        return out.toString();
    }

    /** A position from an event id; a clear error for anything else (a client's stale or foreign id). */
    public static StreamPosition decode(String id) {
        String trimmed = id == null ? "" : id.strip();
        if (!FORMAT.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Last-Event-ID '" + id + "' is not a copydesk stream position "
                    + "(partition-offset pairs joined by dots, e.g. 0-12.1-40)");
        }
        Map<Integer, Long> next = new TreeMap<>();
        for (String pair : trimmed.split("\\.")) {
            int dash = pair.indexOf('-');
            next.put(Integer.parseInt(pair.substring(0, dash)), Long.parseLong(pair.substring(dash + 1)));
        }
        return new StreamPosition(next);
    }
}
