package dev.copydesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.clean.text.TextCleaner;
import org.junit.jupiter.api.Test;

class PublishedTimeTest {

    @Test
    void stampsBecomeIsoKeepingWhatTheyStateAndNoMore() {
        assertThat(PublishedTime.parse("Published 2023-11-13T10:30:00+09:00")).contains("2023-11-13T10:30+09:00");
        assertThat(PublishedTime.parse("Published 2023-11-13 10:30 KST")).contains("2023-11-13T10:30+09:00");
        assertThat(PublishedTime.parse("Updated: Nov. 13, 2023 3:05 p.m. EST")).contains("2023-11-13T15:05-05:00");
        assertThat(PublishedTime.parse("November 13, 2023 at 12:15 am")).contains("2023-11-13T00:15");
        assertThat(PublishedTime.parse("13 November 2023")).contains("2023-11-13");
        assertThat(PublishedTime.parse("Posted 2023-11-13 10:30 XYZT")).contains("2023-11-13T10:30");
        assertThat(PublishedTime.parse("Feb 30, 2023")).isEmpty();
        assertThat(PublishedTime.parse("no date here")).isEmpty();
    }

    @Test
    void theCleanerKeepsTheStampLineAboveTheStory() {
        var cleaned = new TextCleaner().clean("""
                Rates held as inflation cools
                By Jane Smith
                Published Nov. 13, 2023 10:30 a.m. GMT
                LONDON, Nov 13 (Reuters) - The Bank of England held interest rates on Monday, citing slowing inflation.
                Policymakers voted six to three to keep the rate unchanged, the bank said in a statement on Monday.
                """);
        assertThat(cleaned.stamp()).isEqualTo("Published Nov. 13, 2023 10:30 a.m. GMT");
        assertThat(cleaned.byline()).isEqualTo("Jane Smith");
        assertThat(PublishedTime.parse(cleaned.stamp())).contains("2023-11-13T10:30Z");
        assertThat(cleaned.body()).doesNotContain("Published", "Jane Smith");
    }
}
