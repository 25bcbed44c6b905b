package dev.copydesk.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrailingTeasersTest {

    private static final List<String> STORY = List.of(
            "The council approved the new tram line on Tuesday after two years of hearings and a vote that split the chamber.",
            "Construction starts in spring, and the first trams are to run between the station and the hospital in 2028.",
            "Shop owners along the route asked for help with the months of roadworks, and the council promised a fund.",
            "Opponents said the money would be better spent on buses, which already serve most of the districts on the route.");

    private static final String TEASER_1 =
            "Residents of the old port district packed the hall on Monday to hear how the plan for the waterfront would change the…";
    private static final String TEASER_2 =
            "The city's budget for next year puts more money into schools and parks, but the mayor warned that the costs of energy...";
    private static final String TEASER_3 =
            "A new cycle lane on the ring road opened this week, and early counts show more riders than the planners had [...]";

    private static List<String> story(String... more) {
        List<String> paragraphs = new ArrayList<>(STORY);
        paragraphs.addAll(List.of(more));
        return paragraphs;
    }

    @Test
    void theListingOfOtherStoriesUnderTheStoryGoesWithItsHeadlinesAndHeading() {
        List<String> cleaned = TrailingTeasers.without(story(
                "Related posts",
                "Waterfront plan draws a crowd",
                TEASER_1,
                "Budget puts schools first",
                TEASER_2,
                "Ring road cycle lane opens",
                TEASER_3));
        assertThat(cleaned).isEqualTo(STORY);
    }

    @Test
    void thePagesOwnLinesUnderTheListingGoWithIt() {
        assertThat(TrailingTeasers.without(story(
                        TEASER_1,
                        TEASER_2,
                        "Get our app for the latest news from the city, wherever you are.",
                        "Copyright © 2026 City Times. All rights reserved.")))
                .isEqualTo(STORY);
    }

    @Test
    void aStoryThatGoesOnPastTheBoxKeepsIt() {
        // the teasers in the middle of the story: a box of links, not the story's end (more than the page's few lines
        // follow)
        List<String> paragraphs = story(TEASER_1, TEASER_2);
        paragraphs.addAll(STORY);
        paragraphs.add(STORY.get(0));
        assertThat(TrailingTeasers.without(paragraphs)).isEqualTo(paragraphs);
    }

    @Test
    void oneParagraphThatTrailsOffIsTheWritersOwn() {
        List<String> paragraphs =
                story("And so the tram, promised for forty years, may at last come to the city, or it may not…");
        assertThat(TrailingTeasers.without(paragraphs)).isEqualTo(paragraphs);
    }

    @Test
    void anEllipsisAfterAFullSentenceIsNoCut() {
        List<String> paragraphs = story(
                "The vote was close, and the mayor said she would not forget who had voted against it. ...",
                "The opponents said they would take the decision to court before the work could start. …");
        assertThat(TrailingTeasers.without(paragraphs)).isEqualTo(paragraphs);
    }

    @Test
    void aPageThatIsAListingKeepsItsListing() {
        List<String> agenda = List.of(
                "Sessions",
                "Opening keynote: the mayor and the head of the transport authority on the plans for the next ten years…",
                "Panel: what the new tram line means for the shops, the schools and the hospitals along the route of the…",
                "Workshop: how residents can take part in the design of the stations and the squares around each of the…",
                "Closing session: the questions of the day, answered by the planners who have worked on the line since…");
        List<String> paragraphs = new ArrayList<>(List.of(STORY.get(0)));
        paragraphs.addAll(agenda);
        assertThat(TrailingTeasers.without(paragraphs)).isEqualTo(paragraphs);
    }

    @Test
    void theStorysOwnListEndsTheWalk() {
        List<String> paragraphs = story(TEASER_1, "- Stations: 14", "- Length: 9 km", TEASER_2);
        assertThat(TrailingTeasers.without(paragraphs)).isEqualTo(paragraphs);
    }
}
