package dev.copydesk.dedup;

/** Keys of the expiry index: zero-padded milliseconds then the id, so byte order is time order. */
public final class TimeKeys {
    private TimeKeys() {
    }

    public static String key(long millis, String articleId) {
        String digits = Long.toString(Math.max(0, millis));
        return "0".repeat(Math.max(0, 15 - digits.length())) + digits + "|" + articleId;
    }
}
