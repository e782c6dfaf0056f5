package io.logriver.launcher.bench.host;

import com.codahale.metrics.Counter;
import java.util.Map;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.BasicOutputCollector;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseBasicBolt;
import org.apache.storm.trident.operation.BaseFunction;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.operation.TridentOperationContext;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Tuple;

/** The benchmark's ceiling topologies: a bolt that only counts and acks (a basic bolt acks), and its Trident twin. */
final class NullBolt extends BaseBasicBolt {
    private static final long serialVersionUID = 1L;
    static final String COUNTED = "logriver.null.counted";

    private transient Counter counted;

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context) {
        counted = context.registerCounter(COUNTED);
    }

    @Override
    public void execute(Tuple input, BasicOutputCollector collector) {
        counted.inc();
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        // emits nothing
    }

    /** Counts the tuples of a Trident stream and drops them. */
    static final class CountFunction extends BaseFunction {
        private static final long serialVersionUID = 1L;
        private transient Counter counted;

        @Override
        public void prepare(Map<String, Object> conf, TridentOperationContext context) {
            counted = context.registerCounter(COUNTED);
        }

        @Override
        public void execute(TridentTuple tuple, TridentCollector collector) {
            counted.inc();
        }
    }
}
