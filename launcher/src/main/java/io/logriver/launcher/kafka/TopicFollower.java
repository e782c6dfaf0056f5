package io.logriver.launcher.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows every partition of a topic from its beginning or from its end now, as {@code watch} does: a consumer
 * without a group (nothing is committed, nothing left on the broker), which never creates the topic.
 */
public final class TopicFollower implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;

    public TopicFollower(String bootstrapServers, String topic, boolean fromBeginning) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("no topic " + topic + " on the Kafka broker at " + bootstrapServers
                        + " (bin/logriver submit creates a topology's topics; --topic names another)");
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            if (fromBeginning) {
                consumer.seekToBeginning(parts);
            } else {
                consumer.seekToEnd(parts);
            }
            parts.forEach(consumer::position); // fixes "the end" now: every record written from here on is seen
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** The records that came within {@code timeout}, in each partition's order. */
    public List<ConsumerRecord<String, String>> poll(Duration timeout) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        consumer.poll(timeout).forEach(out::add);
        return out;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
