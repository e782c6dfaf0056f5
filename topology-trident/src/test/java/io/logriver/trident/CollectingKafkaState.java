package io.logriver.trident;

import io.logriver.names.Names;
import io.logriver.testing.Collected;
import java.util.List;
import java.util.Map;
import org.apache.storm.kafka.trident.TridentKafkaState;
import org.apache.storm.task.IMetricsContext;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.state.State;
import org.apache.storm.trident.state.StateFactory;
import org.apache.storm.trident.tuple.TridentTuple;

/**
 * The sink of a Trident topology run without Kafka: in place of the Kafka state of one topic, the (key, message) rows
 * of each batch go to the run's {@link Collected}, under that topic.
 */
final class CollectingKafkaState extends TridentKafkaState<String, String> {
    private final String run;
    private final String topic;

    private CollectingKafkaState(String run, String topic) {
        this.run = run;
        this.topic = topic;
    }

    /** The states of {@code topic}, one per sink partition. */
    static StateFactory factory(String run, String topic) {
        return new StateFactory() {
            private static final long serialVersionUID = 1L;

            @Override
            public State makeState(Map<String, Object> conf, IMetricsContext metrics, int partitionIndex,
                                   int numPartitions) {
                return new CollectingKafkaState(run, topic);
            }
        };
    }

    @Override
    public void updateState(List<TridentTuple> tuples, TridentCollector collector) {
        Collected out = Collected.of(run);
        for (TridentTuple t : tuples) {
            out.records.add(new Collected.Record(topic, t.getStringByField(Names.KEY),
                    t.getStringByField(Names.MESSAGE)));
        }
    }
}
