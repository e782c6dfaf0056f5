package io.logriver.trident;

import static io.logriver.trident.TridentHarness.tuple;

import io.logriver.core.bolt.PartitionBolt;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.window.Windows;
import io.logriver.names.Names;
import io.logriver.trident.state.MemoryEntryStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Trident topology's states outside Storm, batch by batch as Trident's commit phase runs them: the arrivals
 * gathered ({@link CollectArrivals}), the partition stage, its output turned into rows ({@link StageRows}) and gathered
 * for the merger ({@link MergerInput}), the merger, then the sinks. An attempt can fail after any state committed;
 * {@link #restart} makes new states on the same stores, as a new worker does on the same Redis.
 */
final class StatesRun {
    /** Where an attempt of a batch fails: nowhere, or after the stage, the merger or the sink wrote. */
    enum Fault { NONE, AFTER_STAGE, AFTER_MERGER, AFTER_SINK }

    private final Windows windows;
    private final long latenessMs;
    private final int partitions;
    final MemoryEntryStore stageStore = new MemoryEntryStore();
    final MemoryEntryStore mergerStore = new MemoryEntryStore();
    TridentHarness h;
    StageState stage;
    MergerState merger;
    private StageUpdater stageUpdater;
    private MergerUpdater mergerUpdater;
    /** Rows the sinks wrote, duplicates included: (key, message). */
    final List<List<Object>> windowRows = new ArrayList<>();
    final List<List<Object>> deadLetters = new ArrayList<>();
    /** {@code logriver.replayed} of every worker so far. */
    private long replayedBefore;

    StatesRun(long windowSizeMs, long latenessMs, int partitions) {
        this.windows = new Windows(windowSizeMs);
        this.latenessMs = latenessMs;
        this.partitions = partitions;
        restart();
    }

    /** New states and operations (a new worker), on the same stores. */
    void restart() {
        if (h != null) {
            replayedBefore += h.counter(Names.M_REPLAYED);
        }
        h = new TridentHarness();
        stage = new StageState(stageStore, windows, latenessMs, FutureTimeRule.OFF);
        merger = new MergerState(mergerStore, windows, partitions);
        stageUpdater = new StageUpdater("weblogs", "none");
        stageUpdater.prepare(new HashMap<>(), h.context);
        mergerUpdater = new MergerUpdater();
        mergerUpdater.prepare(new HashMap<>(), h.context);
    }

    /** One attempt of batch {@code txid} with these records of the request topic; true when it committed. */
    boolean attempt(long txid, List<Arrival> arrivals, Fault fault) {
        CollectArrivals collect = new CollectArrivals();
        TridentHarness.Rows collected = new TridentHarness.Rows();
        List<Arrival> batch = collect.init(txid, collected);
        arrivals.forEach(a -> collect.aggregate(batch, tuple(CollectArrivals.INPUT, a.partition(), a.offset(), a.value(),
                a.read().request(), a.session(), a.read().emitNanos(), a.read().schedNanos(), a.control()), collected));
        collect.complete(batch, collected);
        StageOutput out = (StageOutput) h.commit(stage, stageUpdater, StageUpdater.OUTPUT, txid,
                tuple(CollectArrivals.OUTPUT, collected.emitted.get(0).get(0))).get(0).get(0);
        if (fault == Fault.AFTER_STAGE) {
            return false;
        }
        MergerInput input = new MergerInput();
        TridentHarness.Rows gathered = new TridentHarness.Rows();
        StageOutput shares = input.init(gathered);
        rows(out, StageRows.Part.SHARES).forEach(r -> input.execute(shares, 0, tuple(PartitionBolt.PARTIAL,
                r.toArray()), gathered));
        rows(out, StageRows.Part.WATERMARKS).forEach(r -> input.execute(shares, 1,
                tuple(StageRows.Part.WATERMARKS.fields, r.toArray()), gathered));
        input.complete(shares, gathered);
        List<List<Object>> closed = List.copyOf(h.commit(merger, mergerUpdater, MergerUpdater.OUTPUT, txid,
                tuple(MergerInput.OUTPUT, gathered.emitted.get(0).get(0))));
        if (fault == Fault.AFTER_MERGER) {
            return false;
        }
        windowRows.addAll(closed);
        deadLetters.addAll(rows(out, StageRows.Part.LATE));
        return fault != Fault.AFTER_SINK;
    }

    /** Records and shares that reached a state twice, over every worker of the run. */
    long replayed() {
        return replayedBefore + h.counter(Names.M_REPLAYED);
    }

    /** The last record each window key got from the sink, after checking that every record of a key is the same. */
    Map<String, String> windowsByKey() {
        Map<String, String> byKey = new HashMap<>();
        for (List<Object> r : windowRows) {
            String before = byKey.put((String) r.get(0), (String) r.get(1));
            if (before != null && !before.equals(r.get(1))) {
                throw new AssertionError("window " + r.get(0) + " written as " + before + " and as " + r.get(1));
            }
        }
        return byKey;
    }

    private static List<List<Object>> rows(StageOutput out, StageRows.Part part) {
        TridentHarness.Rows rows = new TridentHarness.Rows();
        new StageRows(part).execute(tuple(StageUpdater.OUTPUT, out), rows);
        return rows.emitted;
    }
}
