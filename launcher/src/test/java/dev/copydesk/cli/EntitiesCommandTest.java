package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code copydesk entities --eval}: the scores of an annotated file, and what it does with bad input. */
class EntitiesCommandTest {

    @TempDir
    Path dir;

    private static final String STORY = "{\"id\":\"boe\",\"source\":\"test\",\"text\":\"Bank of England holds rates\\n"
            + "LONDON, Dec 1 (Reuters) - The Bank of England kept rates on hold. Governor Andrew Bailey said it was"
            + " much too early to cut.\",\"people\":[\"Andrew Bailey\"],\"organizations\":[\"Bank of England|BoE\","
            + "\"Monetary Policy Committee\"],\"places\":[\"London\"]}";

    @Test
    void printsPrecisionAndRecallPerTypeAndWhatWasMissed() throws Exception {
        Path file = Files.writeString(dir.resolve("set.jsonl"), STORY + "\n");
        DemoCommandIT.Run run = DemoCommandIT.copydesk("entities", "--eval", file.toString(), "--verbose");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("1 stories")
                .containsPattern("people +1\\.000 +1\\.000 +1\\.000 +1 +0 +0")
                .containsPattern("places +1\\.000 +1\\.000 +1\\.000 +1 +0 +0")
                .contains("all names:");
        // the annotation names a committee the text never mentions: whatever the recogniser does, it is missed
        assertThat(run.out())
                .containsPattern("organisations +1\\.000 +0\\.500 +0\\.667 +1 +0 +1")
                .contains("missed organisations  boe: Monetary Policy Committee");
    }

    @Test
    void theStageSaysWhatIsScoredTheRulesAloneMissANameOnlyTheModelFinds() throws Exception {
        Path file = Files.writeString(
                dir.resolve("race.jsonl"),
                "{\"id\":\"race\",\"source\":\"test\",\"text\":\"Takuya Takagi headed the winner at"
                        + " Hanshin on Sunday.\",\"people\":[\"Takuya Takagi\"],\"organizations\":[],"
                        + "\"places\":[]}\n");
        DemoCommandIT.Run rules = DemoCommandIT.copydesk("entities", "--eval", file.toString(), "--stage", "rules");
        assertThat(rules.exit()).as(rules.err()).isZero();
        assertThat(rules.out())
                .contains("1 stories (rules)")
                .containsPattern("people +1\\.000 +0\\.000 +0\\.000 +0 +0 +1");
        DemoCommandIT.Run alone =
                DemoCommandIT.copydesk("entities", "--eval", file.toString(), "--stage", "recogniser");
        assertThat(alone.out()).contains("(recogniser)").containsPattern("people +1\\.000 +1\\.000 +1\\.000 +1 +0 +0");

        DemoCommandIT.Run bad = DemoCommandIT.copydesk("entities", "--eval", file.toString(), "--stage", "tagger");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--stage").contains("article, recogniser, rules");
    }

    @Test
    void aMissingFileOrABadLineIsAClearErrorAndNoScore() throws Exception {
        DemoCommandIT.Run missing = DemoCommandIT.copydesk(
                "entities", "--eval", dir.resolve("nope.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");

        Path bad = Files.writeString(dir.resolve("bad.jsonl"), STORY + "\n{\"id\":\"x\",\"text\":\"y\"}\n");
        DemoCommandIT.Run run = DemoCommandIT.copydesk("entities", "--eval", bad.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("line 2 is not an annotated story").contains("no list \"people\"");
        assertThat(run.out()).doesNotContain("precision");

        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertThat(DemoCommandIT.copydesk("entities", "--eval", empty.toString())
                        .err())
                .contains("no stories");
    }

    @Test
    void printsTheEntitiesOfStoryFilesAndGoesOnPastAMissingOne() throws Exception {
        Path story = Files.writeString(
                dir.resolve("boe.txt"),
                "Bank of England holds rates\nLONDON, Dec 1 (Reuters) - The Bank of England kept rates on hold."
                        + " Governor Andrew Bailey said it was much too early to cut, Bailey added.\n");
        Path page = Files.writeString(
                dir.resolve("page.html"),
                "<html><head><title>Seoul talks</title></head><body><article><h1>Seoul talks</h1><p>Defense"
                        + " Minister Shin Won-sik met his counterpart in Seoul on Monday, the ministry said in a"
                        + " statement about the talks.</p></article></body></html>");
        DemoCommandIT.Run run = DemoCommandIT.copydesk(
                "entities", story.toString(), dir.resolve("missing.txt").toString(), page.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no such file: " + dir.resolve("missing.txt"));
        assertThat(run.out())
                .contains("# " + story + " (en)")
                .containsPattern("PERSON +Andrew Bailey +2")
                .containsPattern("ORGANIZATION +Bank of England +2")
                .containsPattern("PLACE +London +1 +GB")
                .contains("# " + page)
                .containsPattern("PERSON +Shin Won-sik +1")
                .containsPattern("PLACE +Seoul +\\d+ +KR");

        DemoCommandIT.Run rules = DemoCommandIT.copydesk("entities", "--stage", "rules", story.toString());
        assertThat(rules.exit()).as(rules.err()).isZero();
        assertThat(rules.out()).containsPattern("PERSON +Andrew Bailey").contains("countries     GB");
    }

    @Test
    void neitherOrBothOfEvalAndFilesIsAClearError() throws Exception {
        DemoCommandIT.Run neither = DemoCommandIT.copydesk("entities");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("give either --eval FILE");
        Path story = Files.writeString(dir.resolve("s.txt"), "Andrew Bailey said so.");
        DemoCommandIT.Run both = DemoCommandIT.copydesk("entities", "--eval", story.toString(), story.toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("give either --eval FILE");
    }
}
