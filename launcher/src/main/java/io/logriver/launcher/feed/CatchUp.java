package io.logriver.launcher.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How far a reprocessing copy's output has come against the output it replaces: the latest window each stats topic
 * holds (read from the last records of each partition) and how many window records. The copy has caught up once its
 * latest window is the old output's latest, or later: every window the old topology has written, it has written too
 * (windows become final in the order of their end).
 */
final class CatchUp {
    /** Records read from the end of each partition to find its latest window (writers may interleave a little). */
    private static final int TAIL = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stats topic's latest window (null when it has none) and its record count. */
    record Output(String topic, Instant latest, long records) {
        @Override
        public String toString() {
            return String.format("%s at window %s (%,d window records)", topic, latest == null ? "none yet" : latest,
                    records);
        }
    }

    private CatchUp() {
    }

    /** True once {@code copy} holds the window {@code old} is at, or a later one. */
    static boolean caughtUp(Output copy, Output old) {
        return old.latest() == null || copy.latest() != null && !copy.latest().isBefore(old.latest());
    }

    static Output of(String bootstrapServers, String topic) throws IOException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10); // close() waits for the fetch ahead (KafkaSessionSnapshot)
        Instant latest = null;
        long records = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            Map<TopicPartition, Long> begin = c.beginningOffsets(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            for (TopicPartition tp : parts) {
                records += end.get(tp) - begin.get(tp);
                c.assign(List.of(tp));
                c.seek(tp, Math.max(begin.get(tp), end.get(tp) - TAIL));
                while (c.position(tp) < end.get(tp)) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                        Instant start = windowStart(r.value());
                        if (start != null && (latest == null || start.isAfter(latest))) {
                            latest = start;
                        }
                    }
                }
            }
        }
        return new Output(topic, latest, records);
    }

    private static Instant windowStart(String record) {
        try {
            JsonNode n = JSON.readTree(record);
            return n != null && n.hasNonNull("windowStart") ? Instant.parse(n.get("windowStart").asText()) : null;
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
