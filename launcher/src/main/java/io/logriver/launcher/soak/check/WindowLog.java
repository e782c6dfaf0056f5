package io.logriver.launcher.soak.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every window record one topology wrote, read from the start of its stats topic as it is written: the first and
 * the last record of each window key, when the key first came (the record's timestamp), and the keys written again
 * with other content.
 */
public final class WindowLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A window key's first record and when it was written. */
    public record Arrival(String key, long writtenMillis) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final Map<String, String> first = new HashMap<>();
    private final Map<String, String> last = new HashMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final List<String> rewrites = new ArrayList<>();
    private long records;
    private long rewritten;
    private volatile boolean closed;

    public WindowLog(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::follow, "soak-windows-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try {
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    add(new String(r.value(), StandardCharsets.UTF_8), r.timestamp());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    public synchronized void add(String record, long writtenMillis) {
        String key = key(record);
        records++;
        String before = first.putIfAbsent(key, record);
        if (before == null) {
            arrivals.add(new Arrival(key, writtenMillis));
        } else if (!before.equals(record)) {
            rewritten++;
            if (rewrites.size() < 3) {
                rewrites.add(before + " then " + record);
            }
        }
        last.put(key, record);
    }

    public static String key(String record) {
        try {
            JsonNode n = JSON.readTree(record);
            return n.path("windowStart").asText() + "|" + n.path("orgID").asText() + "|" + n.path("webURL").asText();
        } catch (IOException e) {
            return "not-json|" + record;
        }
    }

    public synchronized boolean has(String key) {
        return first.containsKey(key);
    }

    /** The keys that came since the last call. */
    public synchronized List<Arrival> drainArrivals() {
        List<Arrival> out = new ArrayList<>(arrivals);
        arrivals.clear();
        return out;
    }

    /** The last record of each key, as a compacted topic keeps it. */
    public synchronized Map<String, String> lastByKey() {
        return new HashMap<>(last);
    }

    public synchronized int keys() {
        return first.size();
    }

    public synchronized long records() {
        return records;
    }

    /** Records written again with other content than the key's first. */
    public synchronized long rewritten() {
        return rewritten;
    }

    public synchronized List<String> rewriteExamples() {
        return List.copyOf(rewrites);
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
