package dev.copydesk.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceListTest {

    private static final List<String> STORY = List.of(
            "Students who meditated with the app for eight weeks reported less stress than those who waited, the study found.",
            "The researchers measured stress, mindfulness and self-compassion before, after and twelve weeks later.",
            "Those who kept meditating kept most of the gain, though the average minutes per week fell over the study.",
            "The authors say larger trials with objective measures such as cortisol levels should follow.");

    private static List<String> story(String... more) {
        List<String> paragraphs = new ArrayList<>(STORY);
        paragraphs.addAll(List.of(more));
        return paragraphs;
    }

    @Test
    void aYearIsFourDigitsFrom1800To2099WithNoDigitBesideThem() {
        assertThat(ReferenceList.hasYear("Garcia, M. (2021a). Apps.")).isTrue();
        assertThat(ReferenceList.hasYear("1800")).isTrue();
        assertThat(ReferenceList.hasYear("ends in 2099")).isTrue();
        assertThat(ReferenceList.hasYear("1999-2003")).isTrue();
        assertThat(ReferenceList.hasYear("1799 and 2100")).isFalse();
        assertThat(ReferenceList.hasYear("ISBN 120219 and 20215")).isFalse();
        assertThat(ReferenceList.hasYear("call 555-201")).isFalse();
        assertThat(ReferenceList.hasYear("")).isFalse();
        assertThat(ReferenceList.hasYear("٢٠٢١ in Arabic digits"))
                .isFalse(); // the citation marks read ASCII digits only
    }

    @Test
    void aListOfCitationsUnderTheStoryGoesWithItsHeading() {
        List<String> cleaned = ReferenceList.without(
                story(
                        "References",
                        "- Pierceall EA, Keim MC. Stress and Coping Strategies Among Community College Students. Community College Journal of Research and Practice 2007 Sep;31(9):703-712. [CrossRef]",
                        "- Creswell JD. Mindfulness interventions. Annual Review of Psychology. 2017;68:491-516.",
                        "- Brown KW, Ryan RM. The benefits of being present: mindfulness and its role in psychological well-being. J Pers Soc Psychol 2003 Apr;84(4):822-848."));
        assertThat(cleaned).isEqualTo(STORY);
    }

    @Test
    void sourcesCitedTheWebsWayOrTheApaWayGoToo() {
        assertThat(
                        ReferenceList.without(
                                story(
                                        "Sources",
                                        "Mayo Clinic. Ergonomics: The Science of Workplace Comfort. Retrieved from mayoclinic.org, 2023.",
                                        "Occupational Safety and Health Administration (OSHA). Computer Workstations eTool. Retrieved from osha.gov in 2024.")))
                .isEqualTo(STORY);
        assertThat(ReferenceList.without(story(
                        "Smith, J., & Lee, K. (2019). Sleep and stress in first-year students. Journal of College Health, 12, 44-58.",
                        "Garcia, M. (2021a). Apps for the anxious. New York: Harbor Press.")))
                .isEqualTo(STORY);
    }

    @Test
    void worksCitedTheMlaWayGoWhole() {
        // an entry with its date and no "Accessed" is still a citation: a quoted title, then the site's address
        assertThat(
                        ReferenceList.without(
                                story(
                                        "- “Marketplace – Succession Resource Group.” Succession Resource Group, 22 Jan. 2025, https://www.example.com/marketplace/.",
                                        "- “M&A Opportunities | FP Transitions.” FP Transitions, https://www.example.org/ma. Accessed 11 Apr. 2025.",
                                        "- “Find a Practice.” Advisory Practice Board of Exchange, https://www.example.net/index.html. Accessed 11 Apr. 2025.")))
                .isEqualTo(STORY);
    }

    @Test
    void quotedSentencesBeforeLinksAreNoCitations() {
        List<String> paragraphs = story(
                "\"We will open in 2025.\" The full plan is at https://www.example.com/plan, the council said.",
                "\"It is done.\" The report for 2024 is at https://www.example.com/report.");
        assertThat(ReferenceList.without(paragraphs)).isEqualTo(paragraphs);
    }

    @Test
    void whatFollowsTheListStays() {
        List<String> cleaned = ReferenceList.without(story(
                "- Creswell JD. Mindfulness interventions. Annual Review of Psychology. 2017;68:491-516.",
                "- Eberth J, Sedlmeier P. The Effects of Mindfulness Meditation: A Meta-Analysis. Mindfulness 2012 May 2;3(3):174-189.",
                "Correction: an earlier version of this story gave the wrong number of students."));
        assertThat(cleaned)
                .endsWith("Correction: an earlier version of this story gave the wrong number of students.")
                .hasSize(STORY.size() + 1);
    }

    @Test
    void oneCitedPaperInTheStoryIsTheStory() {
        List<String> paragraphs = story(
                "The study, Huberty J et al. (2019), appeared in JMIR mHealth and uHealth, vol. 7, and was funded by the university.",
                "Its lead author said the team would now test the app with nurses.");
        assertThat(ReferenceList.without(paragraphs)).isEqualTo(paragraphs);
    }

    @Test
    void citationsAtTheTopAreNotAReferenceList() {
        // a story that opens on the papers it discusses: the list must come after the story's first third
        List<String> paragraphs = new ArrayList<>(List.of(
                "Creswell JD. Mindfulness interventions. Annual Review of Psychology. 2017;68:491-516.",
                "Eberth J, Sedlmeier P. The Effects of Mindfulness Meditation. Mindfulness 2012;3(3):174-189."));
        paragraphs.addAll(STORY);
        paragraphs.addAll(STORY);
        assertThat(ReferenceList.without(paragraphs)).isEqualTo(paragraphs);
    }

    @Test
    void aListOfOtherThingsWithYearsStays() {
        List<String> paragraphs = story(
                "- The bank cut rates in March 2020 and again in June.",
                "- Inflation peaked in October 2022 at 11.1%.",
                "- Rates rose 14 times between 2021 and 2023.");
        assertThat(ReferenceList.without(paragraphs)).isEqualTo(paragraphs);
    }
}
