package dev.copydesk.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copydesk.watch.WatchMatch;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class FindWatchMatchesTest {

    @Test
    void matchesRideInTheHeaderAndComeBackWhole() {
        List<WatchMatch> matches = List.of(
                new WatchMatch("kim", List.of("missile", "导弹"), List.of("Kim Jong-un"), "…fired a «missile»…", 1.25),
                new WatchMatch("empty", List.of(), List.of(), "", 0));
        RecordHeaders headers = new RecordHeaders();
        headers.add(FindWatchMatches.HEADER, FindWatchMatches.encode(matches));
        assertThat(FindWatchMatches.of(headers)).isEqualTo(matches);
        assertThat(FindWatchMatches.of(new RecordHeaders())).isEmpty();
    }

    @Test
    void aDamagedHeaderIsAnErrorNotAnEmptyList() {
        byte[] whole = FindWatchMatches.encode(List.of(new WatchMatch("w", List.of("a"), List.of(), "s", 1)));
        RecordHeaders headers = new RecordHeaders();
        headers.add(FindWatchMatches.HEADER, Arrays.copyOf(whole, whole.length - 3));
        assertThatThrownBy(() -> FindWatchMatches.of(headers)).hasMessageContaining("does not decode");
    }
}
