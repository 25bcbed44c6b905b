package dev.copydesk.watch;

/** A watch query that does not parse: where (0-based character position) and why. */
public final class QuerySyntaxException extends IllegalArgumentException {

    private final int position;
    private final String reason;

    QuerySyntaxException(String query, int position, String reason) {
        super("query does not parse at position " + (position + 1) + ": " + reason + "\n  " + query + "\n  "
                + " ".repeat(Math.max(0, position)) + "^");
        this.position = position;
        this.reason = reason;
    }

    /** 0-based character position of the problem in the query. */
    public int position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
