package io.logriver.core;

import io.logriver.core.bolt.SessionSnapshot;
import io.logriver.logic.SessionTable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The session topic, read from its beginning to the end it has when a join task starts (at most two minutes). */
public record KafkaSessionSnapshot(String bootstrapServers, String topic) implements SessionSnapshot {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSessionSnapshot.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Override
    public int load(SessionTable table) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        // the consumer fetches ahead, and close() waits for that fetch, which the broker holds up to this long when
        // there is nothing more to read: Kafka's 500 ms made every load half a second longer than its reading
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        long started = System.nanoTime();
        long deadline = started + TIMEOUT.toNanos();
        int applied = 0;
        try (KafkaConsumer<byte[], byte[]> c =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = c.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                LOG.info("session topic {} has no partitions yet: starting with an empty session table", topic);
                return 0;
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts, TIMEOUT));
            while (end.entrySet().stream().anyMatch(e -> c.position(e.getKey(), TIMEOUT) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading session topic " + topic + " took longer than " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (!KafkaRecordTranslator.isEndOfInput(r)
                            && SessionSnapshot.apply(table, r.value(), r.partition(), r.offset())) {
                        applied++;
                    }
                }
            }
        }
        LOG.info("loaded {} session records from {} in {} ms", applied, topic, (System.nanoTime() - started) / 1_000_000);
        return applied;
    }
}
