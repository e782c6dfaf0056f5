package io.logriver.storm.trident;

import java.util.List;
import java.util.Map;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.trident.spout.IOpaquePartitionedTridentSpout;
import org.apache.storm.trident.spout.ISpoutPartition;
import org.apache.storm.tuple.Fields;

/**
 * Storm's opaque Kafka spout with three guards: its batches start only while there is something to read
 * ({@link CaughtUpCoordinator}), a batch that Trident emits out of order reads on, so that no record falls between two
 * batches ({@link GaplessEmitter}), and a task without a partition emits empty batches ({@link SpareTaskSafeEmitter}).
 */
public final class GuardedKafkaSpout<T extends ISpoutPartition>
        implements IOpaquePartitionedTridentSpout<List<Map<String, Object>>, T, Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final IOpaquePartitionedTridentSpout<List<Map<String, Object>>, T, Map<String, Object>> spout;
    private final String bootstrapServers;
    private final String txId;

    /** @param txId the id the spout's stream is made with ({@code TridentTopology.newStream}) */
    public GuardedKafkaSpout(IOpaquePartitionedTridentSpout<List<Map<String, Object>>, T, Map<String, Object>> spout,
                      String bootstrapServers, String txId) {
        this.spout = spout;
        this.bootstrapServers = bootstrapServers;
        this.txId = txId;
    }

    @Override
    public Emitter<List<Map<String, Object>>, T, Map<String, Object>> getEmitter(Map<String, Object> conf,
                                                                               TopologyContext context) {
        return new GaplessEmitter<>(new SpareTaskSafeEmitter<>(spout.getEmitter(conf, context)));
    }

    @Override
    public Coordinator<List<Map<String, Object>>> getCoordinator(Map<String, Object> conf, TopologyContext context) {
        return new CaughtUpCoordinator(spout.getCoordinator(conf, context), conf, bootstrapServers, txId,
                context.getStormId());
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return spout.getComponentConfiguration();
    }

    @Override
    public Fields getOutputFields() {
        return spout.getOutputFields();
    }
}
