package io.logriver.trident;

import io.logriver.core.KafkaRecordTranslator;
import io.logriver.testing.MemoryRecords;
import java.util.ArrayList;
import java.util.HashMap;
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
 * An opaque partitioned Trident spout over records held in memory, in place of Storm's opaque Kafka spout: each batch
 * holds, per partition, up to {@code batchSize} records after the last batch's (its metadata, kept by Trident as the
 * Kafka spout's offsets are, is the next offset), as tuples of {@link KafkaRecordTranslator#FIELDS}, each partition
 * ending with its end-of-input marker. A replayed batch emits the same records again.
 */
final class MemoryTridentSpout
        implements IOpaquePartitionedTridentSpout<Integer, MemoryTridentSpout.Partition, Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    private static final String NEXT = "next";

    private final MemoryRecords records;
    private final int batchSize;

    /** A partition of the records. */
    record Partition(int index) implements ISpoutPartition {
        @Override
        public String getId() {
            return "partition-" + index;
        }
    }

    MemoryTridentSpout(MemoryRecords records, int batchSize) {
        this.records = records;
        this.batchSize = batchSize;
    }

    @Override
    public Emitter<Integer, Partition, Map<String, Object>> getEmitter(Map<String, Object> conf,
                                                                         TopologyContext context) {
        return new Emitter<>() {
            @Override
            public Map<Partition, Map<String, Object>> emitBatchNew(TransactionAttempt tx, TridentCollector collector,
                    Set<Partition> partitions, Map<Partition, Map<String, Object>> last) {
                Map<Partition, Map<String, Object>> metas = new HashMap<>();
                for (Partition p : partitions) {
                    Map<String, Object> meta = last.get(p);
                    long from = meta == null ? 0 : ((Number) meta.get(NEXT)).longValue();
                    long to = Math.min(from + batchSize, records.end(p.index()));
                    for (long offset = from; offset < to; offset++) {
                        collector.emit(records.tuple(p.index(), offset));
                    }
                    metas.put(p, Map.of(NEXT, to));
                }
                return metas;
            }

            @Override
            public void refreshPartitions(List<Partition> partitionResponsibilities) {
                // the partitions never change
            }

            @Override
            public List<Partition> getOrderedPartitions(Integer count) {
                List<Partition> all = new ArrayList<>();
                for (int p = 0; p < count; p++) {
                    all.add(new Partition(p));
                }
                return all;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Override
    public Coordinator<Integer> getCoordinator(Map<String, Object> conf, TopologyContext context) {
        return new Coordinator<>() {
            @Override
            public boolean isReady(long txid) {
                return true;
            }

            @Override
            public Integer getPartitionsForBatch() {
                return records.partitions();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return null;
    }

    @Override
    public Fields getOutputFields() {
        return KafkaRecordTranslator.FIELDS;
    }
}
