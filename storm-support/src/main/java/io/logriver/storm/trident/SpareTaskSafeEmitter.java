package io.logriver.storm.trident;

import java.util.Map;
import java.util.Set;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.spout.IOpaquePartitionedTridentSpout;
import org.apache.storm.trident.spout.ISpoutPartition;
import org.apache.storm.trident.topology.TransactionAttempt;

/**
 * An opaque spout's emitter whose tasks without a partition emit empty batches instead of asking the emitter they
 * wrap. Storm's Kafka emitter (storm-kafka-client 2.8.3, {@code KafkaTridentSpoutEmitter.emitBatchNew}) polls its
 * consumer for every batch, even when Trident gave its task no partition: such a task's consumer was assigned the
 * empty set, and {@code KafkaConsumer.poll} then throws "Consumer is not subscribed to any topics or assigned any
 * partitions", which halts the worker. That happens whenever a spout has more tasks than its topic has partitions, and
 * Trident gives both spouts the parallelism of the stage they feed. STORM-2281 and STORM-2407 fixed how partitions are
 * spread over tasks, not this. Guarding the emitter, rather than capping the spout's tasks at the partition count,
 * keeps the stage's parallelism (Trident ties the two together) and survives partitions being added.
 */
final class SpareTaskSafeEmitter<P, T extends ISpoutPartition, M> extends ForwardingEmitter<P, T, M> {

    SpareTaskSafeEmitter(IOpaquePartitionedTridentSpout.Emitter<P, T, M> emitter) {
        super(emitter);
    }

    /** Passes the batch on, except a batch of no partition: empty, with no metadata. */
    @Override
    public Map<T, M> emitBatchNew(TransactionAttempt tx, TridentCollector collector, Set<T> partitions,
                                  Map<T, M> lastBatchMetaMap) {
        return partitions.isEmpty() ? Map.of() : emitter.emitBatchNew(tx, collector, partitions, lastBatchMetaMap);
    }
}
