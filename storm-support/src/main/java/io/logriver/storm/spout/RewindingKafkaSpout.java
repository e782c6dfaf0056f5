package io.logriver.storm.spout;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.storm.kafka.spout.KafkaSpout;
import org.apache.storm.kafka.spout.KafkaSpoutConfig;
import org.apache.storm.kafka.spout.subscription.ManualPartitioner;
import org.apache.storm.kafka.spout.subscription.RoundRobinManualPartitioner;
import org.apache.storm.spout.ISpoutOutputCollector;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.IRichSpout;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storm's KafkaSpout, made to replay in order. The KafkaSpout retries a failed record by itself, around the records
 * still pending, so a partition's records can come again out of order; the partition stage needs them in order after
 * it restores a checkpoint. So a failure makes this spout rewind instead: it takes its partitions away from the
 * KafkaSpout (which commits the offsets acknowledged so far and forgets everything in flight) and gives them back
 * (which seeks each to its committed offset), so every partition is read again, in order, from its committed offset.
 * Each such reading is an incarnation, numbered by the time it began (microseconds, always increasing), and every
 * tuple carries its incarnation: the partition stage takes a partition's records only from the newest incarnation,
 * and only from incarnations begun after it last restored its state. Acks and fails of earlier incarnations are
 * dropped; their records are read again by the current one.
 */
public final class RewindingKafkaSpout implements IRichSpout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RewindingKafkaSpout.class);
    private static long lastIncarnation;

    private final KafkaSpoutConfig<String, byte[]> config;
    private final Partitioner partitioner;
    private final int incarnationIndex;
    private transient SpoutOutputCollector collector;
    private transient KafkaSpout<String, byte[]> spout;
    private transient long incarnation;
    private transient boolean rewind;

    /** An emitted record's message id, with the incarnation that emitted it. */
    private record Tagged(long incarnation, Object messageId) {
    }

    /**
     * Storm's round-robin assignment of partitions to spout tasks, which can hand out no partition for a moment: the
     * KafkaSpout then drops its partitions, and takes them again from their committed offsets.
     */
    public static final class Partitioner implements ManualPartitioner {
        private static final long serialVersionUID = 1L;
        private final RoundRobinManualPartitioner roundRobin = new RoundRobinManualPartitioner();
        private transient boolean none;

        @Override
        public Set<TopicPartition> getPartitionsForThisTask(List<TopicPartition> all, TopologyContext context) {
            return none ? Set.of() : roundRobin.getPartitionsForThisTask(all, context);
        }
    }

    /**
     * @param config           built with {@code partitioner} as its {@link ManualPartitioner}
     * @param incarnationIndex the position, in the tuples of {@code config}'s record translator, of the incarnation
     */
    public RewindingKafkaSpout(KafkaSpoutConfig<String, byte[]> config, Partitioner partitioner,
                               int incarnationIndex) {
        if (config.getTopicPartitioner() != partitioner) {
            throw new IllegalArgumentException("the spout's configuration must use the given partitioner");
        }
        this.config = config;
        this.partitioner = partitioner;
        this.incarnationIndex = incarnationIndex;
    }

    /** A new incarnation number: the current time in microseconds, above every earlier one of this JVM. */
    public static synchronized long nextIncarnation() {
        Instant now = Instant.now();
        lastIncarnation = Math.max(lastIncarnation + 1, now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
        return lastIncarnation;
    }

    @Override
    public void open(Map<String, Object> conf, TopologyContext context, SpoutOutputCollector collector) {
        this.collector = collector;
        this.incarnation = nextIncarnation();
        this.spout = new ShutdownSafeKafkaSpout(config);
        spout.open(conf, context, new SpoutOutputCollector(new Tagging()));
    }

    @Override
    public void nextTuple() {
        if (rewind) {
            rewind = false;
            ((Partitioner) config.getTopicPartitioner()).none = true;
            spout.activate();
            ((Partitioner) config.getTopicPartitioner()).none = false;
            incarnation = nextIncarnation();
            spout.activate();
            LOG.info("rewound to the committed offsets: incarnation {}", incarnation);
        }
        spout.nextTuple();
    }

    @Override
    public void ack(Object msgId) {
        if (msgId instanceof Tagged t && t.incarnation() == incarnation) {
            spout.ack(t.messageId());
        }
    }

    @Override
    public void fail(Object msgId) {
        if (msgId instanceof Tagged t && t.incarnation() == incarnation && !rewind) {
            LOG.info("a record of incarnation {} failed: rewinding", incarnation);
            rewind = true;
        }
    }

    @Override
    public void activate() {
        spout.activate();
    }

    @Override
    public void deactivate() {
        spout.deactivate();
    }

    @Override
    public void close() {
        spout.close();
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        new KafkaSpout<>(config).declareOutputFields(declarer);
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return new KafkaSpout<>(config).getComponentConfiguration();
    }

    /** Stamps each tuple with the current incarnation and tags its message id with it. */
    private final class Tagging implements ISpoutOutputCollector {
        @Override
        public List<Integer> emit(String streamId, List<Object> tuple, Object messageId) {
            tuple.set(incarnationIndex, incarnation);
            return collector.emit(streamId, tuple, new Tagged(incarnation, messageId));
        }

        @Override
        public void emitDirect(int taskId, String streamId, List<Object> tuple, Object messageId) {
            tuple.set(incarnationIndex, incarnation);
            collector.emitDirect(taskId, streamId, tuple, new Tagged(incarnation, messageId));
        }

        @Override
        public void flush() {
            collector.flush();
        }

        @Override
        public void reportError(Throwable error) {
            collector.reportError(error);
        }

        @Override
        public long getPendingCount() {
            return collector.getPendingCount();
        }
    }
}
