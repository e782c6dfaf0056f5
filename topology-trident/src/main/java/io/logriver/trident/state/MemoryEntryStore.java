package io.logriver.trident.state;

import java.util.HashMap;
import java.util.Map;

/**
 * An {@link EntryStore} in the worker's memory ({@code logriver.state.backend: memory}): batches replay exactly, but
 * the entries are lost with the worker. Also the stand-in for Redis in the states' tests, where one store outlives
 * the states that use it, as Redis outlives a worker.
 */
public final class MemoryEntryStore implements EntryStore {
    private final Map<String, byte[]> entries = new HashMap<>();
    private final Map<String, byte[]> undo = new HashMap<>();
    private long txid = NO_BATCH;
    private int writes;

    @Override
    public Snapshot load() {
        return new Snapshot(new HashMap<>(entries), txid, new HashMap<>(undo));
    }

    @Override
    public void write(long txid, Map<String, byte[]> written, Map<String, byte[]> before) {
        written.forEach((k, v) -> {
            if (v == null) {
                entries.remove(k);
            } else {
                entries.put(k, v);
            }
        });
        undo.clear();
        undo.putAll(before);
        this.txid = txid;
        writes++;
    }

    /** Batches written so far. */
    public int writes() {
        return writes;
    }

    /** The entries as stored now. */
    public Map<String, byte[]> entries() {
        return Map.copyOf(entries);
    }
}
