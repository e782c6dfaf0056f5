package io.logriver.launcher.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.LogriverConfig;
import io.logriver.config.ModeProfile;
import io.logriver.core.RedisStateProvider;
import io.logriver.core.StormConfigs;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.testing.TestBroker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.storm.state.KeyValueState;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Core's state provider on a real Redis and a real broker: a new consumer group's state starts empty and writes its
 * sentinel; a Redis that comes back empty (here: flushed) then fails the next checkpoint, and a task that starts again
 * while Kafka holds the group's committed offsets, with errors that say Redis lost logriver's state.
 */
class EmptyRedisIT {

    @Test
    @SuppressWarnings("unchecked")
    void aRedisThatCameBackEmptyStopsCoreInsteadOfStartingFromNothing() throws Exception {
        try (TestBroker broker = new TestBroker()) {
            LogriverConfig c = broker.config(List.of(LogriverConfig.CONSUMER_GROUP + "=empty-redis"));
            try (RedisServer redis = RedisServer.start(broker.workDir.resolve("redis"), c.state().redisPort(),
                    Progress.quiet()); Jedis jedis = new Jedis(HostAndPort.from(redis.address()))) {
                Map<String, Object> conf = new HashMap<>(StormConfigs.of(c, ModeProfile.CORE));
                KeyValueState<String, String> state = (KeyValueState<String, String>) new RedisStateProvider()
                        .newState("partition-1", conf, null);
                assertTrue(jedis.exists("logriver:empty-redis:state-since"), "the sentinel of a new group");
                state.put("k", "v");
                state.prepareCommit(1);
                state.commit(1);

                jedis.flushAll(); // Redis restarted without its append-only file
                state.put("k", "w");
                IllegalStateException checkpoint = assertThrows(IllegalStateException.class, () -> state.prepareCommit(2));
                assertTrue(checkpoint.getMessage().contains("has lost logriver's state: logriver:empty-redis:state-since "
                        + "is missing, yet it was there when this task started"), checkpoint.getMessage());

                commitOffset(c, 42);
                IllegalStateException start = assertThrows(IllegalStateException.class,
                        () -> new RedisStateProvider().newState("partition-1", conf, null));
                assertTrue(start.getMessage().contains("is missing, yet Kafka holds committed offsets of consumer group "
                        + "empty-redis"), start.getMessage());
                assertEquals(0, jedis.dbSize(), "nothing written over the lost state");
            }
        }
    }

    /** What a core topology leaves in Kafka once it has acknowledged records: a committed offset of its group. */
    private static void commitOffset(LogriverConfig c, long offset) throws Exception {
        try (Topics topics = new Topics(c.bootstrapServers())) {
            topics.ensure(c, 1);
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, c.consumerGroup());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(c.topics().weblogs(), 0);
            consumer.assign(List.of(tp));
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(offset)));
        }
    }
}
