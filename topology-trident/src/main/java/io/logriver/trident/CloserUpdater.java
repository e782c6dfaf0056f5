package io.logriver.trident;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import io.logriver.core.Names;
import io.logriver.logic.DeadLetter;
import io.logriver.logic.DurationStats;
import io.logriver.logic.HostClock;
import io.logriver.logic.LatencyProbe;
import io.logriver.logic.WindowCloser;
import io.logriver.logic.WindowKey;
import io.logriver.logic.WindowResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.operation.TridentOperationContext;
import org.apache.storm.trident.state.BaseStateUpdater;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;

/**
 * Closes windows, batch by batch: takes the batch's new window aggregates and partition watermarks, and emits
 * ({@code stats} or {@code dlq}, key, message) rows: each final window record once, and a dead letter for an update
 * that came for a window already closed. Also measures the batches: size, and time from the first record's emit.
 */
final class CloserUpdater extends BaseStateUpdater<CloserState> {
    private static final long serialVersionUID = 1L;

    static final Fields INPUT = new Fields("kind", Names.WINDOW_START, Names.ORG_ID, Names.URL_KEY, "stats",
            Names.PARTITION, Names.WATERMARK, "batchSize", "emitTimes", "schedTimes");
    static final Fields OUTPUT = new Fields("sink", Names.KEY, Names.MESSAGE);
    static final String STATS = "stats";
    static final String DLQ = "dlq";

    private final String weblogsTopic;
    private final boolean probe;
    private transient Counter windows;
    private transient Counter late;
    private transient Counter aggregated;
    private transient Counter ended;
    private transient Histogram latencyMicros;
    private transient Histogram batchSize;
    private transient boolean drained;

    /** @param probe whether to record every record's latencies in the {@link LatencyProbe} (benchmarks) */
    CloserUpdater(String weblogsTopic, boolean probe) {
        this.weblogsTopic = weblogsTopic;
        this.probe = probe;
    }

    @Override
    public void prepare(Map<String, Object> conf, TridentOperationContext context) {
        windows = context.registerCounter(Names.M_WINDOWS);
        late = context.registerCounter(Names.M_LATE);
        aggregated = context.registerCounter(Names.M_AGGREGATED);
        ended = context.registerCounter(Names.M_END_OF_INPUT);
        latencyMicros = context.registerHistogram(Names.M_LATENCY_US);
        batchSize = context.registerHistogram(Names.M_BATCH_SIZE);
    }

    @Override
    public void updateState(CloserState state, List<TridentTuple> tuples, TridentCollector collector) {
        Map<WindowKey, DurationStats> updates = new HashMap<>();
        Map<Integer, Long> watermarks = new HashMap<>();
        long now = HostClock.nanos(); // the emit times may come from other workers
        for (TridentTuple t : tuples) {
            if (LatenessUpdater.WATERMARK.equals(t.getStringByField("kind"))) {
                watermarks.merge(t.getIntegerByField(Names.PARTITION), t.getLongByField(Names.WATERMARK), Math::max);
                long records = t.getLongByField("batchSize");
                if (records > 0) {
                    batchSize.update(records);
                    applied(now, (long[]) t.getValueByField("emitTimes"), (long[]) t.getValueByField("schedTimes"));
                }
            } else {
                updates.put(new WindowKey(t.getLongByField(Names.WINDOW_START), t.getStringByField(Names.ORG_ID),
                        t.getStringByField(Names.URL_KEY)), (DurationStats) t.getValueByField("stats"));
            }
        }
        WindowCloser.Result r = state.closer.apply(state.txid, updates, watermarks);
        for (WindowResult w : r.finals()) {
            windows.inc();
            collector.emit(new Values(STATS, w.kafkaKey(), w.toJson()));
        }
        for (WindowKey k : r.closedWindowUpdates()) {
            late.inc();
            DeadLetter d = new DeadLetter(DeadLetter.LATE, weblogsTopic, -1, -1, k.toString());
            collector.emit(new Values(DLQ, d.kafkaKey(), d.toJson()));
        }
        if (!drained && state.closer.isDrained()) {
            drained = true;
            ended.inc();
        }
    }

    /** The batch's records in time are applied now: counted, and their latencies measured. */
    private void applied(long now, long[] emitTimes, long[] schedTimes) {
        aggregated.inc(emitTimes.length);
        long first = Long.MAX_VALUE;
        for (int i = 0; i < emitTimes.length; i++) {
            first = Math.min(first, emitTimes[i]);
            if (probe) {
                LatencyProbe.record(now, emitTimes[i], schedTimes[i]);
            }
        }
        if (emitTimes.length > 0) {
            latencyMicros.update((now - first) / 1000);
        }
    }
}
