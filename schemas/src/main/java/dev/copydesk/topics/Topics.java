package dev.copydesk.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** The topics copydesk reads and writes, and their creation. */
public final class Topics {
    /** RawArticle, keyed by article id. */
    public static final String RAW = "articles.raw";
    /** Article, keyed by article id: the public contract for downstream consumers. */
    public static final String ENRICHED = "articles.enriched";
    /** DuplicateNotice, keyed by the duplicate's id. */
    public static final String DUPLICATES = "articles.duplicates";
    /** DeadLetter, keyed like the record that failed. */
    public static final String DLQ = "articles.dlq";

    public static final List<String> ALL = List.of(RAW, ENRICHED, DUPLICATES, DLQ);

    private Topics() {
    }

    /** Creates the copydesk topics that do not exist yet; existing ones are left as they are. */
    public static void ensure(Map<String, Object> adminSettings, int partitions, short replication) {
        try (Admin admin = Admin.create(adminSettings)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : ALL) {
                if (!existing.contains(topic)) {
                    Map<String, String> configs = new HashMap<>();
                    configs.put(TopicConfig.COMPRESSION_TYPE_CONFIG, "producer");
                    configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
                    missing.add(new NewTopic(topic, partitions, replication).configs(configs));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create copydesk topics: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }
}
