package io.logriver.core;

import io.logriver.core.bolt.CheckpointedBolt;
import io.logriver.names.Names;
import io.logriver.testing.Collected;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.tuple.Tuple;

/**
 * The sink of a topology run without Kafka: the (topic, key, message) tuples that {@link SinkBolt} would write, and
 * the end-of-input markers it would count, go to the run's {@link Collected}. State in memory only.
 */
final class CollectingSink extends CheckpointedBolt {
    private static final long serialVersionUID = 1L;

    private final String run;
    private transient OutputCollector collector;

    CollectingSink(String run) {
        super(false);
        this.run = run;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
    }

    @Override
    protected void restore(List<Map.Entry<String, byte[]>> entries) {
        // no state
    }

    @Override
    protected void changes(BiConsumer<String, byte[]> put, Consumer<String> delete) {
        // no state
    }

    @Override
    protected void handle(Tuple t) {
        if (Names.CLOCK_SPOUT.equals(t.getSourceComponent())) {
            return;
        }
        Collected c = Collected.of(run);
        if (Names.END_STREAM.equals(t.getSourceStreamId())) {
            c.ended(t.getSourceComponent());
        } else {
            c.records.add(new Collected.Record(t.getStringByField(Names.TOPIC), t.getStringByField(Names.KEY),
                    t.getStringByField(Names.MESSAGE)));
        }
        collector.ack(t);
    }

    @Override
    public void cleanup() {
        // nothing held
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        // a sink
    }
}
