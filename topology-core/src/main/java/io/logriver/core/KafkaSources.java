package io.logriver.core;

import io.logriver.config.LogriverConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.storm.kafka.spout.FirstPollOffsetStrategy;
import org.apache.storm.kafka.spout.KafkaSpout;
import org.apache.storm.kafka.spout.KafkaSpoutConfig;

/** The production sources: Kafka spouts on the request and session topics, at-least-once, from the committed offsets. */
public final class KafkaSources {
    private KafkaSources() {
    }

    public static CoreTopology.Sources of(LogriverConfig c) {
        return new CoreTopology.Sources(spout(c, c.topics().weblogs(), c.consumerGroup()),
                spout(c, c.topics().sessions(), c.consumerGroup() + "-sessions"));
    }

    public static KafkaSpout<String, byte[]> spout(LogriverConfig c, String topic, String group) {
        KafkaSpoutConfig<String, byte[]> config = new KafkaSpoutConfig.Builder<String, byte[]>(c.bootstrapServers(), topic)
                .setProp(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)
                .setProp(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)
                .setProp(ConsumerConfig.GROUP_ID_CONFIG, group)
                .setFirstPollOffsetStrategy(FirstPollOffsetStrategy.valueOf(c.firstPoll()))
                .setStartTimeStamp(c.startTimestampMs())
                .setProcessingGuarantee(KafkaSpoutConfig.ProcessingGuarantee.AT_LEAST_ONCE)
                .setRecordTranslator(new KafkaRecordTranslator())
                .setOffsetCommitPeriodMs(1000)
                .build();
        return new KafkaSpout<>(config);
    }
}
