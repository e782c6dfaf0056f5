package io.logriver.core;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import io.logriver.logic.DeadLetter;
import io.logriver.logic.HostClock;
import io.logriver.logic.LatencyProbe;
import io.logriver.logic.WindowAggregator;
import io.logriver.logic.WindowKey;
import io.logriver.logic.WindowResult;
import io.logriver.logic.Windows;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;
import org.apache.storm.topology.base.BaseRichBolt;

/**
 * Aggregates joined requests per (window, orgID, URL) and emits each window key's final record on stream
 * {@code windows} once every partition's watermark has passed the window's end.
 */
public final class AggregateBolt extends BaseRichBolt {
    private static final long serialVersionUID = 1L;

    private final Windows windows;
    private final int partitions;
    private final String statsTopic;
    private final String weblogsTopic;
    private final String dlqTopic;
    private final boolean probe;
    private transient WindowAggregator aggregator;
    private transient OutputCollector collector;
    private transient Counter aggregated;
    private transient Counter late;
    private transient Counter windowsOut;
    private transient Histogram latencyMicros;
    private transient Histogram stageMicros;
    private transient boolean ended;

    /** @param probe whether to record every record's latencies in the {@link LatencyProbe} (benchmarks) */
    public AggregateBolt(Windows windows, int partitions, String statsTopic, String weblogsTopic, String dlqTopic,
                         boolean probe) {
        this.probe = probe;
        this.windows = windows;
        this.partitions = partitions;
        this.statsTopic = statsTopic;
        this.weblogsTopic = weblogsTopic;
        this.dlqTopic = dlqTopic;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.aggregator = new WindowAggregator(windows, partitions);
        this.aggregated = context.registerCounter(Names.M_AGGREGATED);
        this.late = context.registerCounter(Names.M_LATE);
        this.windowsOut = context.registerCounter(Names.M_WINDOWS);
        this.latencyMicros = context.registerHistogram(Names.M_LATENCY_US);
        this.stageMicros = context.registerHistogram(Names.M_STAGE_US);
        context.registerGauge(Names.M_OPEN_WINDOW_KEYS, () -> aggregator.openWindowKeys());
    }

    @Override
    public void execute(Tuple t) {
        long start = System.nanoTime();
        if (Names.WATERMARK_STREAM.equals(t.getSourceStreamId())) {
            onWatermark(t);
        } else {
            WindowKey key = new WindowKey(t.getLongByField(Names.WINDOW_START), t.getStringByField(Names.ORG_ID),
                    t.getStringByField(Names.URL_KEY));
            if (aggregator.add(key, t.getLongByField("durationMillis"), t.getBooleanByField("error"))) {
                aggregated.inc();
                long now = HostClock.nanos(); // the spout's emit time may come from another worker
                long emitted = t.getLongByField(Names.EMIT_NANOS);
                latencyMicros.update((now - emitted) / 1000);
                if (probe) {
                    LatencyProbe.record(now, emitted, t.getLongByField(Names.SCHED_NANOS));
                }
            } else {
                // only a replayed record can get here (the join holds the watermark back): dead-lettered as late
                late.inc();
                String payload = key + " durationMillis=" + t.getLongByField("durationMillis");
                collector.emit(Names.LATE_STREAM, t, SinkBolt.values(dlqTopic, new DeadLetter(DeadLetter.LATE,
                        weblogsTopic, -1, -1, payload)));
            }
        }
        collector.ack(t);
        stageMicros.update((System.nanoTime() - start) / 1000);
    }

    private void onWatermark(Tuple t) {
        for (WindowResult w : aggregator.advance(t.getIntegerByField(Names.PARTITION), t.getLongByField(Names.WATERMARK))) {
            windowsOut.inc();
            collector.emit(Names.WINDOWS_STREAM, t, new Values(statsTopic, w.kafkaKey(), w.toJson()));
        }
        if (!ended && aggregator.isDrained()) {
            ended = true;
            collector.emit(Names.END_STREAM, t, new Values(-1));
        }
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        d.declareStream(Names.WINDOWS_STREAM, SinkBolt.FIELDS);
        d.declareStream(Names.LATE_STREAM, SinkBolt.FIELDS);
        d.declareStream(Names.END_STREAM, EndOfInput.FIELDS);
    }
}
