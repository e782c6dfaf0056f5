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
import io.logriver.trident.state.EntryStore;
import io.logriver.trident.state.LoggedState;
import io.logriver.trident.state.RedisEntryStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.storm.state.KeyValueState;
import org.apache.storm.topology.FailedException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Both modes' state on a real Redis. Core's state provider, with a real broker: a new consumer group's state starts
 * empty and writes its sentinel; a Redis that comes back empty (here: flushed) then fails the next checkpoint, and a
 * task that starts again while Kafka holds the group's committed offsets, with errors that say Redis lost logriver's
 * state. Trident's logged state on its Redis store: the same for the next batch and for a task started again.
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

    /**
     * Trident's logged state on its Redis store, on a real Redis: batches 1 and 2 written; Redis flushed (restarted
     * without its append-only file); the task's next batch fails, and so does a task started again at batch 3, which
     * finds no batch in Redis while Trident's transaction ids say 3. Nothing is written over the lost state.
     */
    @Test
    void aRedisThatCameBackEmptyStopsTridentInsteadOfStartingFromNothing() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "it-empty-redis-trident-").toAbsolutePath();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (RedisServer redis = RedisServer.start(dir, port, Progress.quiet());
             Jedis jedis = new Jedis(HostAndPort.from(redis.address()))) {
            String address = "redis://" + redis.address() + " (logriver.redis.url)";
            String prefix = "logriver:trident:empty-redis:1:stage:0";
            Batches running = new Batches(new RedisEntryStore("127.0.0.1", port, address, prefix));
            running.batch(1);
            running.batch(2);
            assertEquals(2, new RedisEntryStore("127.0.0.1", port, address, prefix).load().txid(), "in Redis");

            jedis.flushAll(); // Redis restarted without its append-only file
            FailedException next = assertThrows(FailedException.class, () -> running.batch(3));
            assertTrue(next.getMessage().contains("Redis came back without logriver's state"), next.getMessage());
            Batches restarted = new Batches(new RedisEntryStore("127.0.0.1", port, address, prefix));
            FailedException start = assertThrows(FailedException.class, () -> restarted.batch(3));
            assertTrue(start.getMessage().contains("holds no batch of this state, yet Trident's transaction ids (in "
                    + "Storm's ZooKeeper) are at batch 3: Redis lost logriver's state"), start.getMessage());
            assertEquals(0, jedis.dbSize(), "nothing written over the lost state");
        }
    }

    /** A logged state that counts its batches (one entry), as Trident's commit runs each: begin, update, commit. */
    private static final class Batches extends LoggedState {
        private String count = "0";
        private boolean changed;

        Batches(EntryStore store) {
            super(store);
        }

        Batches batch(long txid) {
            beginCommit(txid);
            count = Long.toString(Long.parseLong(count) + 1);
            changed = true;
            commit(txid);
            return this;
        }

        @Override
        protected void changes(BiConsumer<String, byte[]> put, Consumer<String> delete) {
            if (changed) {
                put.accept("batches", count.getBytes(StandardCharsets.UTF_8));
            }
            changed = false;
        }

        @Override
        protected void restore(Iterable<Map.Entry<String, byte[]>> entries) {
            count = "0";
            entries.forEach(e -> count = new String(e.getValue(), StandardCharsets.UTF_8));
        }

        @Override
        protected int openKeys() {
            return 1;
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
