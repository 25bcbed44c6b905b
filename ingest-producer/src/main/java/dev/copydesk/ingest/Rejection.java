package dev.copydesk.ingest;

/** Why an input was not published; one per rejected input, reported to the user. */
public record Rejection(String sourceRef, String reason) {
    @Override
    public String toString() {
        return sourceRef + ": " + reason;
    }
}
