package io.logriver.core;

import io.logriver.config.LogriverConfig;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Answers a Redis that comes back empty (its append-only file lost): Kafka's committed offsets would say "done" while
 * the state says "never seen", and the topology would silently start again from nothing. A sentinel key
 * {@code logriver:GROUP:state-since} is written when a consumer group's state is first made, that is when the group has
 * no committed offset yet. A task that starts finds it, or finds the group new; a checkpoint finds it still there.
 * Otherwise the task, or the checkpoint, fails with an error that says what happened, and the topology goes no further.
 */
final class StateSentinel {
    private static final Map<String, JedisPooled> CLIENTS = new ConcurrentHashMap<>();

    private final JedisPooled redis;
    private final String key;
    private final String address;
    private final String group;
    private final BooleanSupplier committedOffsets;

    /**
     * @param committedOffsets whether Kafka holds committed offsets of the group (asked only when the sentinel is
     *                         missing)
     */
    StateSentinel(JedisPooled redis, String address, String group, BooleanSupplier committedOffsets) {
        this.redis = redis;
        this.key = key(group);
        this.address = address;
        this.group = group;
        this.committedOffsets = committedOffsets;
    }

    /** The sentinel of the topology whose configuration is {@code topoConf}. */
    static StateSentinel of(Map<String, Object> topoConf) {
        String url = String.valueOf(topoConf.get(LogriverConfig.REDIS_URL.name()));
        String hostPort = url.startsWith("redis://") ? url.substring("redis://".length()) : url;
        JedisPooled redis = CLIENTS.computeIfAbsent(hostPort, hp -> new JedisPooled(validated(),
                new HostAndPort(hp.substring(0, hp.lastIndexOf(':')), Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1))),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(5_000)
                        .socketTimeoutMillis(5_000).build()));
        String group = String.valueOf(topoConf.get(LogriverConfig.CONSUMER_GROUP.name()));
        String kafka = String.valueOf(topoConf.get(LogriverConfig.BOOTSTRAP_SERVERS.name()));
        return new StateSentinel(redis, url, group, () -> hasCommittedOffsets(kafka, group));
    }

    /**
     * A pool whose connections are checked before use: after Redis restarts (a fault, or a test's next Redis on the same
     * port in the same JVM) an idle connection is dead, and must not fail a task's start.
     */
    private static ConnectionPoolConfig validated() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setTestOnBorrow(true);
        return pool;
    }

    static String key(String group) {
        return "logriver:" + group + ":state-since";
    }

    /** At a task's start: the sentinel is there, or the group is new and the sentinel is written now. */
    void checkAtStart() {
        if (exists()) {
            return;
        }
        if (committedOffsets.getAsBoolean()) {
            throw lost("Kafka holds committed offsets of consumer group " + group);
        }
        try {
            redis.setnx(key, Instant.now().toString());
        } catch (JedisException e) {
            throw unreachable(e);
        }
    }

    /** Before a checkpoint: the sentinel is still there. */
    void checkAtCheckpoint() {
        if (!exists()) {
            throw lost("it was there when this task started");
        }
    }

    private boolean exists() {
        try {
            return redis.exists(key);
        } catch (JedisException e) {
            throw unreachable(e);
        }
    }

    private IllegalStateException unreachable(JedisException e) {
        return new IllegalStateException("Redis at " + address + " (" + LogriverConfig.REDIS_URL + "): "
                + e.getMessage(), e);
    }

    private IllegalStateException lost(String why) {
        return new IllegalStateException("Redis at " + address + " (" + LogriverConfig.REDIS_URL + ") has lost logriver's "
                + "state: " + key + " is missing, yet " + why + ". Redis came back empty (its append-only file lost?); "
                + "logriver stops rather than start again from nothing while Kafka's offsets say those records are done. "
                + "Restore Redis's data, or start over under a new consumer group (" + LogriverConfig.CONSUMER_GROUP + ")");
    }

    private static boolean hasCommittedOffsets(String bootstrapServers, String group) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS)
                    .values().stream().anyMatch(o -> o != null && o.offset() > 0);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Kafka at " + bootstrapServers + ": cannot read the committed offsets of "
                    + "consumer group " + group + " (" + e.getMessage() + ")", e);
        }
    }
}
