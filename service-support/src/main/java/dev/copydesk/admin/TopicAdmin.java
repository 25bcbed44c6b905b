package dev.copydesk.admin;

import dev.copydesk.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates copydesk's topics and waits until their leaders serve. */
public final class TopicAdmin {

    private TopicAdmin() {}

    /** Creates the copydesk topics that do not exist yet; existing ones are left as they are. */
    public static void ensure(Map<String, Object> adminSettings, int partitions, short replication) {
        try (Admin admin = Admin.create(adminSettings)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    Map<String, String> configs = new HashMap<>();
                    configs.put(TopicConfig.COMPRESSION_TYPE_CONFIG, "producer");
                    // the dead-letter topic takes a letter for the largest record of the others: its bytes and more
                    configs.put(
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            String.valueOf((topic.equals(Topics.DLQ) ? 16 : 8) * 1024 * 1024));
                    if (topic.equals(Topics.WATCHLISTS)) {
                        // the latest version of each watchlist is the state; a tombstone removes one
                        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                    }
                    missing.add(new NewTopic(topic, partitions, replication).configs(configs));
                }
            }
            create(admin, missing);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "Could not create copydesk topics: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /**
     * Creates topics and returns only when every partition has a leader that answers. Kafka acknowledges a
     * creation before the leaders are serving: an idempotent producer that writes in that window can be told
     * NOT_LEADER_OR_FOLLOWER for a batch the leader did append, then loop on OUT_OF_ORDER_SEQUENCE_NUMBER until
     * its delivery timeout expires the batch (seen on Kafka 4.4 with a single KRaft node).
     */
    public static void create(Admin admin, Collection<NewTopic> topics)
            throws ExecutionException, InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        admin.createTopics(topics).all().get();
        awaitLeaders(admin, topics.stream().map(NewTopic::name).toList(), Duration.ofSeconds(60));
    }

    /** Waits until every partition of the topics answers a list-offsets request, which only a serving leader does. */
    public static void awaitLeaders(Admin admin, Collection<String> names, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                for (TopicDescription description :
                        admin.describeTopics(names).allTopicNames().get().values()) {
                    for (TopicPartitionInfo partition : description.partitions()) {
                        if (partition.leader() == null) {
                            throw new IllegalStateException(
                                    "no leader yet for " + description.name() + "-" + partition.partition());
                        }
                        request.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
                    }
                }
                admin.listOffsets(request).all().get();
                return;
            } catch (ExecutionException | IllegalStateException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(
                "Topics " + names + " have no serving leader after " + timeout.toSeconds() + " s", last);
    }
}
