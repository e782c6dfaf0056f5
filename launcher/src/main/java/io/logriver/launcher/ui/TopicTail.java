package io.logriver.launcher.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.process.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The last records of a topic, as JSON: each partition's latest {@code perPartition}, read once, with no group. */
final class TopicTail {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READ_FOR = Duration.ofSeconds(3);

    private TopicTail() {
    }

    static List<JsonNode> last(String bootstrapServers, String topic, int perPartition) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        List<JsonNode> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                     new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, READ_FOR).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, READ_FOR);
            Map<TopicPartition, Long> begin = c.beginningOffsets(parts, READ_FOR);
            end.forEach((tp, e) -> c.seek(tp, Math.max(begin.get(tp), e - perPartition)));
            Deadline deadline = Deadline.in(READ_FOR);
            while (!deadline.passed() && parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    JsonNode n = parse(r.value());
                    if (n != null) {
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }
}
