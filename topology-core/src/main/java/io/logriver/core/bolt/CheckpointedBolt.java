package io.logriver.core.bolt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.storm.state.KeyValueState;
import org.apache.storm.topology.IRichBolt;
import org.apache.storm.topology.IStatefulBolt;
import org.apache.storm.tuple.Tuple;

/**
 * A bolt whose state is key/value entries in Storm's checkpointed state (with the Redis backend), or only in memory.
 * Storm's {@code StatefulBoltExecutor} calls {@link #initState} with the last committed checkpoint, {@link #prePrepare}
 * before each checkpoint (the bolt writes what changed since the last one) and {@link #preRollback} when a checkpoint
 * failed; then the state is rolled back, and the bolt reads it again before its next tuple. Without the durable
 * backend the topology adds it as a plain bolt ({@link IRichBolt}): no checkpoint, no state written.
 */
public abstract class CheckpointedBolt implements IStatefulBolt<KeyValueState<String, byte[]>>, IRichBolt {
    private static final long serialVersionUID = 1L;
    private static final byte[] GONE = new byte[0];

    protected final boolean durable;
    private transient KeyValueState<String, byte[]> state;
    private transient boolean reload;

    protected CheckpointedBolt(boolean durable) {
        this.durable = durable;
    }

    /** Replaces the bolt's state with the checkpoint's entries. */
    protected abstract void restore(List<Map.Entry<String, byte[]>> entries);

    /** Hands what changed since the last checkpoint: entries to write, and keys to remove. */
    protected abstract void changes(BiConsumer<String, byte[]> put, Consumer<String> delete);

    /** One tuple. */
    protected abstract void handle(Tuple t);

    @Override
    public final void initState(KeyValueState<String, byte[]> state) {
        this.state = state;
        load();
    }

    @Override
    public final void execute(Tuple t) {
        if (reload) {
            load();
        }
        handle(t);
    }

    @Override
    public void prePrepare(long txid) {
        if (reload) {
            load();
        }
        if (durable) {
            changes(state::put, key -> {
                state.put(key, GONE); // so that delete finds the key among the pending writes, not in Redis
                state.delete(key);
            });
        }
    }

    @Override
    public void preCommit(long txid) {
        // the entries went out in prePrepare
    }

    @Override
    public void preRollback() {
        reload = true;
    }

    private void load() {
        reload = false;
        if (durable && state != null) {
            List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
            state.iterator().forEachRemaining(entries::add);
            restore(entries);
        }
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return null;
    }
}
