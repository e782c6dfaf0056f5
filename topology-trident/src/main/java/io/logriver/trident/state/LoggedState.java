package io.logriver.trident.state;

import io.logriver.names.Names;
import io.logriver.storm.trident.BatchEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.storm.task.IMetricsContext;
import org.apache.storm.topology.ReportedFailedException;
import org.apache.storm.trident.state.State;
import org.apache.storm.trident.state.StateFactory;
import org.apache.storm.trident.topology.MasterBatchCoordinator;

/**
 * A Trident state partition held as keyed entries in an {@link EntryStore}, always exactly as the last committed batch
 * left it. Each commit writes, in one atomic step, the entries the batch changed and what they held before it (the undo
 * record). A batch applied again under the same transaction id (a replay: it failed after this state committed it)
 * first undoes the earlier attempt, every entry of it, so the replay is applied to the state before that attempt even
 * when it no longer holds the keys the attempt changed. The state is read from the store when first used, and again
 * after any batch that failed while it was being applied or written. A failure to reach the store fails the batch,
 * which Trident then replays.
 */
public abstract class LoggedState implements State {
    private final EntryStore store;
    private final Map<String, byte[]> committed = new HashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private long lastTxid = EntryStore.NO_BATCH;
    private Map<String, byte[]> undo = Map.of();
    private Map<String, byte[]> reverts = Map.of();
    private boolean stale = true;
    private BatchEvents.Commit event = new BatchEvents.Commit();

    public LoggedState(EntryStore store) {
        this.store = store;
    }

    /** Hands every entry changed since the last call to {@code put}, every removed one to {@code delete}. */
    protected abstract void changes(BiConsumer<String, byte[]> put, Consumer<String> delete);

    /** Replaces the state with these entries. */
    protected abstract void restore(Iterable<Map.Entry<String, byte[]>> entries);

    /** Window keys held (the gauge {@code logriver.windows.open}). */
    protected abstract int openKeys();

    /** Runs once the current batch is written (not at all if it fails): what must count only committed work. */
    public final void afterCommit(Runnable r) {
        afterCommit.add(r);
    }

    @Override
    public final void beginCommit(Long txid) {
        if (txid == null) {
            throw new IllegalArgumentException("a logged state needs transactional batches (a txid)");
        }
        afterCommit.clear();
        event = new BatchEvents.Commit();
        event.begin();
        if (stale) {
            load();
        }
        stale = true; // until this batch is written
        if (txid == lastTxid) {
            reverts = undo;
            undo.forEach((k, v) -> put(committed, k, v));
            restore(committed.entrySet());
        } else if (lastTxid == EntryStore.NO_BATCH && txid != MasterBatchCoordinator.INIT_TXID && store.durable()) {
            stale = true;
            throw new ReportedFailedException(store + " holds no batch of this state, yet Trident's transaction ids "
                    + "(in Storm's ZooKeeper) are at batch " + txid + ": Redis lost logriver's state (its append-only "
                    + "file?). logriver stops here rather than start again from nothing while Kafka's offsets say those "
                    + "records are done; restore Redis's data, or start over under a new consumer group");
        } else if (lastTxid != EntryStore.NO_BATCH && txid != lastTxid + 1) {
            throw new ReportedFailedException("the state was left by batch " + lastTxid + ", the next batch is " + txid
                    + ": Trident's transaction ids (in Storm's ZooKeeper) and this state disagree");
        }
    }

    @Override
    public final void commit(Long txid) {
        long start = System.nanoTime();
        Map<String, byte[]> written = new HashMap<>(reverts);
        changes(written::put, k -> written.put(k, null));
        Map<String, byte[]> before = new HashMap<>();
        for (String k : written.keySet()) {
            before.put(k, committed.get(k));
        }
        long encoded = System.nanoTime();
        try {
            store.write(txid, written, before);
        } catch (RuntimeException e) {
            throw new ReportedFailedException(e.getMessage(), e);
        }
        if (event.shouldCommit()) {
            event.state = getClass().getSimpleName();
            event.txid = txid;
            event.entries = written.size();
            event.bytes = written.values().stream().mapToLong(v -> v == null ? 0 : v.length).sum();
            event.encodeNanos = encoded - start;
            event.writeNanos = System.nanoTime() - encoded;
            event.commit();
        }
        written.forEach((k, v) -> put(committed, k, v));
        lastTxid = txid;
        undo = before;
        reverts = Map.of();
        stale = false;
        afterCommit.forEach(Runnable::run);
        afterCommit.clear();
    }

    private void load() {
        EntryStore.Snapshot s;
        try {
            s = store.load();
        } catch (RuntimeException e) {
            throw new ReportedFailedException(e.getMessage(), e);
        }
        committed.clear();
        committed.putAll(s.entries());
        lastTxid = s.txid();
        undo = s.undo();
        reverts = Map.of();
        restore(committed.entrySet());
        stale = false;
    }

    private static void put(Map<String, byte[]> m, String key, byte[] value) {
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
    }

    /** Makes each partition of a logged state on its own store: {@code STATE:PARTITION} of the location. */
    public abstract static class Factory implements StateFactory {
        private static final long serialVersionUID = 1L;
        private final StoreLocation location;
        private final String state;

        public Factory(StoreLocation location, String state) {
            this.location = location;
            this.state = state;
        }

        /** The state on its store. */
        public abstract LoggedState make(EntryStore store);

        @Override
        public final State makeState(Map<String, Object> conf, IMetricsContext metrics, int partitionIndex,
                                     int numPartitions) {
            LoggedState s = make(location.open(conf, state, partitionIndex));
            if (metrics != null) {
                metrics.registerGauge(Names.M_OPEN_WINDOW_KEYS, s::openKeys);
            }
            return s;
        }
    }
}
