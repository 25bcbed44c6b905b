package dev.copydesk.ingest;

/** Bytes read from one source (a file, stdin, ...), before any check. {@code sourceRef} names it for people. */
public record RawInput(String sourceRef, byte[] bytes) {}
