package io.logriver.trident;

import java.util.List;
import java.util.Map;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.trident.spout.IOpaquePartitionedTridentSpout;
import org.apache.storm.trident.spout.ISpoutPartition;
import org.apache.storm.tuple.Fields;

/** A Kafka opaque spout whose coordinator starts batches only while there is something to read ({@link BatchGate}). */
final class CaughtUpSpout<T extends ISpoutPartition, M>
        implements IOpaquePartitionedTridentSpout<List<Map<String, Object>>, T, M> {
    private static final long serialVersionUID = 1L;

    private final IOpaquePartitionedTridentSpout<List<Map<String, Object>>, T, M> spout;
    private final String bootstrapServers;
    private final String txId;

    /** @param txId the id the spout's stream is made with ({@code TridentTopology.newStream}) */
    CaughtUpSpout(IOpaquePartitionedTridentSpout<List<Map<String, Object>>, T, M> spout, String bootstrapServers,
                  String txId) {
        this.spout = spout;
        this.bootstrapServers = bootstrapServers;
        this.txId = txId;
    }

    /** The spout whose coordinator this one gates. */
    IOpaquePartitionedTridentSpout<List<Map<String, Object>>, T, M> wrapped() {
        return spout;
    }

    @Override
    public Emitter<List<Map<String, Object>>, T, M> getEmitter(Map<String, Object> conf, TopologyContext context) {
        return spout.getEmitter(conf, context);
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
