package dev.copydesk.cli;

import dev.copydesk.avro.Watchlist;
import dev.copydesk.config.ServiceConfig;
import dev.copydesk.serde.AvroSerdes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The watchlists as {@code copydesk.watchlists} holds them: read whole, written one record (or tombstone) at a time. */
final class WatchlistTopic {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Map<String, Object> clients;
    private final String topic;

    WatchlistTopic(ServiceConfig config) {
        this.clients = new HashMap<>(config.clientSettings());
        this.topic = config.watchlistsTopic();
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a watchlist name is 1-100 letters, digits, '.', '_' or '-', not '" + name + "'");
        }
    }

    /** Every watchlist in force, by name: the latest record of each key, tombstones removing. */
    Map<String, Watchlist> readAll() {
        Map<String, Object> settings = new HashMap<>(clients);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var values = AvroSerdes.specific(Watchlist.class, settings, false).deserializer();
        Map<String, Watchlist> out = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException(
                        "no topic " + topic + " (enrich-streams and the demo create it; or create it compacted)");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        out.remove(r.key());
                    } else {
                        try {
                            out.put(r.key(), values.deserialize(topic, r.value()));
                        } catch (RuntimeException e) {
                            // enrich-streams leaves such a record out too: the previous version stays in force
                        }
                    }
                }
            }
        }
        return out;
    }

    void put(Watchlist watchlist) throws Exception {
        var serializer = AvroSerdes.specific(Watchlist.class, clients, false).serializer();
        send(watchlist.getName(), serializer.serialize(topic, watchlist));
    }

    void remove(String name) throws Exception {
        send(name, null);
    }

    private void send(String key, byte[] value) throws Exception {
        Map<String, Object> settings = new HashMap<>(clients);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}
