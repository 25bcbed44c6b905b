package dev.copydesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code copydesk clean}: a scorer's folder in and out, the evaluation, single files, and what it does with bad input. */
class CleanCommandTest {

    private static final String STORY =
            "LONDON, Dec 1 (Reuters) - The Bank of England held interest rates on Thursday, "
                    + "saying inflation was falling faster than it had expected in the summer.\n\n"
                    + "Governor Andrew Bailey told reporters the committee would keep policy tight for as long as needed, "
                    + "and that markets had moved too far in pricing cuts for next year.\n\n"
                    + "Sterling rose half a cent against the dollar after the decision, and gilt yields climbed across the curve.";

    @TempDir
    Path dir;

    @BeforeEach
    void corpus() throws Exception {
        Files.createDirectories(dir.resolve("html"));
        Files.createDirectories(dir.resolve("text"));
        Files.createDirectories(dir.resolve("ground-truth"));
        String html = "<html><head><title>Bank of England holds rates</title></head><body>"
                + "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/markets'>Markets</a></nav><article><h1>Bank of England holds rates</h1>"
                + STORY.lines()
                        .filter(l -> !l.isBlank())
                        .map(l -> "<p>" + l + "</p>")
                        .reduce("", String::concat)
                + "</article><footer>© 2026 Example News. All rights reserved. <a href='/privacy'>Privacy</a></footer></body></html>";
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/a.html.gz")))) {
            gz.write(html.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(
                dir.resolve("text/a.txt"),
                "Home\nWorld\nMarkets\nBank of England holds rates\n" + STORY
                        + "\nShare this:\nRelated:\n- Storm warning issued for the weekend\n© 2026 Example News. All rights reserved.\n");
        Files.writeString(
                dir.resolve("text/b.txt"),
                "Home\nNews\nBank of England holds rates\n" + STORY + "\nSubscribe to our newsletter\n");
        for (String id : new String[] {"a", "b"}) {
            Files.writeString(
                    dir.resolve("ground-truth/" + id + ".json"),
                    "{\"ground_truth\": {\"title\": \"Bank of England holds rates\", " + "\"main_content\": \""
                            + STORY.replace("\n", "\\n") + "\"}}");
        }
    }

    @Test
    void writesOneCleanedBodyPerPageWithoutTitleOrChrome() throws Exception {
        Path out = dir.resolve("out");
        DemoCommandIT.Run run = DemoCommandIT.copydesk("clean", "--in", dir.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("cleaned 2 pages");
        String a = Files.readString(out.resolve("a.txt"));
        assertThat(a)
                .contains("The Bank of England held interest rates", "gilt yields climbed across the curve")
                .doesNotContain("All rights reserved", "Markets\n", "Bank of England holds rates");
        assertThat(Files.readString(out.resolve("b.txt")))
                .contains("Governor Andrew Bailey")
                .doesNotContain("Subscribe", "News\n");
    }

    @Test
    void fromTextTakesTheTextRenderingAndAcceptsLowerCaseAsTheHelpWritesIt() throws Exception {
        Path out = dir.resolve("out-text");
        DemoCommandIT.Run run =
                DemoCommandIT.copydesk("clean", "--in", dir.toString(), "--out", out.toString(), "--from=text");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(out.resolve("a.txt")))
                .contains("Sterling rose half a cent")
                .doesNotContain("Share this", "Storm warning");
    }

    @Test
    void evalScoresHtmlAndTextAgainstTheGroundTruth() {
        DemoCommandIT.Run run = DemoCommandIT.copydesk("clean", "--eval", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("html +pages +1 +word F1 (0\\.9\\d+|1\\.0000) +shingle F1 (0\\.9\\d+|1\\.0000)")
                .containsPattern("text +pages +2 +word F1 (0\\.9\\d+|1\\.0000) +shingle F1 (0\\.9\\d+|1\\.0000)")
                .containsPattern(
                        "text as-is +pages +2 .*precision 0\\.[0-8]"); // the uncleaned text is what cleaning beats
    }

    @Test
    void foldsCrossValidateBySiteAndBadFoldCountsAreRefused() {
        // the two pages have no url: each is a site of its own
        DemoCommandIT.Run run = DemoCommandIT.copydesk("clean", "--eval", dir.toString(), "--folds", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("fold 1 text", "fold 2 text")
                .containsPattern("text held out, 2 folds by site: shingle F1 (0\\.9\\d+|1\\.0000) ± 0\\.\\d{4}")
                .containsPattern("type unknown text +pages +2 ");
        DemoCommandIT.Run tooMany = DemoCommandIT.copydesk("clean", "--eval", dir.toString(), "--folds", "3");
        assertThat(tooMany.exit()).isNotZero();
        assertThat(tooMany.err()).contains("more than the 2 sites");
        DemoCommandIT.Run alone = DemoCommandIT.copydesk(
                "clean", "--folds", "2", dir.resolve("text/a.txt").toString());
        assertThat(alone.exit()).isNotZero();
        assertThat(alone.err()).contains("--folds goes with --eval");
    }

    @Test
    void learnedTrainsTheScorersOnTheOtherFoldsAndNeedsFolds() {
        DemoCommandIT.Run run = DemoCommandIT.copydesk("clean", "--eval", dir.toString(), "--folds", "2", "--learned");
        assertThat(run.exit()).as(run.err()).isZero();
        // the fold holding the only HTML page trains its block scorer on no HTML at all, and still cleans the page
        assertThat(run.out())
                .containsPattern("html held out, 2 folds by site: shingle F1 0\\.\\d{4}")
                .containsPattern("type unknown html +pages +1 +word F1 (0\\.9\\d+|1\\.0000)")
                .containsPattern("text held out, 2 folds by site: shingle F1 (0\\.9\\d+|1\\.0000) ± 0\\.\\d{4}");
        DemoCommandIT.Run alone = DemoCommandIT.copydesk("clean", "--eval", dir.toString(), "--learned");
        assertThat(alone.exit()).isNotZero();
        assertThat(alone.err()).contains("--learned goes with --eval DIR --folds K");
    }

    @Test
    void markReportsTheHeldOutScoreOfASubsetAndRefusesBadLists() throws Exception {
        Path news = dir.resolve("news.ids");
        Files.writeString(news, "# the news pages\na\n");
        DemoCommandIT.Run run =
                DemoCommandIT.copydesk("clean", "--eval", dir.toString(), "--folds", "2", "--mark", news.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        // every page is still scored; the marked one is tallied again on its own
        assertThat(run.out())
                .containsPattern("type unknown text +pages +2 ")
                .containsPattern("marked html +pages +1 ")
                .containsPattern("marked text +pages +1 ");

        Files.writeString(news, "a\nzz9\n");
        DemoCommandIT.Run unknown =
                DemoCommandIT.copydesk("clean", "--eval", dir.toString(), "--folds", "2", "--mark", news.toString());
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("--mark: no page zz9 in");
        DemoCommandIT.Run missing = DemoCommandIT.copydesk(
                "clean",
                "--eval",
                dir.toString(),
                "--folds",
                "2",
                "--mark",
                dir.resolve("nope").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("--mark: no such file");
        DemoCommandIT.Run noFolds =
                DemoCommandIT.copydesk("clean", "--eval", dir.toString(), "--mark", news.toString());
        assertThat(noFolds.exit()).isNotZero();
        assertThat(noFolds.err()).contains("--mark goes with --eval DIR --folds K");
    }

    @Test
    void idsScoreAndWriteASubsetAndAnUnknownIdIsAnError() throws Exception {
        Path only = dir.resolve("news.ids");
        Files.writeString(only, "# the news pages\nb\n");
        DemoCommandIT.Run run = DemoCommandIT.copydesk("clean", "--eval", dir.toString(), "--ids", only.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("html +pages +0 ").containsPattern("text +pages +1 ");
        Path out = dir.resolve("out-b");
        assertThat(DemoCommandIT.copydesk(
                                "clean", "--in", dir.toString(), "--out", out.toString(), "--ids", only.toString())
                        .exit())
                .isZero();
        assertThat(out.resolve("b.txt")).exists();
        assertThat(out.resolve("a.txt")).doesNotExist();

        Files.writeString(only, "b\nzz9\n");
        DemoCommandIT.Run unknown = DemoCommandIT.copydesk("clean", "--eval", dir.toString(), "--ids", only.toString());
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("No page [zz9] in");
        DemoCommandIT.Run missing = DemoCommandIT.copydesk(
                "clean", "--eval", dir.toString(), "--ids", dir.resolve("nope").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("--ids: no such file");
    }

    @Test
    void aCorruptPageIsReportedAndTheOthersAreStillWritten() throws Exception {
        Files.write(
                dir.resolve("html/c.html.gz"),
                new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}); // a gzip header, then nothing
        Path out = dir.resolve("out");
        DemoCommandIT.Run run = DemoCommandIT.copydesk("clean", "--in", dir.toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("skipped c");
        assertThat(run.out()).contains("cleaned 2 pages", "1 skipped");
        assertThat(out.resolve("a.txt")).exists();
        assertThat(out.resolve("b.txt")).exists();
    }

    @Test
    void aFolderWithoutPagesIsAClearError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("nothing-here"));
        DemoCommandIT.Run run = DemoCommandIT.copydesk(
                "clean", "--in", empty.toString(), "--out", dir.resolve("o").toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("No html/ or text/ folder in");
    }

    @Test
    void singleFilesAreDecodedLikeTheProducerDoesAndBadOnesAreNamed() throws Exception {
        Path latin1 = dir.resolve("latin1.txt"); // not UTF-8: the producer's charset detection reads it
        Files.write(
                latin1,
                ("PARIS, Dec 5 (AFP) - Le caf\u00e9 de la gare a rouvert ses portes lundi apr\u00e8s trois ans de travaux, "
                                + "a annonc\u00e9 la mairie dans un communiqu\u00e9 publi\u00e9 dimanche soir.\n\nLes habitants du quartier "
                                + "\u00e9taient nombreux \u00e0 attendre devant l'entr\u00e9e d\u00e8s sept heures du matin.")
                        .getBytes(StandardCharsets.ISO_8859_1));
        Path binary = dir.resolve("photo.jpg");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0, 1, 2, 3, 0});
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "   \n");
        DemoCommandIT.Run run = DemoCommandIT.copydesk(
                "clean",
                latin1.toString(),
                binary.toString(),
                empty.toString(),
                dir.resolve("missing.txt").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("Le café de la gare a rouvert", "après trois ans");
        assertThat(run.err())
                .contains("photo.jpg: rejected, binary", "empty.txt: rejected, empty", "missing.txt: no such file");
    }
}
