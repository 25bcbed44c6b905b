package dev.copydesk.cli.bench;

/** What a throughput stage sustained, in articles per second after its first output (start-up left out). */
record StageResult(String stage, double perSecond) {

    double megabytesPerSecond(double bytesPerArticle) {
        return perSecond * bytesPerArticle / 1e6;
    }
}
