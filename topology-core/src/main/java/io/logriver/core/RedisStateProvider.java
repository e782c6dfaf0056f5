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

/**
 * Storm's {@link RedisKeyValueStateProvider} (set as {@code topology.state.provider}), with three things added: each
 * task's state lives under the topology's consumer group (its Kafka offsets live there too, so a topology submitted
 * again under the same group goes on from both), a failing Redis call says which Redis it could not reach, and a Redis
 * that came back empty stops the topology ({@link StateSentinel}).
 */
public final class RedisStateProvider implements StateProvider {
    private final RedisKeyValueStateProvider redis = new RedisKeyValueStateProvider();

    @Override
    public State newState(String namespace, Map<String, Object> topoConf, TopologyContext context) {
        String address = topoConf.get(LogriverConfig.REDIS_URL.name()) + " (" + LogriverConfig.REDIS_URL + ")";
        String scoped = keyPrefix(String.valueOf(topoConf.get(LogriverConfig.CONSUMER_GROUP.name()))) + namespace;
        StateSentinel sentinel = StateSentinel.of(topoConf);
        sentinel.checkAtStart(); // its errors name Redis themselves
        @SuppressWarnings("unchecked") // Storm's provider makes KeyValueStates of the topology's key and value types
        KeyValueState<Object, Object> state = (KeyValueState<Object, Object>) call(address,
                () -> redis.newState(scoped, topoConf, context));
        return new Named<>(state, address, sentinel);
    }

    /** What every state key of a core topology of consumer group {@code group} starts with. */
    public static String keyPrefix(String group) {
        return "logriver:" + group + ":";
    }

    private static <T> T call(String address, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Redis at " + address + ": " + rootMessage(e), e);
        }
    }

    private static void run(String address, Runnable call) {
        call(address, () -> {
            call.run();
            return null;
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** A key/value state whose failures name the Redis server, and whose checkpoints check the sentinel first. */
    private record Named<K, V>(KeyValueState<K, V> state, String address, StateSentinel sentinel)
            implements KeyValueState<K, V> {
        @Override
        public void put(K key, V value) {
            run(address, () -> state.put(key, value));
        }

        @Override
        public V get(K key) {
            return call(address, () -> state.get(key));
        }

        @Override
        public V get(K key, V defaultValue) {
            return call(address, () -> state.get(key, defaultValue));
        }

        @Override
        public V delete(K key) {
            return call(address, () -> state.delete(key));
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            Iterator<Map.Entry<K, V>> it = call(address, state::iterator);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return call(address, it::hasNext);
                }

                @Override
                public Map.Entry<K, V> next() {
                    return call(address, it::next);
                }
            };
        }

        @Override
        public void prepareCommit(long txid) {
            sentinel.checkAtCheckpoint();
            run(address, () -> state.prepareCommit(txid));
        }

        @Override
        public void commit(long txid) {
            run(address, () -> state.commit(txid));
        }

        @Override
        public void commit() {
            run(address, state::commit);
        }

        @Override
        public void rollback() {
            run(address, state::rollback);
        }
    }
}
