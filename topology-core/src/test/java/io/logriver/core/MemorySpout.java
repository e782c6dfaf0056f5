package io.logriver.core;

import io.logriver.testing.Collected;
import io.logriver.testing.MemoryRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichSpout;

/**
 * A source of records held in memory in place of a Kafka spout: task i of n emits partitions i, i + n, ... of its
 * {@link MemoryRecords}, each in order up to its end-of-input marker, as tuples of {@link KafkaRecordTranslator#FIELDS}.
 * Records are emitted with a message id and never replayed (a replay would change the order): a failed one is kept in
 * the run's {@link Collected}, for the test to see. With the memory state backend no stage rewinds a partition, so no
 * spout incarnation is needed.
 */
final class MemorySpout extends BaseRichSpout {
    private static final long serialVersionUID = 1L;

    private final String run;
    private final MemoryRecords records;
    private transient SpoutOutputCollector collector;
    private transient List<Integer> mine;
    private transient long[] next;
    private transient int turn;

    MemorySpout(String run, MemoryRecords records) {
        this.run = run;
        this.records = records;
    }

    @Override
    public void open(Map<String, Object> conf, TopologyContext context, SpoutOutputCollector collector) {
        this.collector = collector;
        int tasks = context.getComponentTasks(context.getThisComponentId()).size();
        this.mine = new ArrayList<>();
        for (int p = context.getThisTaskIndex(); p < records.partitions(); p += tasks) {
            mine.add(p);
        }
        this.next = new long[records.partitions()];
    }

    @Override
    public void nextTuple() {
        for (int tried = 0; tried < mine.size(); tried++) {
            int p = mine.get(turn++ % mine.size());
            if (next[p] < records.end(p)) {
                long offset = next[p]++;
                collector.emit(records.tuple(p, offset), p + "-" + offset);
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
