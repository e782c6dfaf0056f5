package io.logriver.trident;

import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowKey;
import java.util.Map;
import org.apache.storm.trident.operation.MultiReducer;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.operation.TridentMultiReducerContext;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;

/**
 * Gathers what the partition stages sent a merger task in one batch (stream 0: shares, as {@link StageRows.Part#SHARES};
 * stream 1: watermarks) into one {@link StageOutput}. A multi-reducer completes every batch on every task, even one
 * that brought the task nothing, so the merger's state sees every batch, replays included.
 */
final class MergerInput implements MultiReducer<StageOutput> {
    private static final long serialVersionUID = 1L;

    static final Fields OUTPUT = new Fields("merger");

    @Override
    public void prepare(Map<String, Object> conf, TridentMultiReducerContext context) {
    }

    @Override
    public StageOutput init(TridentCollector collector) {
        return new StageOutput();
    }

    @Override
    public void execute(StageOutput batch, int streamIndex, TridentTuple t, TridentCollector collector) {
        if (streamIndex == 0) {
            batch.shares().add(new StageOutput.Share(t.getInteger(3), new WindowKey(t.getLong(0), t.getString(1),
                    t.getString(2)), (DurationStats) t.getValue(4)));
        } else {
            batch.watermarks().add(new StageOutput.Watermark(t.getInteger(0), t.getLong(1)));
        }
    }

    @Override
    public void complete(StageOutput batch, TridentCollector collector) {
        collector.emit(new Values(batch));
    }

    @Override
    public void cleanup() {
    }
}
