package io.logriver.trident.ops;

import com.codahale.metrics.Counter;
import io.logriver.names.Names;
import java.util.List;
import java.util.Map;
import org.apache.storm.kafka.trident.TridentKafkaState;
import org.apache.storm.kafka.trident.TridentKafkaStateUpdater;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.operation.TridentOperationContext;
import org.apache.storm.trident.tuple.TridentTuple;

/** Storm's Kafka state updater (it waits until Kafka has every record of the batch), counting what it wrote. */
public final class CountingKafkaUpdater extends TridentKafkaStateUpdater<String, String> {
    private static final long serialVersionUID = 1L;

    private final String sink;
    private transient Counter written;

    public CountingKafkaUpdater(String sink) {
        this.sink = sink;
    }

    @Override
    public void prepare(Map<String, Object> conf, TridentOperationContext context) {
        super.prepare(conf, context);
        written = context.registerCounter(Names.M_SINK_WRITTEN + "." + sink);
    }

    @Override
    public void updateState(TridentKafkaState<String, String> state, List<TridentTuple> tuples, TridentCollector collector) {
        super.updateState(state, tuples, collector);
        written.inc(tuples.size());
    }
}
