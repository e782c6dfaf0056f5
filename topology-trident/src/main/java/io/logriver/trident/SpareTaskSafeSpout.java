package io.logriver.trident;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.spout.IOpaquePartitionedTridentSpout;
import org.apache.storm.trident.spout.ISpoutPartition;
import org.apache.storm.trident.topology.TransactionAttempt;
import org.apache.storm.tuple.Fields;

/**
 * An opaque partitioned spout whose tasks without a partition emit empty batches instead of asking the spout's
 * emitter for them. Storm's Kafka emitter (storm-kafka-client 2.8.3, {@code KafkaTridentSpoutEmitter.emitBatchNew})
 * polls its consumer for every batch, even when Trident gave its task no partition: such a task's consumer was
 * assigned the empty set, and {@code KafkaConsumer.poll} then throws "Consumer is not subscribed to any topics or
 * assigned any partitions", which halts the worker. That happens whenever a spout has more tasks than its topic has
 * partitions, and Trident gives both spouts the parallelism of the stage they feed. STORM-2281 and STORM-2407 fixed
 * how partitions are spread over tasks, not this. Wrapping, rather than capping the spout's tasks at the partition
 * count, keeps the stage's parallelism (Trident ties the two together) and survives partitions being added.
 */
final class SpareTaskSafeSpout<P, T extends ISpoutPartition, M> implements IOpaquePartitionedTridentSpout<P, T, M> {
    private static final long serialVersionUID = 1L;

    private final IOpaquePartitionedTridentSpout<P, T, M> spout;

    SpareTaskSafeSpout(IOpaquePartitionedTridentSpout<P, T, M> spout) {
        this.spout = spout;
    }

    @Override
    public Emitter<P, T, M> getEmitter(Map<String, Object> conf, TopologyContext context) {
        return new SafeEmitter<>(spout.getEmitter(conf, context));
    }

    @Override
    public Coordinator<P> getCoordinator(Map<String, Object> conf, TopologyContext context) {
        return spout.getCoordinator(conf, context);
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return spout.getComponentConfiguration();
    }

    @Override
    public Fields getOutputFields() {
        return spout.getOutputFields();
    }

    /** Passes everything on, except a batch of no partition: empty, with no metadata. */
    static final class SafeEmitter<P, T extends ISpoutPartition, M> implements Emitter<P, T, M> {
        private final Emitter<P, T, M> emitter;

        SafeEmitter(Emitter<P, T, M> emitter) {
            this.emitter = emitter;
        }

        @Override
        public Map<T, M> emitBatchNew(TransactionAttempt tx, TridentCollector collector, Set<T> partitions,
                                      Map<T, M> lastBatchMetaMap) {
            return partitions.isEmpty() ? Map.of() : emitter.emitBatchNew(tx, collector, partitions, lastBatchMetaMap);
        }

        @Override
        public void refreshPartitions(List<T> partitionResponsibilities) {
            emitter.refreshPartitions(partitionResponsibilities);
        }

        @Override
        public List<T> getOrderedPartitions(P allPartitionInfo) {
            return emitter.getOrderedPartitions(allPartitionInfo);
        }

        @Override
        public List<T> getPartitionsForTask(int taskId, int numTasks, List<T> allPartitionInfoSorted) {
            return emitter.getPartitionsForTask(taskId, numTasks, allPartitionInfoSorted);
        }

        @Override
        public void close() {
            emitter.close();
        }
    }
}
