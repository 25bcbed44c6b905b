package dev.copydesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copydesk.avro.RawArticle;
import dev.copydesk.serde.AvroSerdes;
import dev.copydesk.testkit.KafkaStackExtension;
import dev.copydesk.testkit.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The drop folder on the real broker: complete files only, each once, across restarts; then kept, moved or deleted. */
@ExtendWith(KafkaStackExtension.class)
class DropFolderIT {

    @TempDir
    Path dir;

    private static final String STORY =
            "WASHINGTON (AP) — The Senate passed a temporary funding bill late Wednesday, officials said.";

    @Test
    void completeFilesArePublishedOnceAcrossRestartsAndHalfWrittenOnesWait(TestStack stack) throws Exception {
        String topic = "drop-" + UUID.randomUUID().toString().substring(0, 8);
        ArticlePublisherIT.createTopic(stack, topic);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path state = dir.resolve("sent.state");
        IngestConfig config = new IngestConfig(ArticlePublisherIT.settings(stack, topic, 1 << 20));
        List<String> log = new ArrayList<>();

        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            DropFolder drop = new DropFolder(inbox, state, publisher, new DropFolder.Keep());
            Files.writeString(inbox.resolve("a.txt"), STORY);
            Files.writeString(inbox.resolve("growing.txt"), "WASHINGTON (AP) — The first half");
            Files.writeString(inbox.resolve("notes.part"), "still uploading");
            Files.write(inbox.resolve("empty.txt"), new byte[0]);
            assertThat(drop.scan(log::add).published()).isZero(); // first sight: nothing is known to be complete yet
            // the growing file grows between passes: it is not taken; the others are
            Files.writeString(
                    inbox.resolve("growing.txt"), "WASHINGTON (AP) — The first half and the second half of the story.");
            Files.setLastModifiedTime(
                    inbox.resolve("growing.txt"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
            IngestReport second = drop.scan(log::add);
            assertThat(second.published()).isEqualTo(1);
            assertThat(second.rejected()).extracting(Rejection::sourceRef).containsExactly("inbox/empty.txt");
            IngestReport third = drop.scan(log::add);
            assertThat(third.published()).isEqualTo(1); // growing.txt, now complete
            assertThat(drop.scan(log::add).published()).isZero();
        }
        assertThat(log).anyMatch(l -> l.contains("rejected inbox/empty.txt: empty"));

        // a restart with the same state file sends nothing again; a new file is sent
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            DropFolder again = new DropFolder(inbox, state, publisher, new DropFolder.MoveTo(dir.resolve("done")));
            Files.writeString(inbox.resolve("b.html"), "<html><body><p>" + STORY + "</p></body></html>");
            again.scan(log::add);
            assertThat(again.scan(log::add).published()).isEqualTo(1);
            assertThat(again.scan(log::add).published()).isZero();
        }
        assertThat(dir.resolve("done").resolve("b.html")).exists();
        assertThat(inbox.resolve("b.html")).doesNotExist();
        assertThat(inbox.resolve("a.txt")).exists(); // kept by the first watcher

        List<ConsumerRecord<String, byte[]>> records = ArticlePublisherIT.readAll(stack, topic, 3);
        var deserializer = AvroSerdes.specific(RawArticle.class, stack.clientSettings(), false)
                .deserializer();
        List<String> refs = new ArrayList<>();
        String grown = null;
        for (ConsumerRecord<String, byte[]> r : records) {
            RawArticle article = deserializer.deserialize(topic, r.value());
            refs.add(article.getSourceRef());
            if (article.getSourceRef().equals("inbox/growing.txt")) {
                grown = article.getText();
            }
        }
        assertThat(refs).containsExactlyInAnyOrder("inbox/a.txt", "inbox/growing.txt", "inbox/b.html");
        assertThat(grown).endsWith("the second half of the story.");
        assertThat(Files.readAllLines(state)).hasSize(4).anyMatch(l -> l.endsWith("\trejected"));
    }
}
