package io.logriver.trident;

import com.codahale.metrics.Counter;
import io.logriver.core.Names;
import io.logriver.logic.DeadLetter;
import io.logriver.logic.Request;
import io.logriver.logic.Windows;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.operation.TridentOperationContext;
import org.apache.storm.trident.state.BaseStateUpdater;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;

/**
 * The lateness step, in the commit phase so batches come in order: each accepted record is checked against its
 * partition's watermark as in the core topology. Emits a {@code record} row per record in time, a {@code late} row
 * (a dead letter) per late one, and a {@code watermark} row per partition of the batch.
 */
final class LatenessUpdater extends BaseStateUpdater<LatenessState> {
    private static final long serialVersionUID = 1L;

    static final String RECORD = "record";
    static final String LATE = "late";
    static final String WATERMARK = "watermark";
    static final Fields INPUT = new Fields(Names.PARTITION, Names.OFFSET, Names.VALUE, Names.REQUEST,
            Names.EMIT_NANOS, Names.SCHED_NANOS, Names.CONTROL);
    /** Watermark rows carry, per partition of the batch, the emit and scheduled times of its records in time. */
    static final Fields OUTPUT = new Fields("kind", Names.PARTITION, Names.REQUEST, Names.WINDOW_START, Names.WATERMARK,
            "batchSize", "emitTimes", "schedTimes", Names.KEY, Names.MESSAGE);

    private final Windows windows;
    private final String topic;
    private transient Counter late;

    LatenessUpdater(Windows windows, String topic) {
        this.windows = windows;
        this.topic = topic;
    }

    @Override
    public void prepare(Map<String, Object> conf, TridentOperationContext context) {
        late = context.registerCounter(Names.M_LATE);
    }

    @Override
    public void updateState(LatenessState state, List<TridentTuple> tuples, TridentCollector collector) {
        Map<Integer, BatchTimes> batch = new TreeMap<>();
        for (TridentTuple t : tuples) {
            int p = t.getIntegerByField(Names.PARTITION);
            BatchTimes b = batch.computeIfAbsent(p, k -> new BatchTimes());
            if (t.getBooleanByField(Names.CONTROL)) {
                state.lateness.end(p);
                continue;
            }
            b.records++;
            Request r = (Request) t.getValueByField(Names.REQUEST);
            if (state.lateness.observeIsLate(p, r.eventTime())) {
                late.inc();
                DeadLetter d = DeadLetter.of(DeadLetter.LATE, topic, p, t.getLongByField(Names.OFFSET),
                        t.getBinaryByField(Names.VALUE));
                collector.emit(new Values(LATE, p, null, 0L, 0L, 0L, null, null, d.kafkaKey(), d.toJson()));
            } else {
                b.add(t.getLongByField(Names.EMIT_NANOS), t.getLongByField(Names.SCHED_NANOS));
                collector.emit(new Values(RECORD, p, r, windows.startOf(r.eventTime()), 0L, 0L, null, null, null, null));
            }
        }
        batch.forEach((p, b) -> collector.emit(new Values(WATERMARK, p, null, 0L, state.lateness.watermark(p),
                b.records, b.emitTimes(), b.schedTimes(), null, null)));
    }
}
