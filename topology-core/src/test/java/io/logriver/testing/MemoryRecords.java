package io.logriver.testing;

import io.logriver.core.KafkaRecordTranslator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of a topic held in memory, by partition, for the in-memory sources: each partition's records in order,
 * then its end-of-input marker at the offset after the last record (as file mode appends one to each partition).
 */
public final class MemoryRecords implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<List<byte[]>> partitions = new ArrayList<>();

    /** @param partitions the records of partition 0, 1, ... */
    public MemoryRecords(List<List<byte[]>> partitions) {
        partitions.forEach(p -> this.partitions.add(new ArrayList<>(p)));
    }

    /** Records spread as a producer without keys spreads them: record i to partition i mod {@code count}. */
    public static MemoryRecords spread(List<byte[]> records, int count) {
        List<List<byte[]>> parts = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < records.size(); i++) {
            parts.get(i % count).add(records.get(i));
        }
        return new MemoryRecords(parts);
    }

    public int partitions() {
        return partitions.size();
    }

    /** The offset after the last one of {@code partition}: its end-of-input marker's offset plus one. */
    public long end(int partition) {
        return partitions.get(partition).size() + 1L;
    }

    /** The tuple of {@code partition} at {@code offset} (below {@link #end}), as the Kafka record translator makes it. */
    public List<Object> tuple(int partition, long offset) {
        List<byte[]> records = partitions.get(partition);
        boolean marker = offset == records.size();
        return KafkaRecordTranslator.tuple(partition, offset, marker ? new byte[0] : records.get((int) offset), -1,
                marker);
    }
}
