package dev.copydesk.registry;

import org.apache.avro.Schema;

/** One version of a subject: its global id, version number and schema. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {}
