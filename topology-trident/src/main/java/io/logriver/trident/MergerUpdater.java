package io.logriver.trident;

import com.codahale.metrics.Counter;
import io.logriver.logic.window.WindowResult;
import io.logriver.names.Names;
import java.util.List;
import java.util.Map;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.operation.TridentOperationContext;
import org.apache.storm.trident.state.BaseStateUpdater;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;

/**
 * The window merger, in the commit phase: takes the batch's shares (each stored under its partition, so a share sent
 * again changes nothing), then the partitions' watermarks, and emits (key, message) of each window key once the lowest
 * watermark passes its window's end. Window records and the end of input are counted once the batch is written.
 */
final class MergerUpdater extends BaseStateUpdater<MergerState> {
    private static final long serialVersionUID = 1L;

    static final Fields OUTPUT = new Fields(Names.KEY, Names.MESSAGE);

    private transient Counter windows;
    private transient Counter ended;
    private transient Counter replayed;
    private transient boolean drained;

    @Override
    public void prepare(Map<String, Object> conf, TridentOperationContext context) {
        windows = context.registerCounter(Names.M_WINDOWS);
        ended = context.registerCounter(Names.M_END_OF_INPUT);
        replayed = context.registerCounter(Names.M_REPLAYED);
    }

    @Override
    public void updateState(MergerState state, List<TridentTuple> tuples, TridentCollector collector) {
        long refused = 0;
        long emitted = 0;
        for (TridentTuple t : tuples) {
            for (StageOutput.Share s : ((StageOutput) t.getValue(0)).shares()) {
                if (!state.merger.offer(s.partition(), s.key(), s.stats())) {
                    refused++; // a share of a window already emitted: only a replay the state did not undo brings one
                }
            }
        }
        for (TridentTuple t : tuples) {
            for (StageOutput.Watermark w : ((StageOutput) t.getValue(0)).watermarks()) {
                for (WindowResult r : state.merger.advance(w.partition(), w.watermark())) {
                    collector.emit(new Values(r.kafkaKey(), r.toJson()));
                    emitted++;
                }
            }
        }
        long shares = refused;
        long records = emitted;
        boolean nowDrained = state.merger.isDrained();
        state.afterCommit(() -> {
            replayed.inc(shares);
            windows.inc(records);
            if (nowDrained && !drained) {
                drained = true;
                ended.inc();
            }
        });
    }
}
