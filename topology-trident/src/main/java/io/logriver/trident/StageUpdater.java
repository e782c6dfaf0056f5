package io.logriver.trident;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import io.logriver.config.LogriverConfig;
import io.logriver.logic.AppliedHook;
import io.logriver.logic.PartitionPipeline;
import io.logriver.logic.Pending;
import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.parse.Session;
import io.logriver.logic.time.HostClock;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowKey;
import io.logriver.names.Names;
import io.logriver.trident.ops.BatchTimes;
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
 * The partition stage, in the commit phase (batches in order): each request, in offset order per partition, is late
 * or added to its partition's share of its window, as in the core topology's partition stage; shares of windows that
 * became final for their partition, new watermarks and late dead letters go out as one {@link StageOutput}. Counts and
 * latencies are recorded once the batch is written: the latency of a batch and partition is the time from its first
 * record's emit to then.
 */
final class StageUpdater extends BaseStateUpdater<StageState> {
    private static final long serialVersionUID = 1L;

    static final Fields OUTPUT = new Fields("stage");

    private final String topic;
    private final String latencyHook;
    private transient AppliedHook hook;
    private transient Counter late;
    private transient Counter aggregated;
    private transient Counter misses;
    private transient Counter replayed;
    private transient Histogram latencyMicros;
    private transient Histogram batchSize;

    /** @param latencyHook {@code logriver.latency.hook}: told of every record once its batch is written */
    StageUpdater(String topic, String latencyHook) {
        this.topic = topic;
        this.latencyHook = latencyHook;
    }

    @Override
    public void prepare(Map<String, Object> conf, TridentOperationContext context) {
        hook = LogriverConfig.newLatencyHook(latencyHook);
        late = context.registerCounter(Names.M_LATE);
        aggregated = context.registerCounter(Names.M_AGGREGATED);
        misses = context.registerCounter(Names.M_JOIN_MISSES);
        replayed = context.registerCounter(Names.M_REPLAYED);
        latencyMicros = context.registerHistogram(Names.M_LATENCY_US);
        batchSize = context.registerHistogram(Names.M_BATCH_SIZE);
    }

    @Override
    @SuppressWarnings("unchecked") // CollectArrivals emits the batch's arrivals as one list
    public void updateState(StageState state, List<TridentTuple> tuples, TridentCollector collector) {
        Batch b = new Batch();
        for (TridentTuple t : tuples) {
            for (Arrival a : (List<Arrival>) t.getValue(0)) {
                take(state.pipeline, a, b);
            }
        }
        collector.emit(new Values(b.out));
        state.afterCommit(() -> b.record(HostClock.nanos())); // the emit times may come from other workers
    }

    private void take(PartitionPipeline pipeline, Arrival a, Batch b) {
        if (!pipeline.admit(a.partition(), a.offset())) {
            b.replayed++; // already in the state: only a replay the state did not undo could bring it
            return;
        }
        if (a.control()) {
            pipeline.end(a.partition(), b);
            return;
        }
        b.times.computeIfAbsent(a.partition(), p -> new BatchTimes()).records++;
        Session s = a.session() == null ? Session.unknown(a.read().request().sessionID()) : a.session();
        if (pipeline.offerJoined(a.read(), s, a.session() != null, b) == PartitionPipeline.Outcome.LATE) {
            b.out.late().add(DeadLetter.of(DeadLetter.LATE, topic, a.partition(), a.offset(), a.value()));
        }
    }

    /** One batch: what it hands on, and what it counts once written. */
    private final class Batch implements PartitionPipeline.Output {
        final StageOutput out = new StageOutput();
        final Map<Integer, BatchTimes> times = new TreeMap<>();
        long misses;
        long replayed;

        @Override
        public void applied(Pending p, Session s, boolean joined, boolean waited) {
            times.get(p.partition()).add(p.emitNanos(), p.schedNanos());
            if (!joined) {
                misses++;
            }
        }

        @Override
        public void partial(int partition, WindowKey key, DurationStats stats) {
            out.shares().add(new StageOutput.Share(partition, key, stats));
        }

        @Override
        public void watermark(int partition, long watermark) {
            out.watermarks().add(new StageOutput.Watermark(partition, watermark));
        }

        void record(long now) {
            late.inc(out.late().size());
            StageUpdater.this.misses.inc(misses);
            StageUpdater.this.replayed.inc(replayed);
            times.values().forEach(t -> {
                batchSize.update(t.records);
                long[] emit = t.emitTimes();
                long[] sched = t.schedTimes();
                aggregated.inc(emit.length);
                long first = Long.MAX_VALUE;
                for (int i = 0; i < emit.length; i++) {
                    first = Math.min(first, emit[i]);
                    hook.applied(now, emit[i], sched[i]);
                }
                if (emit.length > 0) {
                    latencyMicros.update((now - first) / 1000);
                }
            });
        }
    }
}
