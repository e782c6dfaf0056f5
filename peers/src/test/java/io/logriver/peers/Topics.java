package io.logriver.peers;

import io.logriver.process.Deadline;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Creating, writing and reading the test's topics. */
final class Topics {
    private final TestBroker broker;

    Topics(TestBroker broker) {
        this.broker = broker;
    }

    /** Single-partition topics; the session topic compacted, as logriver creates it. */
    void create(String sessions, List<String> others) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(sessions, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")));
        others.forEach(t -> topics.add(new NewTopic(t, 1, (short) 1)));
        try (Admin admin = broker.admin()) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Writes the records in order and waits until Kafka has them all; each with the benchmark's time header. */
    void write(String topic, List<Map.Entry<String, String>> keysAndValues) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1 << 20,
                // one request in flight: on a topic created a moment ago a later batch could otherwise land first
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new StringSerializer(), new StringSerializer())) {
            for (Map.Entry<String, String> kv : keysAndValues) {
                ProducerRecord<String, String> r = new ProducerRecord<>(topic, kv.getKey(), kv.getValue());
                r.headers().add("logriver-sched-nanos", ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime())
                        .array());
                p.send(r);
            }
            p.flush();
        }
    }

    /**
     * The values of a single-partition topic once it holds at least {@code count} records (polling, up to the
     * deadline), and whatever else it holds by then: more records than expected show as such.
     */
    List<String> readAtLeast(String topic, int count, Duration timeout) {
        TopicPartition tp = new TopicPartition(topic, 0);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1 << 20), new StringDeserializer(),
                new StringDeserializer())) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            Deadline deadline = Deadline.in(timeout);
            while (values.size() < count && !deadline.passed()) {
                c.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            long end = c.endOffsets(List.of(tp)).get(tp);
            while (c.position(tp) < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    static Map.Entry<String, String> record(String key, String value) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(key, value);
    }
}
