package io.logriver.trident.state;

import java.util.Map;

/**
 * Where one Trident state partition keeps its entries (string keys, binary values) between batches: Redis
 * ({@link RedisEntryStore}) or the worker's memory ({@link MemoryEntryStore}). A batch is written in one atomic step:
 * the entries it changed, the values they had before it (the undo record of the last batch) and its transaction id.
 */
public interface EntryStore {
    /** The transaction id of a store no batch has been written to. */
    public long NO_BATCH = Long.MIN_VALUE;

    /**
     * What the last written batch left.
     *
     * @param entries every entry
     * @param txid    the last batch's transaction id, {@link #NO_BATCH} before the first
     * @param undo    what each entry the last batch wrote held before it (null: the entry did not exist)
     */
    public record Snapshot(Map<String, byte[]> entries, long txid, Map<String, byte[]> undo) {
    }

    public Snapshot load();

    /**
     * Whether the store outlives the worker (Redis): then a store that holds no batch while Trident's transaction ids
     * are past the first has lost its data, and must not be taken for a new one.
     */
    default boolean durable() {
        return false;
    }

    /**
     * Writes one batch, atomically.
     *
     * @param written the entries the batch wrote (null value: removed)
     * @param before  what each of them held before the batch (null: absent), the new undo record
     */
    public void write(long txid, Map<String, byte[]> written, Map<String, byte[]> before);
}
