package io.logriver.core.bolt;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import io.logriver.config.LogriverConfig;
import io.logriver.logic.AppliedHook;
import io.logriver.logic.PartitionPipeline;
import io.logriver.logic.Pending;
import io.logriver.logic.ReplayOrder;
import io.logriver.logic.SessionTable;
import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowKey;
import io.logriver.logic.window.Windows;
import io.logriver.names.Names;
import io.logriver.storm.metrics.IntervalReservoir;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * Everything that depends on the order of a Kafka partition, on {@link PartitionPipeline}: each record is counted
 * once (read, then invalid, filtered, late or aggregated), dead letters go out on {@code invalid} and {@code late},
 * requests join their session, and each partition's share of a window goes to the aggregators once the window is
 * final for that partition, followed by the partition's watermark on stream {@code watermark}. Fields-grouped on the
 * partition. With the durable backend, its state is checkpointed, replays of records already in the checkpoint are
 * dropped, and records are taken in order ({@link ReplayOrder}).
 */
public final class PartitionBolt extends CheckpointedBolt {
    private static final long serialVersionUID = 1L;

    /** The partial aggregates sent to the aggregators. */
    public static final Fields PARTIAL = new Fields(Names.WINDOW_START, Names.ORG_ID, Names.URL_KEY, Names.PARTITION,
            Names.STATS);

    private final Windows windows;
    private final long latenessMs;
    private final FutureTimeRule future;
    private final long joinWaitMs;
    private final long clockIntervalMs;
    private final String weblogsTopic;
    private final String dlqTopic;
    private final SessionSnapshot sessions;
    private final String latencyHook;
    private transient AppliedHook hook;
    private transient PartitionPipeline pipeline;
    private transient ReplayOrder order;
    private transient OutputCollector collector;
    private transient Out out;
    private transient Counter read;
    private transient Counter invalid;
    private transient Counter filtered;
    private transient Counter late;
    private transient Counter aggregated;
    private transient Counter misses;
    private transient Counter replayed;
    private transient Counter rewound;
    private transient Histogram latencyMicros;
    private transient Histogram joinWaitMicros;
    private transient Histogram stageMicros;

    /** The topics its dead letters name: where the requests came from, and where dead letters go. */
    public record Topics(String weblogs, String dlq) implements java.io.Serializable {
    }

    /**
     * @param future keeps a partition's watermark from passing the wall clock
     * @param sessions the sessions written before the topology started, read into the session table at start
     */
    public PartitionBolt(Windows windows, long latenessMs, FutureTimeRule future, long joinWaitMs, long clockIntervalMs,
                         Topics topics, SessionSnapshot sessions, boolean durable, String latencyHook) {
        super(durable);
        this.windows = windows;
        this.latenessMs = latenessMs;
        this.future = future;
        this.joinWaitMs = joinWaitMs;
        this.clockIntervalMs = clockIntervalMs;
        this.weblogsTopic = topics.weblogs();
        this.dlqTopic = topics.dlq();
        this.sessions = sessions;
        this.latencyHook = latencyHook;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.hook = LogriverConfig.newLatencyHook(latencyHook);
        SessionTable table = new SessionTable();
        sessions.load(table);
        this.pipeline = new PartitionPipeline(windows, latenessMs, future, table, joinWaitMs);
        if (!durable) {
            pipeline.checkpoint().track(false);
        }
        this.order = new ReplayOrder();
        this.out = new Out();
        this.read = context.registerCounter(Names.M_READ);
        this.invalid = context.registerCounter(Names.M_INVALID);
        this.filtered = context.registerCounter(Names.M_FILTERED);
        this.late = context.registerCounter(Names.M_LATE);
        this.aggregated = context.registerCounter(Names.M_AGGREGATED);
        this.misses = context.registerCounter(Names.M_JOIN_MISSES);
        this.replayed = context.registerCounter(Names.M_REPLAYED);
        this.rewound = context.registerCounter(Names.M_REWOUND);
        long interval = LogriverConfig.METRICS_INTERVAL_S.in(conf);
        this.latencyMicros = IntervalReservoir.register(context, interval, Names.M_LATENCY_US);
        this.joinWaitMicros = IntervalReservoir.register(context, interval, Names.M_JOIN_WAIT_US);
        this.stageMicros = IntervalReservoir.register(context, interval, Names.M_STAGE_US);
        context.registerGauge(Names.M_JOIN_WAITING, () -> pipeline.waiting());
        context.registerGauge(Names.M_SESSIONS, table::size);
        context.registerGauge(Names.M_OPEN_WINDOW_KEYS, () -> pipeline.openPartials());
    }

    @Override
    protected void restore(List<Map.Entry<String, byte[]>> entries) {
        pipeline.checkpoint().restore(entries, nowMillis(), out);
        order.restoredAt(micros(Instant.now()));
    }

    @Override
    protected void changes(BiConsumer<String, byte[]> put, Consumer<String> delete) {
        pipeline.checkpoint().changes(put, delete);
    }

    @Override
    protected void handle(Tuple t) {
        long start = System.nanoTime();
        out.anchor = t;
        String source = t.getSourceComponent();
        if (Names.CLOCK_SPOUT.equals(source)) {
            pipeline.expire(nowMillis() + clockIntervalMs, out);
        } else if (Names.PARSE_SESSIONS.equals(source)) {
            pipeline.onSession((Session) t.getValueByField(Names.SESSION), t.getIntegerByField(Names.PARTITION),
                    t.getLongByField(Names.OFFSET), out);
            collector.ack(t);
        } else if (take(t)) {
            onRecord(t, start);
            collector.ack(t);
        }
        stageMicros.update((System.nanoTime() - start) / 1000);
    }

    /** With the durable backend: false (and the tuple failed or acked) for a record out of order or already taken. */
    private boolean take(Tuple t) {
        if (!durable) {
            return true;
        }
        int partition = t.getIntegerByField(Names.PARTITION);
        if (!order.accepts(partition, t.getLongByField(Names.INCARNATION))) {
            rewound.inc();
            collector.fail(t);
            return false;
        }
        if (!pipeline.admit(partition, t.getLongByField(Names.OFFSET))) {
            replayed.inc();
            collector.ack(t);
            return false;
        }
        return true;
    }

    /** A record of the partition, taken at {@code takenNanos}. */
    private void onRecord(Tuple t, long takenNanos) {
        int partition = t.getIntegerByField(Names.PARTITION);
        String verdict = t.getStringByField(Names.VERDICT);
        if (Names.END_OF_INPUT.equals(verdict)) {
            pipeline.end(partition, out);
            collector.emit(Names.END_STREAM, t, new Values(partition));
            return;
        }
        read.inc();
        if (Names.FILTERED.equals(verdict)) {
            filtered.inc();
        } else if (!Names.VALID.equals(verdict)) {
            invalid.inc();
            deadLetter(Names.INVALID_STREAM, verdict, t);
        } else {
            Pending p = new Pending(partition, t.getLongByField(Names.OFFSET), (Request) t.getValueByField(Names.REQUEST),
                    t.getLongByField(Names.EMIT_NANOS), t.getLongByField(Names.SCHED_NANOS), takenNanos);
            if (pipeline.offer(p, nowMillis(), out) == PartitionPipeline.Outcome.LATE) {
                late.inc();
                deadLetter(Names.LATE_STREAM, DeadLetter.LATE, t);
            }
        }
    }

    private void deadLetter(String stream, String reason, Tuple t) {
        DeadLetter d = DeadLetter.of(reason, weblogsTopic, t.getIntegerByField(Names.PARTITION),
                t.getLongByField(Names.OFFSET), t.getBinaryByField(Names.VALUE));
        collector.emit(stream, t, SinkBolt.values(dlqTopic, d));
    }

    /** Monotonic milliseconds: join deadlines never move with the wall clock. */
    private static long nowMillis() {
        return System.nanoTime() / 1_000_000;
    }

    private static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1_000;
    }

    /** What the pipeline hands on, emitted anchored to the tuple being handled. */
    private final class Out implements PartitionPipeline.Output {
        Tuple anchor;

        @Override
        public void applied(Pending p, Session s, boolean joined, boolean waited) {
            aggregated.inc();
            if (!joined) {
                misses.inc();
            }
            if (p.emitNanos() < 0 || (waited && p.takenNanos() < 0)) {
                return; // restored from a checkpoint: its times are of another JVM
            }
            long now = System.nanoTime();
            if (waited) { // processing until it was taken, then waiting for its session
                latencyMicros.update((p.takenNanos() - p.emitNanos()) / 1000);
                joinWaitMicros.update((now - p.takenNanos()) / 1000);
            } else {
                latencyMicros.update((now - p.emitNanos()) / 1000);
            }
            if (waited) {
                hook.appliedAfterWait(now, p.emitNanos(), p.schedNanos(), p.takenNanos());
            } else {
                hook.applied(now, p.emitNanos(), p.schedNanos());
            }
        }

        @Override
        public void partial(int partition, WindowKey key, DurationStats stats) {
            collector.emit(anchor, new Values(key.windowStart(), key.orgID(), key.webURL(), partition, stats));
        }

        @Override
        public void watermark(int partition, long watermark) {
            collector.emit(Names.WATERMARK_STREAM, anchor, new Values(partition, watermark));
        }
    }

    @Override
    public void cleanup() {
        // nothing held outside the state
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        d.declare(PARTIAL);
        d.declareStream(Names.WATERMARK_STREAM, new Fields(Names.PARTITION, Names.WATERMARK));
        d.declareStream(Names.INVALID_STREAM, SinkBolt.FIELDS);
        d.declareStream(Names.LATE_STREAM, SinkBolt.FIELDS);
        d.declareStream(Names.END_STREAM, EndOfInput.FIELDS);
    }
}
