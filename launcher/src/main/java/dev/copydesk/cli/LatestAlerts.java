package dev.copydesk.cli;

import dev.copydesk.avro.Alert;
import dev.copydesk.serde.AvroDeserializer;
import dev.copydesk.serde.AvroJson;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's Alerts panel: one consumer of {@code articles.alerts} (no group, read committed) on a thread of
 * its own, holding the latest alerts in memory, so a page asking every few seconds costs no Kafka round trip and
 * a broker that does not answer never holds up the page. At start it reads back the last {@link #KEEP} alerts of
 * each partition; a topic that does not exist yet is looked for again every few seconds.
 */
final class LatestAlerts implements AutoCloseable {

    static final int KEEP = 50;
    private static final Logger LOG = LoggerFactory.getLogger(LatestAlerts.class);

    private final Map<String, Object> settings;
    private final String topic;
    private final Deque<Alert> latest = new ArrayDeque<>();
    private final Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean closed;

    LatestAlerts(Map<String, Object> clientSettings, String topic) {
        this.settings = new HashMap<>(clientSettings);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.topic = topic;
        this.thread = new Thread(this::follow, "copydesk-dashboard-alerts");
        thread.setDaemon(true);
        thread.start();
    }

    /** The newest alerts first, each as the Alert's JSON form. */
    synchronized List<Object> latest(int limit) {
        List<Object> out = new ArrayList<>();
        for (Alert a : latest) {
            if (out.size() >= limit) {
                break;
            }
            out.add(AvroJson.toJson(a));
        }
        return out;
    }

    private synchronized void add(Alert alert) {
        latest.addFirst(alert);
        while (latest.size() > KEEP) {
            latest.removeLast();
        }
    }

    private void follow() {
        AvroDeserializer<Alert> decoder = new AvroDeserializer<>(Alert.class);
        decoder.configure(settings, false);
        while (!closed) {
            try (KafkaConsumer<String, byte[]> c =
                    new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = c;
                var infos = c.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos == null || infos.isEmpty()) {
                    Thread.sleep(5000);
                    continue;
                }
                List<TopicPartition> partitions = infos.stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .toList();
                c.assign(partitions);
                Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
                c.endOffsets(partitions).forEach((tp, end) -> c.seek(tp, Math.max(begin.get(tp), end - KEEP)));
                while (!closed) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofSeconds(1))) {
                        try {
                            Alert a = decoder.deserialize(topic, r.value());
                            if (a != null) {
                                add(a);
                            }
                        } catch (RuntimeException e) {
                            // the alerts command shows undecodable records; the panel shows alerts
                        }
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("dashboard alerts: {}; trying again", e.getMessage());
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup(); // a daemon thread: one sleeping between looks for the topic ends at its next check
        }
    }
}
