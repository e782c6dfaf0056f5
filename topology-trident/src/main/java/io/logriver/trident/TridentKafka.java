package io.logriver.trident;

import io.logriver.config.LogriverConfig;
import io.logriver.core.KafkaRecordTranslator;
import io.logriver.core.KafkaSessionSnapshot;
import io.logriver.names.Names;
import io.logriver.storm.trident.GuardedKafkaSpout;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.storm.kafka.spout.FirstPollOffsetStrategy;
import org.apache.storm.kafka.spout.trident.KafkaTridentSpoutConfig;
import org.apache.storm.kafka.spout.trident.KafkaTridentSpoutOpaque;
import org.apache.storm.kafka.spout.trident.KafkaTridentSpoutTopicPartition;
import org.apache.storm.kafka.trident.TridentKafkaStateFactory;
import org.apache.storm.kafka.trident.mapper.FieldNameBasedTupleToKafkaMapper;
import org.apache.storm.kafka.trident.selector.DefaultTopicSelector;
import org.apache.storm.trident.state.StateFactory;

/**
 * The production sources and sinks of the Trident topology: opaque Kafka spouts and the session topic's snapshot in,
 * Kafka states out.
 */
public final class TridentKafka {
    private TridentKafka() {
    }

    public static TridentPipeline.Sources sources(LogriverConfig c) {
        return new TridentPipeline.Sources(spout(c, c.topics().weblogs()), spout(c, c.topics().sessions()),
                new KafkaSessionSnapshot(c.bootstrapServers(), c.topics().sessions()));
    }

    public static TridentPipeline.Sinks sinks(LogriverConfig c) {
        return new TridentPipeline.Sinks(state(c, c.topics().stats()), state(c, c.topics().dlq()));
    }

    /**
     * Storm's opaque Kafka spout, guarded ({@link GuardedKafkaSpout}): batches only while there is something to read,
     * no record between two batches, no crash in a task without a partition.
     */
    static GuardedKafkaSpout<KafkaTridentSpoutTopicPartition> spout(LogriverConfig c, String topic) {
        KafkaTridentSpoutConfig<String, byte[]> config =
                new KafkaTridentSpoutConfig.Builder<String, byte[]>(c.bootstrapServers(), topic)
                        .setProp(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)
                        .setProp(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)
                        .setProp(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, c.trident().maxPollRecords())
                        // a batch is one poll: let one fetch bring a whole batch of a partition
                        .setProp(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024)
                        .setProp(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024)
                        .setProp(ConsumerConfig.GROUP_ID_CONFIG, c.consumerGroup() + "-trident")
                        // a quiet partition must not hold every batch for Storm's 200 ms poll (and the broker's 500 ms)
                        .setProp(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, c.trident().fetchWaitMs())
                        .setPollTimeoutMs(2L * c.trident().fetchWaitMs())
                        .setFirstPollOffsetStrategy(FirstPollOffsetStrategy.valueOf(c.firstPoll()))
                        .setStartTimeStamp(c.startTimestampMs())
                        .setRecordTranslator(new KafkaRecordTranslator())
                        .build();
        return new GuardedKafkaSpout<>(new KafkaTridentSpoutOpaque<>(config), c.bootstrapServers(),
                TridentPipeline.txId(c, topic));
    }

    @SuppressWarnings("unchecked") // Storm's FieldNameBasedTupleToKafkaMapper implements its mapper interface raw
    static StateFactory state(LogriverConfig c, String topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new TridentKafkaStateFactory<String, String>()
                .withProducerProperties(p)
                .withKafkaTopicSelector(new DefaultTopicSelector(topic))
                .withTridentTupleToKafkaMapper(
                        new FieldNameBasedTupleToKafkaMapper<String, String>(Names.KEY, Names.MESSAGE));
    }
}
