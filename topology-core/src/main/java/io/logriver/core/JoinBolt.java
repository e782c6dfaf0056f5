package io.logriver.core;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import io.logriver.logic.JoinBuffer;
import io.logriver.logic.Request;
import io.logriver.logic.Session;
import io.logriver.logic.SessionTable;
import io.logriver.logic.WatermarkGate;
import java.time.Duration;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * Joins requests with their session (every task holds the whole session table, fed by all-grouping) and passes
 * each partition's watermark to the aggregators on stream {@code watermark}, held back while a request waits.
 */
public final class JoinBolt extends BaseRichBolt {
    private static final long serialVersionUID = 1L;

    private final String bootstrapServers;
    private final String sessionsTopic;
    private final long windowSizeMs;
    private final long joinWaitMs;
    private final long clockIntervalMs;
    private transient JoinBuffer<Tuple> buffer;
    private transient WatermarkGate gate;
    private transient OutputCollector collector;
    private transient Counter misses;
    private transient Histogram stageMicros;

    public JoinBolt(String bootstrapServers, String sessionsTopic, long windowSizeMs, long joinWaitMs,
                    long clockIntervalMs) {
        this.bootstrapServers = bootstrapServers;
        this.sessionsTopic = sessionsTopic;
        this.windowSizeMs = windowSizeMs;
        this.joinWaitMs = joinWaitMs;
        this.clockIntervalMs = clockIntervalMs;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        SessionTable table = new SessionTable();
        if (bootstrapServers != null) {
            SessionBootstrap.load(bootstrapServers, sessionsTopic, table, Duration.ofMinutes(2));
        }
        this.buffer = new JoinBuffer<>(table, joinWaitMs);
        this.gate = new WatermarkGate(windowSizeMs);
        this.misses = context.registerCounter(Names.M_JOIN_MISSES);
        this.stageMicros = context.registerHistogram(Names.M_STAGE_US);
        context.registerGauge(Names.M_JOIN_WAITING, () -> buffer.waiting());
        context.registerGauge(Names.M_SESSIONS, table::size);
    }

    @Override
    public void execute(Tuple t) {
        long start = System.nanoTime();
        long now = System.nanoTime() / 1_000_000; // monotonic: deadlines never move with the wall clock
        String source = t.getSourceComponent();
        if (Names.CLOCK_SPOUT.equals(source)) {
            buffer.expire(now + clockIntervalMs, this::missed);
            recheckAll();
        } else if (Names.PARSE_SESSIONS.equals(source)) {
            buffer.onSession((Session) t.getValueByField(Names.SESSION), t.getIntegerByField(Names.PARTITION),
                    t.getLongByField(Names.OFFSET), this::released);
            recheckAll();
            collector.ack(t);
        } else if (Names.END_STREAM.equals(t.getSourceStreamId())) {
            int partition = t.getIntegerByField(Names.PARTITION);
            buffer.expirePartition(partition, this::missed);
            forward(t, partition, gate.update(partition, Long.MAX_VALUE, buffer.watermarkCeiling(partition)));
            collector.ack(t);
        } else {
            onRequest(t, now);
        }
        stageMicros.update((System.nanoTime() - start) / 1000);
    }

    private void onRequest(Tuple t, long now) {
        buffer.expire(now, this::missed);
        int partition = t.getIntegerByField(Names.PARTITION);
        Request r = (Request) t.getValueByField(Names.REQUEST);
        long windowEnd = t.getLongByField(Names.WINDOW_START) + windowSizeMs;
        boolean joinedNow = buffer.offer(t, r.sessionID(), partition, windowEnd, now, this::emitJoined);
        // the watermark is anchored to the request too, so it goes out before the request is acked
        forward(t, partition, gate.update(partition, t.getLongByField(Names.WATERMARK),
                buffer.watermarkCeiling(partition)));
        if (joinedNow) {
            collector.ack(t);
        }
    }

    /** Emits the joined request, anchored; the caller acks it. */
    private void emitJoined(Tuple t, Session s) {
        Request r = (Request) t.getValueByField(Names.REQUEST);
        collector.emit(t, new Values(s.orgID(), r.urlKey(), t.getLongByField(Names.WINDOW_START),
                r.durationMillis(), r.isError(), t.getLongByField(Names.EMIT_NANOS), t.getLongByField(Names.SCHED_NANOS)));
    }

    /** A waiting request leaves the buffer joined: emitted and acked. */
    private void released(Tuple t, Session s) {
        emitJoined(t, s);
        collector.ack(t);
    }

    private void missed(Tuple t, Session unknown) {
        misses.inc();
        released(t, unknown);
    }

    private void recheckAll() {
        for (int p : gate.partitions()) {
            forward(null, p, gate.recheck(p, buffer.watermarkCeiling(p)));
        }
    }

    private void forward(Tuple anchor, int partition, long watermark) {
        if (watermark == WatermarkGate.NONE) {
            return;
        }
        Values v = new Values(partition, watermark);
        if (anchor == null) {
            collector.emit(Names.WATERMARK_STREAM, v);
        } else {
            collector.emit(Names.WATERMARK_STREAM, anchor, v);
        }
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        d.declare(new Fields(Names.ORG_ID, Names.URL_KEY, Names.WINDOW_START, "durationMillis", "error",
                Names.EMIT_NANOS, Names.SCHED_NANOS));
        d.declareStream(Names.WATERMARK_STREAM, new Fields(Names.PARTITION, Names.WATERMARK));
    }
}
