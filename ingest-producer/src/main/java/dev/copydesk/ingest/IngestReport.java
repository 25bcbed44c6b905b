package dev.copydesk.ingest;

import java.util.List;

/** What one ingest run did: ids published, and every rejected input with its reason. */
public record IngestReport(List<String> publishedIds, List<Rejection> rejected) {

    public int published() {
        return publishedIds.size();
    }

    /** Exit status of the command: 0 when every input was published, 2 when any was rejected. */
    public int exitStatus() {
        return rejected.isEmpty() ? 0 : 2;
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("published ").append(published()).append(", rejected ").append(rejected.size());
        for (Rejection r : rejected) {
            sb.append(System.lineSeparator()).append("  rejected ").append(r);
        }
        return sb.toString();
    }
}
