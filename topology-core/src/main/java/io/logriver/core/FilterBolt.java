package io.logriver.core;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import io.logriver.logic.DeadLetter;
import io.logriver.logic.FilterRules;
import io.logriver.logic.FutureTimeRule;
import io.logriver.logic.LatenessTracker;
import io.logriver.logic.Request;
import io.logriver.logic.Windows;
import java.util.HashMap;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * Drops filtered requests, then sends requests whose window is already final (per partition watermark) to the
 * dead-letter topic on stream {@code late}; the rest go on with their window and the partition's watermark.
 * Fields-grouped on the partition, so each partition's records arrive here in order.
 */
public final class FilterBolt extends BaseRichBolt {
    private static final long serialVersionUID = 1L;

    private final FilterRules rules;
    private final Windows windows;
    private final long latenessMs;
    private final String topic;
    private final String dlqTopic;
    private final FutureTimeRule future;
    private transient Map<Integer, LatenessTracker> trackers;
    private transient OutputCollector collector;
    private transient Counter filtered;
    private transient Counter late;
    private transient Histogram stageMicros;

    /** @param future keeps a partition's watermark from passing the wall clock */
    public FilterBolt(FilterRules rules, Windows windows, long latenessMs, FutureTimeRule future, String topic,
                      String dlqTopic) {
        this.rules = rules;
        this.windows = windows;
        this.latenessMs = latenessMs;
        this.future = future;
        this.topic = topic;
        this.dlqTopic = dlqTopic;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.trackers = new HashMap<>();
        this.filtered = context.registerCounter(Names.M_FILTERED);
        this.late = context.registerCounter(Names.M_LATE);
        this.stageMicros = context.registerHistogram(Names.M_STAGE_US);
    }

    @Override
    public void execute(Tuple t) {
        long start = System.nanoTime();
        int partition = t.getIntegerByField(Names.PARTITION);
        if (Names.END_STREAM.equals(t.getSourceStreamId())) {
            EndOfInput.forward(collector, t, partition);
            return;
        }
        Request r = (Request) t.getValueByField(Names.REQUEST);
        if (!rules.accepts(r)) {
            filtered.inc();
        } else {
            LatenessTracker tracker = trackers.computeIfAbsent(partition,
                    p -> new LatenessTracker(windows, latenessMs, future));
            if (tracker.observeIsLate(r.eventTime())) {
                late.inc();
                DeadLetter d = DeadLetter.of(DeadLetter.LATE, topic, partition, t.getLongByField(Names.OFFSET),
                        t.getBinaryByField(Names.VALUE));
                collector.emit(Names.LATE_STREAM, t, SinkBolt.values(dlqTopic, d));
            } else {
                collector.emit(t, new Values(partition, r, windows.startOf(r.eventTime()), tracker.watermark(),
                        t.getLongByField(Names.EMIT_NANOS), t.getLongByField(Names.SCHED_NANOS)));
            }
        }
        collector.ack(t);
        stageMicros.update((System.nanoTime() - start) / 1000);
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        d.declare(new Fields(Names.PARTITION, Names.REQUEST, Names.WINDOW_START, Names.WATERMARK, Names.EMIT_NANOS,
                Names.SCHED_NANOS));
        d.declareStream(Names.LATE_STREAM, SinkBolt.FIELDS);
        d.declareStream(Names.END_STREAM, EndOfInput.FIELDS);
    }
}
