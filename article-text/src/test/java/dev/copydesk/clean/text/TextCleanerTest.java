package dev.copydesk.clean.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.copydesk.clean.BioLines;
import dev.copydesk.clean.CleanedText;
import dev.copydesk.clean.FurnitureLines;
import dev.copydesk.clean.MarkupLines;
import dev.copydesk.clean.MetadataLines;
import dev.copydesk.clean.PhotoCredits;
import dev.copydesk.clean.TemplateSentences;
import dev.copydesk.clean.TextNormalizer;
import dev.copydesk.script.Scripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    static String sample(String name) throws IOException {
        return Files.readString(Path.of("..", "samples", "wire", name));
    }

    @Test
    void scriptCountsCountLettersOnlyByScriptInAndBeyondTheBasicPlane() {
        // "Seoul 서울 首尔 Москва 𠀀": 5 Latin, 2 Hangul, 2 Han + one Han letter outside the BMP, 6 Cyrillic; digits,
        // spaces and punctuation count for none
        assertThat(Scripts.scriptCounts("Seoul 서울, 首尔 (2024) Москва 𠀀!"))
                .containsOnly(
                        entry(Character.UnicodeScript.LATIN, 5),
                        entry(Character.UnicodeScript.HANGUL, 2),
                        entry(Character.UnicodeScript.HAN, 3),
                        entry(Character.UnicodeScript.CYRILLIC, 6));
        assertThat(Scripts.dominantScript("Москва — столица России, Moscow"))
                .isEqualTo(Character.UnicodeScript.CYRILLIC);
        assertThat(Scripts.scriptCounts("123 — ?!")).isEmpty();
    }

    @Test
    void theSeedKeepsItsHeadlineAndStoryAndLosesEveryChromeLine() throws IOException {
        CleanedText cleaned = cleaner.clean(sample("000_37dfc94a614f9a67.txt"));
        assertThat(cleaned.title())
                .isEqualTo("S. Korea, US defense chiefs discuss 'tailored deterrence strategy' on N. Korea");
        assertThat(cleaned.paragraphs()).hasSize(9);
        assertThat(cleaned.paragraphs().get(0)).startsWith("The defense chiefs of South Korea and the United States");
        assertThat(cleaned.paragraphs().get(8)).endsWith("before departing for his final stop in Indonesia. (Yonhap)");
        assertThat(cleaned.body())
                .doesNotContain("下一篇", "相关文章", "相关推荐", "Fu Bao", "Hyundai Elevator", "Railroad Museum");
        // 1 next-article line + 2 list headers + 10 + 30 list items
        assertThat(cleaned.removedLines()).isEqualTo(43);
    }

    /** A short study story under its headline: what stays when the matter under it goes. */
    private static final String STUDY = String.join(
            "\n\n",
            "Students who meditated with the app for eight weeks reported less stress than those who waited, the study found.",
            "The researchers measured stress, mindfulness and self-compassion before, after and twelve weeks later.",
            "Those who kept meditating kept most of the gain, though the average minutes per week fell over the study.");

    @Test
    void theBreaksLeftForAdvertisementsBetweenParagraphsGo() {
        List<String> breaks = List.of(
                "Story continues below advertisement",
                "Continue reading the main story",
                "Article continues after this ad",
                "Advertisement. Scroll to continue reading.",
                "SCROLL TO CONTINUE WITH CONTENT");
        String[] paragraphs = STUDY.split("\n\n");
        for (String adBreak : breaks) {
            String copy = "Calm app cuts student stress, trial finds\n\n" + paragraphs[0] + "\n\n" + adBreak + "\n\n"
                    + paragraphs[1] + "\n\n" + adBreak + "\n\n" + paragraphs[2];
            assertThat(cleaner.clean(copy).body()).as(adBreak).isEqualTo(STUDY);
        }
        // a sentence of the story that speaks of a story continuing is prose, not a break
        String told =
                "The story continues below the surface, where divers found the wreck in 1998 and again this spring.";
        assertThat(cleaner.clean(STUDY + "\n\n" + told).body()).endsWith(told);
    }

    @Test
    void promptsAndCreditsUnderTheStoryGo() {
        for (String prompt : List.of(
                "Follow Jane Doe on X @janedoe",
                "Follow us on Instagram",
                "Have a news tip? Email us at tips@courier.example.",
                "Got a tip? Write to the newsroom, every message is read by an editor.",
                "Send us a news tip",
                "Was this article helpful?",
                "Was this page helpful? Yes No",
                "Edited by: Kristina Zagame",
                "Reporting by Jane Doe in Wellington; Editing by John Smith",
                "We want to hear from you! Share your opinions in the thread below and remember to keep it respectful.",
                "What to read next...",
                "Read the full story",
                "Fill out the form below or email your questions, issues, or story ideas to the consumer desk at any hour.",
                "Thank you! Your submission has been received!",
                "Oops! Something went wrong while submitting the form.",
                "This article is provided for informational purposes only and is not financial advice; consult an adviser.",
                "Disclaimer: This article is intended for educational and informational purposes only. Always consult a doctor.",
                "The content of this page is not a substitute for professional medical advice, diagnosis or treatment of any kind.",
                "Insight Wealth Strategies and its affiliates do not provide tax, legal or accounting advice to the readers of this page.")) {
            String copy = "Calm app cuts student stress, trial finds\n\n" + STUDY + "\n\n" + prompt;
            assertThat(cleaner.clean(copy).body()).as(prompt).isEqualTo(STUDY);
        }
        // the same words quoted in the story are the story's
        String quoted =
                "“We want to hear from you,” the dean told students at a meeting on the study's results on Friday.";
        assertThat(cleaner.clean(STUDY + "\n\n" + quoted).body()).endsWith(quoted);
    }

    @Test
    void aTableOfContentsHeadingIsFurniture() {
        for (String heading : List.of("In this article:", "Jump to:", "IN THIS GUIDE", "Jump to Section")) {
            String[] paragraphs = STUDY.split("\n\n");
            String copy = "Calm app cuts student stress, trial finds\n\n" + paragraphs[0] + "\n\n" + heading + "\n\n"
                    + paragraphs[1] + "\n\n" + paragraphs[2];
            assertThat(cleaner.clean(copy).body()).as(heading).isEqualTo(STUDY);
        }
    }

    @Test
    void aReferenceListUnderTheStoryIsLeftOut() {
        CleanedText cleaned = cleaner.clean(
                "Calm app cuts student stress, trial finds\n\n" + STUDY + "\n\nReferences\n\n"
                        + "- Creswell JD. Mindfulness interventions. Annual Review of Psychology. 2017;68:491-516.\n"
                        + "- Eberth J, Sedlmeier P. The Effects of Mindfulness Meditation: A Meta-Analysis. Mindfulness 2012 May 2;3(3):174-189.\n");
        assertThat(cleaned.body()).isEqualTo(STUDY);
    }

    @Test
    void theExcerptsOfOtherStoriesUnderTheStoryAreLeftOut() {
        CleanedText cleaned = cleaner.clean(
                "Calm app cuts student stress, trial finds\n\n" + STUDY + "\n\nYou may also like\n\n"
                        + "Sleep apps compared\n\nWe tried six of the most popular sleep apps for a month each, and the one that helped most was not the…\n\n"
                        + "Why students skip breakfast\n\nA survey of two thousand students found that most of them skip breakfast at least twice a week, and...\n");
        assertThat(cleaned.body()).isEqualTo(STUDY);
    }

    @Test
    void navigationAboveTheHeadlineAndBylinesAreNotTheHeadline() throws IOException {
        CleanedText copy = cleaner.clean(sample("reuters-london-rates-copy.txt"));
        assertThat(copy.title()).isEqualTo("Bank of England holds rates at 5.25% as inflation cools");
        assertThat(copy.body()).doesNotContain("Markets\n", "Most read", "Oil slips");
        CleanedText ap = cleaner.clean(sample("ap-washington-budget.txt"));
        assertThat(ap.title()).isEqualTo("Senate passes stopgap bill, averting government shutdown");
        assertThat(ap.paragraphs().get(0)).startsWith("WASHINGTON (AP) —");
        assertThat(ap.body()).doesNotContain("LISA MASCARO", "Share this", "Read next", "impeachment");
    }

    @Test
    void aLabelInTheStorysOwnScriptWithTextAfterItIsKept() {
        CleanedText cleaned = cleaner.clean("""
                Talks resume
                Officials said on Monday that the talks would resume next week in Geneva after a pause.
                Update: the talks were moved to Vienna, according to a statement issued late on Monday.
                """);
        assertThat(cleaned.paragraphs()).hasSize(2);
        assertThat(cleaned.removedLines()).isZero();
    }

    @Test
    void nothingButChromeLeavesAnEmptyStory() {
        CleanedText cleaned = cleaner.clean("相关文章:\n- one\n- two\n");
        assertThat(cleaned.isEmpty()).isTrue();
        assertThat(cleaned.removedLines()).isEqualTo(3);
        assertThat(cleaner.clean("").isEmpty()).isTrue();
    }

    @Test
    void normalisationFoldsSpacesControlsAndComposesCharacters() {
        String messy = "Caf\u0065\u0301\u00a0 au\tlait\u200b\r\n\r\n\r\n\u0007Second  line ";
        assertThat(TextNormalizer.normalize(messy)).isEqualTo("Caf\u00e9 au lait\n\nSecond line");
    }

    /** A story as a fixed-width feed sends it: every paragraph broken at column 69, blank lines between paragraphs. */
    private static String hardWrapped(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    out.append(line).append('\n');
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            out.append(line).append("\n\n");
        }
        return out.toString();
    }

    @Test
    void hardWrappedWireCopyIsJoinedBackIntoItsParagraphs() throws IOException {
        CleanedText unwrapped = cleaner.clean(sample("ap-washington-budget.txt"));
        String story = String.join("\n", unwrapped.paragraphs());
        String page = "Home\nNews\nPolitics\n" + unwrapped.title() + "\n\n" + hardWrapped(story, 69)
                + "Share this:\nRead next:\n- Markets close higher on rate hopes\n© 2026 The Example Times. All rights reserved.\n";
        assertThat(page.lines().filter(l -> l.length() > 69)).isEmpty();

        CleanedText cleaned = cleaner.clean(page);

        assertThat(cleaned.title()).isEqualTo(unwrapped.title());
        assertThat(cleaned.paragraphs()).containsExactlyElementsOf(unwrapped.paragraphs());
        assertThat(cleaned.body()).doesNotContain("Share this", "Markets close higher", "All rights reserved");

        // a long site menu of list items, all about one length, does not hide the story's wrap column
        StringBuilder menu = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            menu.append("- Affordable gym in 080").append(10 + i % 90).append(", Camden, New Jersey\n");
        }
        CleanedText withMenu = cleaner.clean(page + menu);
        assertThat(withMenu.paragraphs()).containsExactlyElementsOf(unwrapped.paragraphs());
    }

    @Test
    void onlyTextWrappedAtOneColumnIsJoined() throws IOException {
        // a page of one line per paragraph: its long lines do not pile up under a column, nothing is joined
        List<String> page =
                sample("reuters-london-rates.txt").lines().map(String::strip).toList();
        assertThat(HardWraps.unwrap(page))
                .isEqualTo(page.stream().filter(l -> !l.isBlank()).toList());
        // a menu of short lines is not wrapped text either
        List<String> menu = Collections.nCopies(30, "Subscribe to our newsletter for the latest news");
        assertThat(HardWraps.unwrap(menu)).isEqualTo(menu);
        // wrapped text: a short line ends its paragraph, a list item starts a new one, so does a blank line
        List<String> wrapped = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            wrapped.add("word ".repeat(13).strip() + " " + i); // ~66-67 characters, under a 69 column
        }
        wrapped.add("the end.");
        wrapped.add("- a list item that is long enough to have been wrapped at the column ok");
        wrapped.add("and its tail.");
        wrapped.add("A headline long enough to be taken for a wrapped line");
        wrapped.add("");
        wrapped.add("word ".repeat(13).strip());
        assertThat(HardWraps.unwrap(wrapped)).hasSize(4).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("word word").endsWith("11 the end.");
            assertThat(lines.get(1))
                    .isEqualTo("- a list item that is long enough to have been wrapped at the column ok and its tail.");
            assertThat(lines.get(2)).isEqualTo("A headline long enough to be taken for a wrapped line");
        });
    }

    /** The n-th paragraph of a short story (distinct, so that none is taken for a repeated line). */
    @Test
    void aNumberedListClosingTheStoryIsTheStorys() {
        String list = "The biggest insurers by members\n1. UnitedHealthcare\n2. Elevance Health (formerly Anthem)\n"
                + "3. Kaiser Permanente\n4. Centene Corporation\n";
        assertThat(cleaner.clean(paragraphs(1, 3) + list).paragraphs())
                .contains("1. UnitedHealthcare", "3. Kaiser Permanente", "4. Centene Corporation");
        // a list under a "Related:" label stays chrome, numbered or not
        assertThat(cleaner.clean(paragraphs(1, 3) + "Related:\n1. Bus fares rise\n2. Night trains return\n"
                                + "3. Airport link opens\n")
                        .paragraphs())
                .noneMatch(p -> p.contains("fares") || p.contains("trains"));
        // two items are no list, nor is a run that does not count from one
        assertThat(cleaner.clean(paragraphs(1, 3) + "1. Subscribe\n2. Share\n").paragraphs())
                .noneMatch(p -> p.contains("Subscribe"));
        assertThat(cleaner.clean(paragraphs(1, 3) + "7. Weather\n8. Sport\n9. Puzzles\n")
                        .paragraphs())
                .noneMatch(p -> p.contains("Weather"));
    }

    @Test
    void aTableOfResultsIsTheStorys() {
        String results = "Results of the weekend's matches:\nAston Villa 2 Derby County 0\nBlackburn Rovers 0 Tottenham"
                + " Hotspur 2\nLeeds United 1 Newcastle United 0\n";
        assertThat(cleaner.clean(paragraphs(1, 2) + results + paragraphs(3, 4)).paragraphs())
                .contains("Aston Villa 2 Derby County 0", "Leeds United 1 Newcastle United 0");
        // one such line alone is no table
        assertThat(cleaner.clean(paragraphs(1, 3) + "Page 2 Chapter 3\n").paragraphs())
                .noneMatch(p -> p.contains("Chapter"));
    }

    private static String paragraph(int n) {
        return "In its meeting number " + n + " the council voted to extend the night bus service to the airport, "
                + "after a year in which passenger numbers on the late routes doubled and complaints about taxis rose.";
    }

    /** Four paragraphs of a story cleaned with {@code between} after its second and {@code after} under its last. */
    private List<String> storyWith(String between, String after) {
        return cleaner.clean(
                        "Night buses to run to the airport\n" + paragraphs(1, 2) + between + paragraphs(3, 4) + after)
                .paragraphs();
    }

    private static final List<String> FOUR_PARAGRAPHS = List.of(paragraph(1), paragraph(2), paragraph(3), paragraph(4));

    private static String paragraphs(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int n = from; n <= to; n++) {
            s.append(paragraph(n)).append('\n');
        }
        return s.toString();
    }

    @Test
    void aCommentCounterBesideTheBylineDoesNotEndTheStory() {
        String standfirst =
                "The service starts in May and will run every half hour between midnight and five in the morning.";
        CleanedText cleaned = cleaner.clean("Night buses to run to the airport\n" + standfirst
                + "\nBy Ann Lee\nMarch 3, 2026\n31 comments\n" + paragraphs(1, 4) + "Leave a Reply\n"
                + "I take that bus every night and it is always full, so this is good news.\n");
        assertThat(cleaned.paragraphs())
                .containsExactly(standfirst, paragraph(1), paragraph(2), paragraph(3), paragraph(4));
        assertThat(cleaned.title()).isEqualTo("Night buses to run to the airport");
    }

    @Test
    void aCommentsHeadingThatQuotesTheTitleEndsTheStory() {
        CleanedText cleaned = cleaner.clean(
                "Night buses to run to the airport\n" + paragraphs(1, 4)
                        + "12 thoughts on “Night buses to run to the airport”\n"
                        + "I take that bus every night and it is always full, so this is good news for all of us who work late.\n");
        assertThat(cleaned.paragraphs()).containsExactly(paragraph(1), paragraph(2), paragraph(3), paragraph(4));
    }

    @Test
    void aLoadCommentsButtonEndsTheStory() {
        CleanedText cleaned = cleaner.clean(
                "Night buses to run to the airport\n" + paragraphs(1, 4) + "Load All Comments\nFull\nAbbreviated\n"
                        + "How are the drivers supposed to keep this up every night without a break, and who pays the overtime for it?\n"
                        + "They will hire more drivers, the same way they did for the day service when it started years ago in the city.\n");
        assertThat(cleaned.paragraphs()).containsExactly(paragraph(1), paragraph(2), paragraph(3), paragraph(4));
    }

    @Test
    void aTutorialsCodeBlocksAndItsByClausesStayInTheStory() {
        String code = "func CopyFile(dst, src string) error {\nif err != nil {\nreturn err\n}\nreturn nil\n}\n";
        CleanedText cleaned =
                cleaner.clean("Defer, panic and recover\n" + paragraph(1) + "\nThis function copies a file:\n" + code
                        + paragraph(2)
                        + "\nBy introducing defer statements we can ensure that the files are always closed:\n" + code
                        + paragraph(3) + "\n");
        assertThat(cleaned.paragraphs())
                .contains(
                        paragraph(1),
                        "func CopyFile(dst, src string) error {",
                        paragraph(2),
                        "By introducing defer statements we can ensure that the files are always closed:",
                        paragraph(3));
        // a byline is still a byline
        assertThat(MetadataLines.isMetadata("By Jane Doe, Senior Reporter")).isTrue();
        assertThat(MetadataLines.isMetadata("By introducing defer statements we can ensure that the files are closed"))
                .isFalse();
        // a stamp row is metadata when every part is
        assertThat(MetadataLines.isMetadata("March 15, 2022 · 3 min read · By ASU Online"))
                .isTrue();
        assertThat(MetadataLines.isMetadata("Updated June 3, 2024 | 5 min read"))
                .isTrue();
        assertThat(MetadataLines.isMetadata("March 15, 2022 · The fund cut its fees for the third time this year"))
                .isFalse();
        // each shape the quick pre-check lets through: a digit, a colon, "by" near the start, "read" at it
        for (String stamp : List.of(
                "Reading time 4 minutes",
                "Read time: 3 min",
                "Reported by Jane Doe",
                "compiled by AFP staff",
                "Author: Jane Doe",
                "Editor: John Smith",
                "4 min read",
                "2026-12-04",
                "12/04/2026",
                "2026年12月4日",
                "Last updated on December 4, 2026 at 10:30 am EST",
                "Published 4 December 2026")) {
            assertThat(MetadataLines.isMetadata(stamp)).as(stamp).isTrue();
        }
    }

    @Test
    void aLongCodeListingDoesNotSplitTheArticleItIllustrates() {
        StringBuilder listing = new StringBuilder(
                "-- Basic EXPLAIN ANALYZE usage\nEXPLAIN ANALYZE\nSELECT u.name, COUNT(o.id) as order_count\n"
                        + "FROM users u\nLEFT JOIN orders o ON u.id = o.user_id\nGROUP BY u.id, u.name;\n");
        for (int i = 0; i < 30; i++) {
            listing.append("-- -> Seq Scan on orders o").append(i).append(" (cost=0.00..80.00 rows=2000)\n");
        }
        listing.append("flowchart LR\nA[SQL Query] --> B[Parser]\nB --> C[Query Planner]\nC --> D[Executor]\n");
        CleanedText cleaned =
                cleaner.clean("Making slow queries fast\n" + paragraph(1) + "\n" + listing + paragraphs(2, 3));
        assertThat(cleaned.paragraphs())
                .startsWith(paragraph(1))
                .endsWith(paragraph(2), paragraph(3))
                .contains("EXPLAIN ANALYZE", "B --> C[Query Planner]");
    }

    @Test
    void aStoryCopiedTwiceByThePagesTwoLayoutsComesOutOnce() {
        CleanedText cleaned =
                cleaner.clean("Night buses to run to the airport\n" + paragraphs(1, 3) + "Share\n" + paragraphs(1, 3));
        assertThat(cleaned.paragraphs()).containsExactly(paragraph(1), paragraph(2), paragraph(3));
    }

    @Test
    void aRelatedLinkBetweenParagraphsIsLeftOutButATermsExplanationIsNot() {
        CleanedText cleaned = cleaner.clean("Night buses to run to the airport\n" + paragraph(1)
                + "\nRelated: Students are not benefiting much from tutoring, one new study shows\n" + paragraph(2)
                + "\n- Advertising: the council will pay for the service with the revenue from bus-stop advertising.\n"
                + paragraph(3) + "\n");
        assertThat(cleaned.paragraphs())
                .containsExactly(
                        paragraph(1),
                        paragraph(2),
                        "- Advertising: the council will pay for the service with the revenue from bus-stop advertising.",
                        paragraph(3));
    }

    @Test
    void photoCreditsAreLeftOutWithoutBreakingTheStory() {
        CleanedText cleaned = cleaner.clean("Night buses to run to the airport\n" + paragraph(1)
                + "\nA night bus leaves the central station. Photo: Jane Doe/City Press\n" + paragraph(2)
                + "\nPhoto by Sam Roe on Unsplash\n" + paragraph(3) + "\n");
        assertThat(cleaned.paragraphs()).containsExactly(paragraph(1), paragraph(2), paragraph(3));
        assertThat(cleaned.removedLines()).isEqualTo(2);
        // a sentence that merely mentions a photo is story
        assertThat(PhotoCredits.endsWithPhotoCredit("The photo shows the bus leaving the station at midnight."))
                .isFalse();
        assertThat(PhotoCredits.endsWithPhotoCredit(
                        "Guests pick their pastries from glass cabinets. | Photo by Lisa Jennings"))
                .isTrue();
    }

    @Test
    void headlineShapedListsUnderALabelEveryCardRepeatsAreTheStorys() {
        StringBuilder review = new StringBuilder("The best night buses\n");
        for (int route = 1; route <= 4; route++) {
            review.append(paragraph(route))
                    .append("\nPros:\n- Runs every twenty minutes on route ")
                    .append(route)
                    .append(
                            "\n- Stops outside the terminal\nCons:\n- No service on Sundays\n- Crowded after midnight on route ")
                    .append(route)
                    .append('\n');
        }
        CleanedText cleaned = cleaner.clean(review + paragraph(5) + "\nRelated:\n- Council approves new tram line\n"
                + "- Taxi fares to rise in spring\n- Airport expansion plans unveiled\n");
        assertThat(cleaned.paragraphs())
                .contains(
                        paragraph(1),
                        "- Runs every twenty minutes on route 1",
                        "- Crowded after midnight on route 4",
                        paragraph(5))
                .noneMatch(p -> p.contains("Council approves"));
    }

    @Test
    void theStorysOwnListUnderALabelIsKeptAListOfHeadlinesIsNot() {
        CleanedText cleaned = cleaner.clean("Night buses to run to the airport\n" + paragraph(1) + "\nPros:\n"
                + "- Late workers get home safely without paying for a taxi every night.\n"
                + "- The airport gains staff who could not reach early shifts before.\n"
                + paragraph(2) + "\nRelated:\n- Council approves new tram line\n- Taxi fares to rise in spring\n"
                + "- Airport expansion plans unveiled\n" + paragraph(3) + "\n");
        assertThat(cleaned.body())
                .contains("Late workers get home safely", "The airport gains staff")
                .doesNotContain("Council approves", "Taxi fares", "Airport expansion", "Related");
        assertThat(cleaned.paragraphs()).contains(paragraph(1), paragraph(2), paragraph(3));
    }

    @Test
    void aRowOfCardsAfterTheStoryEndsIt() {
        StringBuilder cards = new StringBuilder();
        for (String title : new String[] {"Tram line approved", "Taxi fares to rise", "Airport plans unveiled"}) {
            cards.append(title)
                    .append(
                            "\nNov 26, 2026\nA short teaser of another story that runs long enough to read as a sentence of prose.\n")
                    .append("Read more\n");
        }
        CleanedText cleaned = cleaner.clean("Night buses to run to the airport\n" + paragraphs(1, 4) + cards);
        assertThat(cleaned.paragraphs()).containsExactly(paragraph(1), paragraph(2), paragraph(3), paragraph(4));

        // a short line the story itself repeats from its start on does not cut it
        String repeatedInStory = "Night buses\nKey point\n" + paragraph(1) + "\nKey point\n" + paragraph(2)
                + "\nKey point\n" + paragraph(3) + "\n" + paragraph(4) + "\n";
        assertThat(cleaner.clean(repeatedInStory).paragraphs()).contains(paragraph(1), paragraph(4));

        // a code block's braces repeat without being cards
        String code = "class Bus\n{\nint seats;\n}\nclass Route\n{\nint stops;\n}\nclass Depot\n{\nint bays;\n}\n";
        CleanedText withCode = cleaner.clean("Night buses\n" + paragraphs(1, 4) + code + paragraph(5) + "\n");
        assertThat(withCode.paragraphs()).contains(paragraph(4), "class Depot", paragraph(5));
    }

    @Test
    void aListingOfMoreStoriesThanTheStoryItselfEndsIt() {
        // more teaser text than story, so only the listing's regular step with a stamp on every card tells it apart
        StringBuilder listing = new StringBuilder("ALSO IN THE NEWS\n");
        for (int card = 1; card <= 8; card++) {
            listing.append("Front Page\nStory number ")
                    .append(card)
                    .append(" of the day\nWebmaster\nDecember 19, 2025\n")
                    .append(paragraph(100 + card).replace("council", "committee"))
                    .append('\n');
        }
        CleanedText cleaned = cleaner.clean("Night buses to run to the airport\n" + paragraphs(1, 4) + listing);
        assertThat(cleaned.paragraphs()).containsExactly(paragraph(1), paragraph(2), paragraph(3), paragraph(4));
        // a story's own table in steps, without a stamp in each, stays
        StringBuilder steps = new StringBuilder();
        for (int step = 1; step <= 8; step++) {
            steps.append("Route\nNumber ")
                    .append(step)
                    .append('\n')
                    .append(paragraph(100 + step))
                    .append('\n');
        }
        assertThat(cleaner.clean("Night buses to run to the airport\n" + paragraphs(1, 4) + steps)
                        .paragraphs())
                .contains(paragraph(4), paragraph(108));
    }

    /** {@code closing} after a headline and three paragraphs of story: only the story comes out. */
    private void assertClosesAndIsLeftOut(String closing) {
        CleanedText cleaned = cleaner.clean("Night buses to run to the airport\n" + paragraphs(1, 3) + closing);
        assertThat(cleaned.paragraphs()).containsExactly(paragraph(1), paragraph(2), paragraph(3));
    }

    @Test
    void anAuthorsBioIsLeftOut() {
        assertClosesAndIsLeftOut(
                "Ann Lee is a freelance writer living in Leeds who covers transport and cities for several papers.\n");
        // a sentence of the story about someone who writes is not a bio
        assertThat(BioLines.isAuthorBio(
                        "The mayor said the service is a lifeline for shift workers and writers alike."))
                .isFalse();
        assertThat(BioLines.isAuthorBio("Sara Coughlin is a writer and editor with ample experience covering health."))
                .isTrue();
        // letters after the name
        assertThat(
                        BioLines.isAuthorBio(
                                "Mary Henn, MA, MFA, is a shopping editor at Taste of Home and a national award-winning writer."))
                .isTrue();
        assertThat(BioLines.isAuthorBio("Paris, France, is a city that writers from all over the world have loved."))
                .isFalse();
        // the closing box may tell a whole career
        assertClosesAndIsLeftOut(
                "Ann Lee is a writer, editor and content creator who specializes in transport and cities. "
                        + "With a background in health reporting, she applies the same research skills to timetables. "
                                .repeat(6)
                        + "\n");
    }

    @Test
    void theWritersBoxEndsTheStoryAndWhatFollowsItIsNotTheStory() {
        String box =
                "Written By\nAnn Lee\nAnn Lee (@annlee) is the managing editor at Transit Weekly. She covered cities for ten years.\n"
                        + "More from Ann Lee\n- Trams return to the high street\n- Ferry fares frozen for a year\n"
                        + "Join thousands of commuters who get our weekly briefing on the best new routes, timetables and fares in the region.\n"
                        + "The Transit Forum brings planners and operators together for two days of talks about the future of night travel.\n";
        CleanedText cleaned = cleaner.clean("Night buses to run to the airport\n" + paragraphs(1, 5) + box);
        assertThat(cleaned.paragraphs())
                .containsExactly(paragraph(1), paragraph(2), paragraph(3), paragraph(4), paragraph(5));
        // a listicle's subhead over a paragraph that opens with it is the story
        String listicle =
                "TurboTax\nTurboTax is the biggest player in tax software, and this year is no different: it leads on price and on features.\n";
        CleanedText list = cleaner.clean("The best tax software\n" + paragraphs(1, 5) + listicle + paragraph(6) + "\n");
        assertThat(list.paragraphs()).contains("TurboTax", paragraph(6));
    }

    @Test
    void aBioInOtherRolesIsLeftOutOnlyWhereItClosesTheStory() {
        String founderBio =
                "Dana Cole is the co-founder of Transit Lab, a consultancy that helps cities plan their night networks.\n";
        String professorBio =
                "Raj Patel is an associate professor of urban planning at the University of Leeds and a physician.\n";
        assertClosesAndIsLeftOut(founderBio + professorBio);
        // the same sentence in the middle of the story introduces someone the story quotes: it stays
        CleanedText inside =
                cleaner.clean("Night buses to run to the airport\n" + paragraphs(1, 2) + founderBio + paragraphs(3, 4));
        assertThat(inside.paragraphs()).hasSize(5).contains(founderBio.strip());
        // and a story's last paragraph about a thing, not a person, is no bio
        assertThat(BioLines.isClosingBio("Flatliner is a handy code editor that helps to test the expressions."))
                .isFalse();
        assertThat(BioLines.isClosingBio(
                        "Scott Samuelson teaches philosophy at Kirkwood Community College in Cedar Rapids, Iowa."))
                .isTrue();
        // a handle after the name, and a box that opens with the writer's post
        assertThat(
                        BioLines.isClosingBio(
                                "Eduard Kovacs (@EduardKovacs) is the managing editor at SecurityWeek. He worked as a teacher."))
                .isTrue();
        assertThat(BioLines.isClosingBio(
                        "Executive Editor at Digit. Technology journalist since Jan 2008, with stints at PCWorld."))
                .isTrue();
        assertClosesAndIsLeftOut(
                "Senior Reporter at The Courier. Covers transport, housing and the city council since 2015; lives in Leeds.\n");
        // a story's sentence that opens with a role is not a bio
        assertThat(BioLines.isClosingBio("Editor at large Ann Lee said the paper would keep its print edition."))
                .isFalse();
        assertThat(BioLines.isClosingBio("Reporters at the scene said the fire had spread to two more buildings."))
                .isFalse();
    }

    @Test
    void shoppingWidgetsCaptionCreditsAndARepublishBoxAreNotTheStory() {
        String between = """
                $1,599.00 from Lowe's
                $32 $29 at Amazon
                $90 $85 (6% off)
                Buy now at AJ Madison
                Pilates snags the No. 1 spot as the most-booked workout globally in 2024.Mikolette / Getty Images
                """;
        String republish =
                "<p>" + paragraph(1).replace("airport", "<a href=\"https://example.org/airport\">airport</a>")
                        + "</p>\n" + "<p>" + paragraph(2) + "</p>\n";
        CleanedText cleaned = cleaner.clean(
                "Night buses to run to the airport\n" + paragraphs(1, 2) + between + paragraphs(3, 4) + republish);
        assertThat(cleaned.paragraphs()).containsExactly(paragraph(1), paragraph(2), paragraph(3), paragraph(4));
        // a price in a sentence, a tutorial's short markup sample
        assertThat(FurnitureLines.isShoppingLine("$1,599 is what the council paid for each new bus shelter."))
                .isFalse();
        assertThat(MarkupLines.isMarkupParagraph("<p class=\"note\">Hello, world</p>"))
                .isFalse();
    }

    @Test
    void linesOfBareAddressesAreLeftOutWithoutEndingTheStory() {
        // the links a technical post cites, one per line, in the middle of its text: left out, and the story goes on
        String links = "https://github.com/example/project/actions/runs/20039113246/job/57468316723#step:18:4162\n"
                + "https://github.com/example/project/actions/runs/20039113246/job/57468316741#step:18:4176\n";
        assertThat(storyWith(links, "")).isEqualTo(FOUR_PARAGRAPHS);
    }

    @Test
    void aNewslettersSignUpPitchIsNotTheStory() {
        String pitches =
                "The free Proof Points newsletter delivers one digestible research story to your inbox every Monday.\n"
                        + "Join our newsletter for actionable tips and proven strategies to grow your business and engage your customers.\n";
        assertThat(storyWith(pitches, "Was this newsletter forwarded to you? Sign up to get it in your inbox.\n"))
                .isEqualTo(FOUR_PARAGRAPHS);
        // a post about newsletters speaks of them, and of the writer's own
        assertThat(
                        TemplateSentences.isNewsletterPromo(
                                "Twelve people signed up for my newsletter in the past week, and I did nothing to welcome them."))
                .isFalse();
        assertThat(TemplateSentences.isNewsletterPromo(
                        "Plus, I want everything about him, so that I can use it to write newsletters for him."))
                .isFalse();
        // a line that closes on a call to sign up, whatever comes before it
        assertThat(TemplateSentences.isTemplateSentence(
                        "The free weekly Insider email is the industry's top source for sales news. Subscribe here."))
                .isTrue();
        assertThat(TemplateSentences.endsOnSignUp("New to LinkedIn? Join now")).isTrue();
        assertThat(TemplateSentences.endsOnSignUp("The union said its members would rejoin today."))
                .isFalse();
        assertThat(TemplateSentences.endsOnSignUp("Voters who have not registered can still register today."))
                .isFalse();
    }

    @Test
    void callsToActionWithTheSitesWordsAreFurniture() {
        String calls = "Get the latest travel tips, crucial news, flight & hotel deal alerts...\n"
                + "- See also: Film vs Digital Cameras for Landscape Photography\n"
                + "You may also be interested in the following articles:\n";
        assertThat(
                        storyWith(
                                calls,
                                "Learn more about our editorial process.\nThank you for your feedback!\nGet started with Moz Pro!\n"))
                .isEqualTo(FOUR_PARAGRAPHS);
        assertThat(FurnitureLines.isFurniture("Get a Quote from North American Van Lines"))
                .isTrue();
        // a picture's credit on its own line, the agency first or last
        assertThat(FurnitureLines.isFurniture("Getty Images / Holger Leue")).isTrue();
        assertThat(FurnitureLines.isFurniture("FatCamera/Getty Images")).isTrue();
        assertThat(FurnitureLines.isFurniture("Studio Light and Shade | Getty Images"))
                .isTrue();
        assertThat(FurnitureLines.isFurniture("Getty Images bought the archive in 2024"))
                .isFalse();
        assertThat(FurnitureLines.isFurniture("More Articles You Might Enjoy")).isTrue();
        assertThat(FurnitureLines.isFurniture("You may also be interested in:")).isTrue();
        assertThat(FurnitureLines.isFurniture("You might like to add a pinch of salt."))
                .isFalse();
        // a call for readers' stories or feedback, under a rule of dashes or not
        assertThat(FurnitureLines.isFurniture("---------- SHARE YOUR STORY")).isTrue();
        assertThat(FurnitureLines.isFurniture("Share your feedback to help improve our site!"))
                .isTrue();
        // the same words opening a sentence of the story's
        assertThat(FurnitureLines.isFurniture(
                        "Get the latest figures from the council before you plan a trip to the airport by night bus."))
                .isFalse();
    }

    @Test
    void aTableCopiedOneCellALineIsTheStorys() {
        // two rankings of the same schools: the headers and the row names repeat, which is not a menu's repetition
        StringBuilder tables = new StringBuilder();
        for (String kind : List.of("full-time", "part-time")) {
            tables.append("The ranking data for the top five ")
                    .append(kind)
                    .append(" programmes can be found in the chart below, "
                            + "with the acceptance rate of each school.\n");
            tables.append("Rank\nSchool\nAcceptance rate\nMedian salary\n");
            String[] schools = {"Chicago Booth", "Kellogg", "Wharton", "MIT Sloan", "Harvard"};
            for (int i = 0; i < schools.length; i++) {
                tables.append(i + 1)
                        .append("\n")
                        .append(schools[i])
                        .append("\n")
                        .append(30 - 3 * i)
                        .append("%\n$")
                        .append(175 - 2 * i)
                        .append(",000\n");
            }
        }
        CleanedText cleaned = cleaner.clean("Night buses to run to the airport\n" + paragraphs(1, 2) + tables
                + paragraphs(3, 3) + "Home\nNews\nSport\nHome\nNews\nSport\n");
        assertThat(cleaned.paragraphs())
                .contains("Kellogg", "$175,000", "24%", paragraph(3))
                .filteredOn("Chicago Booth"::equals)
                .hasSize(2);
        assertThat(cleaned.paragraphs()).doesNotContain("Home", "Sport");
    }

    @Test
    void theHandWrittenListItemTestAgreesWithItsRegex() {
        // the regex isListItem replaced, tried on random short strings of the characters that matter to it
        Pattern regex = Pattern.compile("^(?:[-–•*·▪►]|\\d{1,2}[.)])\\s+.+");
        String alphabet = "-–•*·▪►0123456789.) \tab";
        Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(6); k > 0; k--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = line.toString();
            assertThat(TextLines.isListItem(candidate))
                    .as("'%s'", candidate)
                    .isEqualTo(regex.matcher(candidate).matches());
        }
        assertThat(TextLines.isListItem("- Fast cycle times")).isTrue();
        assertThat(TextLines.isListItem("12) Twelfth")).isTrue();
        assertThat(TextLines.isListItem("1.5 million people")).isFalse();
    }

    @Test
    void theDominantScriptDecidedEarlyIsTheOneAFullCountGives() {
        // texts of mixed scripts and lengths: stopping once the leader cannot be caught must not change the answer
        String[] pieces = {"The council said ", "北朝鲜 ", "서울에서 ", "Москва ", "東京で ", "... 2026 ", "é ", "\n"};
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(600); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            Map<Character.UnicodeScript, Integer> counts = Scripts.scriptCounts(text.toString());
            Character.UnicodeScript expected = counts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(Character.UnicodeScript.COMMON);
            assertThat(Scripts.dominantScript(text.toString())).isEqualTo(expected);
        }
    }

    @Test
    void linksGluedIntoOneLineAreChromeNotProse() {
        // a page's menus copied as text: each link's words run into the next one's, so the line is long enough to weigh
        // as prose
        String glued =
                "Sudeep Pharma Allotment StatusStock Market Today LIVE UpdatesTata Motors PV Share PricePine Labs IPO Live Updates"
                        + "Groww Share Price Live UpdatesSBI Paytm Q2 Results FY26 LiveWipro Q2 Results FY26Eternal Q2 Results FY26\n";
        CleanedText cleaned = cleaner.clean(
                "Night buses to run to the airport\n" + paragraphs(1, 3) + glued + glued.replace("Sudeep", "Other"));
        assertThat(cleaned.paragraphs()).containsExactly(paragraph(1), paragraph(2), paragraph(3));
        assertThat(MarkupLines.isGluedLinks(glued.strip())).isTrue();
        // brand names glue a letter or two inside a sentence; code lines hold brackets
        assertThat(MarkupLines.isGluedLinks(
                        "They market across LinkedIn, Facebook, YouTube, Instagram, TikTok and more"))
                .isFalse();
        assertThat(MarkupLines.isGluedLinks(
                        "Registration - AddHttpRawMessageLogging() registers the handler in the HttpClient pipeline"))
                .isFalse();
    }

    @Test
    void aNewsPagesEndMatterIsNotTheStory() {
        String endMatter = """
                This article is exclusive to Example+ subscribers
                Since you made it to the bottom of this article, we have a small favor to ask.
                If you believe stories like the one you just finished matter, please consider pitching in what you can to keep us going.
                Republish our articles for free, online or in print, under a Creative Commons license.
                Prices were accurate at the time this article was published but may change over time.
                Get the latest transport news delivered straight to your inbox every morning of the working week.
                Thanks for reading Night Lines! Subscribe for free to receive new posts and support my work.
                If you're enjoying this article, consider supporting our award-winning journalism by subscribing today.
                """;
        CleanedText cleaned = cleaner.clean("Night buses to run to the airport\n" + paragraphs(1, 3) + endMatter);
        assertThat(cleaned.paragraphs()).containsExactly(paragraph(1), paragraph(2), paragraph(3));
        // "Also read: <another headline>" between the paragraphs
        assertThat(cleaner.clean("Night buses to run to the airport\n" + paragraphs(1, 2)
                                + "Also read: Trams return to the harbour after ten years\n" + paragraphs(3, 4))
                        .paragraphs())
                .containsExactly(paragraph(1), paragraph(2), paragraph(3), paragraph(4));
        // the words alone do not make a sentence end matter
        assertThat(TemplateSentences.isTemplateSentence(
                        "If you already have an account with a bank, have its routing number ready."))
                .isFalse();
        assertThat(TemplateSentences.isTemplateSentence(
                        "Riders asked the council to support the night routes with more money."))
                .isFalse();
        assertThat(TemplateSentences.isTemplateSentence(
                        "Sign up to our fortnightly Heart Matters newsletter to receive healthy recipes."))
                .isTrue();
        assertThat(TemplateSentences.isTemplateSentence(
                        "Click the button to make Frommer's a preferred source on Google."))
                .isTrue();
        assertThat(TemplateSentences.isTemplateSentence(
                        "The mayor called the union a trusted source of advice on night routes."))
                .isFalse();
    }
}
