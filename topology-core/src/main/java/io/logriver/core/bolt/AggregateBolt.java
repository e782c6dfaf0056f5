package io.logriver.core.bolt;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import io.logriver.config.LogriverConfig;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowKey;
import io.logriver.logic.window.WindowMerger;
import io.logriver.logic.window.WindowResult;
import io.logriver.logic.window.Windows;
import io.logriver.names.Names;
import io.logriver.storm.metrics.IntervalReservoir;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * Adds up the partitions' shares of each window key ({@link WindowMerger}) and emits each key's final record on stream
 * {@code windows} once every partition's watermark has passed the window's end. Fields-grouped on (orgID, URL); the
 * watermarks come to every task.
 */
public final class AggregateBolt extends CheckpointedBolt {
    private static final long serialVersionUID = 1L;

    private final Windows windows;
    private final int partitions;
    private final String statsTopic;
    private transient WindowMerger merger;
    private transient OutputCollector collector;
    private transient Counter windowsOut;
    private transient Counter duplicates;
    private transient Histogram stageMicros;
    private transient boolean ended;

    public AggregateBolt(Windows windows, int partitions, String statsTopic, boolean durable) {
        super(durable);
        this.windows = windows;
        this.partitions = partitions;
        this.statsTopic = statsTopic;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.merger = new WindowMerger(windows, partitions);
        merger.track(durable);
        this.windowsOut = context.registerCounter(Names.M_WINDOWS);
        this.duplicates = context.registerCounter(Names.M_REPLAYED);
        this.stageMicros = IntervalReservoir.register(context, LogriverConfig.METRICS_INTERVAL_S.in(conf),
                Names.M_STAGE_US);
        context.registerGauge(Names.M_OPEN_WINDOW_KEYS, () -> merger.openKeys());
    }

    @Override
    protected void restore(List<Map.Entry<String, byte[]>> entries) {
        merger.restore(entries);
        ended = merger.isDrained();
    }

    @Override
    protected void changes(BiConsumer<String, byte[]> put, Consumer<String> delete) {
        merger.changes(put, delete);
    }

    @Override
    protected void handle(Tuple t) {
        long start = System.nanoTime();
        int partition = t.getIntegerByField(Names.PARTITION);
        if (Names.WATERMARK_STREAM.equals(t.getSourceStreamId())) {
            for (WindowResult w : merger.advance(partition, t.getLongByField(Names.WATERMARK))) {
                windowsOut.inc();
                collector.emit(Names.WINDOWS_STREAM, t, new Values(statsTopic, w.kafkaKey(), w.toJson()));
            }
            if (!ended && merger.isDrained()) {
                ended = true;
                collector.emit(Names.END_STREAM, t, new Values(-1));
            }
        } else if (!merger.offer(partition, new WindowKey(t.getLongByField(Names.WINDOW_START),
                t.getStringByField(Names.ORG_ID), t.getStringByField(Names.URL_KEY)),
                (DurationStats) t.getValueByField(Names.STATS))) {
            duplicates.inc(); // a share of a window already emitted: only a replay brings one
        }
        collector.ack(t);
        stageMicros.update((System.nanoTime() - start) / 1000);
    }

    @Override
    public void cleanup() {
        // nothing held outside the state
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        d.declareStream(Names.WINDOWS_STREAM, SinkBolt.FIELDS);
        d.declareStream(Names.END_STREAM, EndOfInput.FIELDS);
    }
}
