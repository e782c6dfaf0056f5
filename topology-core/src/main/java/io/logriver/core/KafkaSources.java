package io.logriver.core;

import io.logriver.config.LogriverConfig;
import io.logriver.storm.spout.RewindingKafkaSpout;
import io.logriver.storm.spout.ShutdownSafeKafkaSpout;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.storm.kafka.spout.FirstPollOffsetStrategy;
import org.apache.storm.kafka.spout.KafkaSpout;
import org.apache.storm.kafka.spout.KafkaSpoutConfig;
import org.apache.storm.kafka.spout.subscription.ManualPartitioner;
import org.apache.storm.kafka.spout.subscription.NamedTopicFilter;
import org.apache.storm.kafka.spout.subscription.RoundRobinManualPartitioner;
import org.apache.storm.topology.IRichSpout;

/**
 * The production sources: Kafka spouts on the request and session topics, at-least-once, from the committed offsets,
 * and the session topic as it is when a partition task starts.
 */
public final class KafkaSources {
    private KafkaSources() {
    }

    /**
     * The request spout rewinds to replay in order when the state is durable ({@link RewindingKafkaSpout}); the session
     * spout needs no order (the session table keeps the latest record of each session by offset).
     */
    public static CoreTopology.Sources of(LogriverConfig c) {
        IRichSpout weblogs;
        if (c.state().durable()) {
            RewindingKafkaSpout.Partitioner partitioner = new RewindingKafkaSpout.Partitioner();
            weblogs = new RewindingKafkaSpout(config(c, c.topics().weblogs(), c.consumerGroup(), partitioner), partitioner,
                    KafkaRecordTranslator.INCARNATION_INDEX);
        } else {
            weblogs = spout(c, c.topics().weblogs(), c.consumerGroup());
        }
        return new CoreTopology.Sources(weblogs, spout(c, c.topics().sessions(), c.consumerGroup() + "-sessions"),
                new KafkaSessionSnapshot(c.bootstrapServers(), c.topics().sessions()));
    }

    public static KafkaSpout<String, byte[]> spout(LogriverConfig c, String topic, String group) {
        return new ShutdownSafeKafkaSpout(config(c, topic, group, new RoundRobinManualPartitioner()));
    }

    private static KafkaSpoutConfig<String, byte[]> config(LogriverConfig c, String topic, String group,
                                                           ManualPartitioner partitioner) {
        return new KafkaSpoutConfig.Builder<String, byte[]>(c.bootstrapServers(), new NamedTopicFilter(topic),
                partitioner)
                .setProp(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)
                .setProp(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)
                .setProp(ConsumerConfig.GROUP_ID_CONFIG, group)
                .setFirstPollOffsetStrategy(FirstPollOffsetStrategy.valueOf(c.firstPoll()))
                .setStartTimeStamp(c.startTimestampMs())
                .setProcessingGuarantee(KafkaSpoutConfig.ProcessingGuarantee.AT_LEAST_ONCE)
                .setRecordTranslator(new KafkaRecordTranslator())
                .setOffsetCommitPeriodMs(c.offsetCommitPeriodMs())
                .build();
    }
}
