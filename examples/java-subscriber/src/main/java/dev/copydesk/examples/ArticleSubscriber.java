package dev.copydesk.examples;

import dev.copydesk.avro.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A downstream subscriber of {@code articles.enriched}, as small as a correct one can be: a plain
 * {@link KafkaConsumer} configured only by properties in Kafka's and Confluent's names (see
 * {@code subscriber.properties}), reading committed records, decoding them through the schema registry into
 * {@link Article}, and committing its offsets after it has handled them (at least once: key your own writes by
 * the article id and a redelivery after a crash is harmless).
 *
 * <p>Usage: {@code java -cp ... dev.copydesk.examples.ArticleSubscriber [subscriber.properties] [max-articles]}
 */
public final class ArticleSubscriber implements AutoCloseable {

    /** The topic copydesk publishes enriched articles on (override with {@code topic=} in the properties). */
    public static final String DEFAULT_TOPIC = "articles.enriched";

    private final KafkaConsumer<String, Article> consumer;
    private final String topic;
    private final PrintStream errors;

    public ArticleSubscriber(Properties settings, PrintStream errors) {
        Properties kafka = new Properties();
        kafka.putAll(settings);
        Object topicSetting = kafka.remove("topic"); // ours, not the consumer's
        this.topic = topicSetting == null ? DEFAULT_TOPIC : topicSetting.toString();
        this.consumer = new KafkaConsumer<>(kafka);
        this.errors = errors;
    }

    /**
     * Hands each article to {@code handler} until {@code max} have been handled (0: until {@link #wakeup()}), and
     * returns how many were. A record that cannot be decoded is reported on the error stream with its position and
     * skipped: one bad record must not stop a subscriber for good.
     */
    public int run(Consumer<Article> handler, int max) {
        consumer.subscribe(List.of(topic));
        int handled = 0;
        try {
            while (max == 0 || handled < max) {
                try {
                    for (ConsumerRecord<String, Article> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() != null) { // null: a tombstone, nothing to show
                            handler.accept(record.value());
                            handled++;
                        }
                    }
                    consumer.commitSync();
                } catch (RecordDeserializationException e) {
                    errors.printf(
                            "skipping undecodable record at %s@%d: %s%n",
                            e.topicPartition(),
                            e.offset(),
                            e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            // wakeup() from another thread: a clean stop
        }
        return handled;
    }

    /** Stops {@link #run} from another thread (a shutdown hook, say). */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** One readable line per article: version, language, agency, countries, title, story. */
    public static String describe(Article a) {
        return String.format(
                "%s v%d [%s%s] %s \"%s\"%s",
                a.getId(),
                a.getVersion(),
                a.getLanguage(),
                a.getAgency().isEmpty() ? "" : " " + a.getAgency(),
                a.getCountries().isEmpty() ? "-" : String.join(",", a.getCountries()),
                a.getTitle(),
                a.getVersion() > 1 ? " (update of " + a.getStoryId() + ")" : "");
    }

    public static void main(String[] args) throws IOException {
        Properties settings = new Properties();
        Path file = Path.of(args.length > 0 ? args[0] : "subscriber.properties");
        if (!Files.isReadable(file)) {
            System.err.println("no readable properties file " + file.toAbsolutePath()
                    + ": pass the path of your subscriber.properties (see the one beside this example)");
            System.exit(2);
        }
        try (InputStream in = Files.newInputStream(file)) {
            settings.load(in);
        }
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (ArticleSubscriber subscriber = new ArticleSubscriber(settings, System.err)) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                subscriber.wakeup();
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            subscriber.run(article -> System.out.println(describe(article)), max);
        }
    }
}
