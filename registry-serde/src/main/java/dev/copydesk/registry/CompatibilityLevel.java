package dev.copydesk.registry;

import java.util.Locale;

/** Confluent's compatibility levels; BACKWARD is the default, as in Confluent's registry. */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE;

    public static CompatibilityLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new RegistryException(
                    422, RegistryException.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level: " + text);
        }
    }

    boolean transitive() {
        return name().endsWith("_TRANSITIVE");
    }

    boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }
}
