package io.logriver.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichSpout;

/**
 * A source of records held in memory, in place of a Kafka spout: the records of each partition in order, then that
 * partition's end-of-input marker (as file mode appends one to each partition), as tuples of
 * {@link KafkaRecordTranslator#FIELDS}. Task i of n emits partitions i, i + n, ... Records are emitted with a message id
 * and never replayed (a replay would change the order): a failed one is kept in the run's {@link Collected}, for the
 * test to see. With the memory state backend no stage rewinds a partition, so no spout incarnation is needed.
 */
final class MemorySpout extends BaseRichSpout {
    private static final long serialVersionUID = 1L;

    private final String run;
    private final List<List<byte[]>> partitions;
    private transient SpoutOutputCollector collector;
    private transient List<Integer> mine;
    private transient long[] next;
    private transient int turn;

    /** @param partitions the records of partition 0, 1, ... */
    MemorySpout(String run, List<List<byte[]>> partitions) {
        this.run = run;
        this.partitions = new ArrayList<>();
        partitions.forEach(p -> this.partitions.add(new ArrayList<>(p)));
    }

    /** Records spread as a producer without keys spreads them: record i to partition i mod {@code count}. */
    static List<List<byte[]>> spread(List<byte[]> records, int count) {
        List<List<byte[]>> parts = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < records.size(); i++) {
            parts.get(i % count).add(records.get(i));
        }
        return parts;
    }

    @Override
    public void open(Map<String, Object> conf, TopologyContext context, SpoutOutputCollector collector) {
        this.collector = collector;
        int tasks = context.getComponentTasks(context.getThisComponentId()).size();
        this.mine = new ArrayList<>();
        for (int p = context.getThisTaskIndex(); p < partitions.size(); p += tasks) {
            mine.add(p);
        }
        this.next = new long[partitions.size()];
    }

    @Override
    public void nextTuple() {
        for (int tried = 0; tried < mine.size(); tried++) {
            int p = mine.get(turn++ % mine.size());
            List<byte[]> records = partitions.get(p);
            long offset = next[p];
            if (offset <= records.size()) { // the one past the last record is the end-of-input marker
                next[p]++;
                boolean end = offset == records.size();
                collector.emit(KafkaRecordTranslator.tuple(p, offset, end ? new byte[0] : records.get((int) offset),
                        -1, end), p + "-" + offset);
                return;
            }
        }
    }

    @Override
    public void fail(Object msgId) {
        Collected.of(run).failed.add(msgId);
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        d.declare(KafkaRecordTranslator.FIELDS);
    }
}
