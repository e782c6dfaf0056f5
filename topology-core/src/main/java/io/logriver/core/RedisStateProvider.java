package io.logriver.core;

import io.logriver.config.LogriverConfig;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.storm.redis.state.RedisKeyValueStateProvider;
import org.apache.storm.state.KeyValueState;
import org.apache.storm.state.State;
import org.apache.storm.state.StateProvider;
import org.apache.storm.task.TopologyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Storm's {@link RedisKeyValueStateProvider} (set as {@code topology.state.provider}), with three things added: each
 * task's state lives under the topology's consumer group (its Kafka offsets live there too, so a topology submitted
 * again under the same group goes on from both), a Redis that cannot be reached (restarting, or stopped by a full disk)
 * is waited for up to {@code logriver.redis.wait.ms} before a call fails and says which Redis it could not reach, and a
 * Redis that came back empty stops the topology ({@link StateSentinel}).
 *
 * <p>Waiting is what keeps a short outage from stopping the worker: the checkpoint spout saves its own transaction
 * state on its executor's thread, and a failure there ends the worker, which then fails again at its start until Redis
 * is back. Only calls that are safe to repeat wait (reads, and writes that put the same content again); a scan of the
 * state's keys does not.
 */
public final class RedisStateProvider implements StateProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RedisStateProvider.class);
    private static final long RETRY_MS = 250;
    private final RedisKeyValueStateProvider redis = new RedisKeyValueStateProvider();

    @Override
    public State newState(String namespace, Map<String, Object> topoConf, TopologyContext context) {
        Redis address = new Redis(topoConf.get(LogriverConfig.REDIS_URL.name()) + " (" + LogriverConfig.REDIS_URL + ")",
                ((Number) topoConf.getOrDefault(LogriverConfig.REDIS_WAIT_MS.name(), 0L)).longValue());
        String scoped = keyPrefix(String.valueOf(topoConf.get(LogriverConfig.CONSUMER_GROUP.name()))) + namespace;
        StateSentinel sentinel = StateSentinel.of(topoConf);
        address.check(sentinel::checkAtStart);
        @SuppressWarnings("unchecked") // Storm's provider makes KeyValueStates of the topology's key and value types
        KeyValueState<Object, Object> state = (KeyValueState<Object, Object>) address.call(
                () -> redis.newState(scoped, topoConf, context));
        return new Named<>(state, address, sentinel);
    }

    /** What every state key of a core topology of consumer group {@code group} starts with. */
    public static String keyPrefix(String group) {
        return "logriver:" + group + ":";
    }

    /** A Redis server, as its errors name it, and how long a call waits for it when it cannot be reached. */
    record Redis(String address, long waitMs) {
        /** The call's result; its failure, once Redis has been waited for, as an error that names Redis. */
        <T> T call(Supplier<T> call) {
            return attempt(call, true);
        }

        /** As {@link #call}, for a call whose errors name Redis themselves (the sentinel's). */
        void check(Runnable call) {
            attempt(() -> {
                call.run();
                return null;
            }, false);
        }

        private <T> T attempt(Supplier<T> call, boolean name) {
            long since = 0; // when the wait for an unreachable Redis began; 0: not waiting
            while (true) {
                try {
                    T result = call.get();
                    if (since != 0) {
                        LOG.info("Redis at {} answers again", address);
                    }
                    return result;
                } catch (RuntimeException e) {
                    long now = System.currentTimeMillis();
                    boolean unreachable = unreachable(e);
                    if (since == 0 && unreachable && waitMs > 0) {
                        since = now;
                        LOG.warn("Redis at {} cannot be reached ({}); waiting up to {} ms for it ({})", address,
                                rootMessage(e), waitMs, LogriverConfig.REDIS_WAIT_MS);
                    }
                    if (since == 0 || now - since >= waitMs || !unreachable) {
                        String waited = since == 0 ? "" : " (after " + (now - since) + " ms of waiting for it, "
                                + LogriverConfig.REDIS_WAIT_MS + ": " + waitMs + ")";
                        if (name) {
                            throw new IllegalStateException("Redis at " + address + ": " + rootMessage(e) + waited, e);
                        }
                        throw waited.isEmpty() ? e : new IllegalStateException(e.getMessage() + waited, e);
                    }
                    sleep();
                }
            }
        }

        void run(Runnable call) {
            call(() -> {
                call.run();
                return null;
            });
        }

        /** Once, without waiting: for calls that must not be repeated. */
        <T> T once(Supplier<T> call) {
            return new Redis(address, 0).call(call);
        }

        private static void sleep() {
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Redis", e);
            }
        }
    }

    /**
     * Whether Redis could not be reached (no answer, a connection refused or lost, no pooled connection that passes
     * its check) or is still starting (it answers {@code LOADING} while it reads its append-only file back), not what
     * it answered to the call.
     */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof JedisConnectionException
                    || t instanceof JedisDataException && message.startsWith("LOADING")
                    || t instanceof JedisException && message.startsWith("Could not get a resource from the pool")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** A key/value state whose failures name the Redis server, and whose checkpoints check the sentinel first. */
    private record Named<K, V>(KeyValueState<K, V> state, Redis address, StateSentinel sentinel)
            implements KeyValueState<K, V> {
        @Override
        public void put(K key, V value) {
            address.run(() -> state.put(key, value));
        }

        @Override
        public V get(K key) {
            return address.call(() -> state.get(key));
        }

        @Override
        public V get(K key, V defaultValue) {
            return address.call(() -> state.get(key, defaultValue));
        }

        @Override
        public V delete(K key) {
            return address.call(() -> state.delete(key));
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            Iterator<Map.Entry<K, V>> it = address.once(state::iterator);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return address.once(it::hasNext);
                }

                @Override
                public Map.Entry<K, V> next() {
                    return address.once(it::next);
                }
            };
        }

        @Override
        public void prepareCommit(long txid) {
            address.check(sentinel::checkAtCheckpoint);
            address.run(() -> state.prepareCommit(txid));
        }

        @Override
        public void commit(long txid) {
            address.run(() -> state.commit(txid));
        }

        @Override
        public void commit() {
            address.run(state::commit);
        }

        @Override
        public void rollback() {
            address.run(state::rollback);
        }
    }
}
