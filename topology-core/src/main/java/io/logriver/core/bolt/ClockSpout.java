package io.logriver.core.bolt;

import io.logriver.names.Names;
import java.util.Map;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;

/**
 * A clock finer than Storm's tick tuples (whole seconds): an unanchored tuple every interval, so the join
 * releases waiting requests on time and the sink acknowledges writes while no data flows.
 */
public final class ClockSpout extends BaseRichSpout {
    private static final long serialVersionUID = 1L;

    private final long intervalMs;
    private transient SpoutOutputCollector collector;
    private transient long next;

    public ClockSpout(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    @Override
    public void open(Map<String, Object> conf, TopologyContext context, SpoutOutputCollector collector) {
        this.collector = collector;
        this.next = System.currentTimeMillis() + intervalMs;
    }

    @Override
    public void nextTuple() {
        long now = System.currentTimeMillis();
        if (now >= next) {
            next = now + intervalMs;
            collector.emit(new Values(now));
        }
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        d.declare(new Fields(Names.NOW));
    }
}
