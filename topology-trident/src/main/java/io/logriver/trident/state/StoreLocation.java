package io.logriver.trident.state;

import io.logriver.config.LogriverConfig;
import java.io.Serializable;
import java.util.Map;

/**
 * Where the Trident states keep their entries: in Redis under the topology's {@link StateNamespace} (the durable
 * backend), or in each worker's memory ({@code logriver.state.backend: memory}).
 *
 * @param txId the request spout's transactional id, which the namespace is made from
 */
public record StoreLocation(LogriverConfig.StateStore store, String txId) implements Serializable {

    /** The store of partition {@code partition} of the state {@code state}. */
    public EntryStore open(Map<String, Object> conf, String state, int partition) {
        if (!store.durable()) {
            return new MemoryEntryStore();
        }
        return new RedisEntryStore(store.redisHost(), store.redisPort(),
                "redis://" + store.redisAddress() + " (" + LogriverConfig.REDIS_URL + ")",
                StateNamespace.of(conf, txId) + ":" + state + ":" + partition);
    }
}
