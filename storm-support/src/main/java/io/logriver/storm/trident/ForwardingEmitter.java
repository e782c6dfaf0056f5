package io.logriver.storm.trident;

import java.util.List;
import org.apache.storm.trident.spout.IOpaquePartitionedTridentSpout;
import org.apache.storm.trident.spout.ISpoutPartition;

/** An opaque spout's emitter that hands everything but its batches to the emitter it wraps. */
abstract class ForwardingEmitter<P, T extends ISpoutPartition, M>
        implements IOpaquePartitionedTridentSpout.Emitter<P, T, M> {
    final IOpaquePartitionedTridentSpout.Emitter<P, T, M> emitter;

    ForwardingEmitter(IOpaquePartitionedTridentSpout.Emitter<P, T, M> emitter) {
        this.emitter = emitter;
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
