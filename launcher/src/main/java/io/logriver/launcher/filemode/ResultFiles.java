package io.logriver.launcher.filemode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.LogriverConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a run's output topics to their end and writes the result files. */
public final class ResultFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<JsonNode> WINDOW_ORDER = Comparator
            .comparing((JsonNode n) -> n.get("windowStart").asText())
            .thenComparing(n -> n.get("orgID").asText())
            .thenComparing(n -> n.get("webURL").asText());

    private ResultFiles() {
    }

    /** Writes the window records sorted by windowStart, orgID, webURL, and the dead letters in topic order. */
    public static long write(LogriverConfig c, Path output, Path dlq) throws IOException {
        List<String> windows = readAll(c.bootstrapServers(), c.topics().stats());
        writeLines(output, sorted(windows));
        if (dlq != null) {
            writeLines(dlq, readAll(c.bootstrapServers(), c.topics().dlq()));
        }
        return windows.size();
    }

    /** Window records sorted by windowStart, orgID, webURL, as the output file holds them. */
    public static List<String> sorted(List<String> windows) throws IOException {
        List<Map.Entry<JsonNode, String>> parsed = new ArrayList<>();
        for (String w : windows) {
            parsed.add(Map.entry(JSON.readTree(w), w));
        }
        parsed.sort(Map.Entry.comparingByKey(WINDOW_ORDER));
        return parsed.stream().map(Map.Entry::getValue).toList();
    }

    /** Every record value of the topic, from its beginning to the end it has now, partition by partition. */
    public static List<String> readAll(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10); // close() waits for the fetch ahead (KafkaSessionSnapshot)
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            for (TopicPartition tp : parts) {
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                while (consumer.position(tp) < end.get(tp)) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() < end.get(tp)) {
                            out.add(r.value());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
    }
}
