package io.logriver.core;

import java.util.Map;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.IRichSpout;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A spout that survives being closed while its executor's thread is still inside {@code nextTuple}. When a topology
 * stops, Storm interrupts each executor's thread, waits 100 ms for it ({@code ExecutorShutdown}), and then closes the
 * spout anyway; on a busy machine the thread is often still running, and the KafkaSpout's next call on its closed
 * consumer throws "This consumer has already been closed". Storm takes that for a dead executor and, in a local
 * cluster, halts the whole JVM: file mode's or a test's, after its output was written. Once closed, this spout drops
 * that exception; before, it passes every exception on.
 */
final class ShutdownSafeSpout implements IRichSpout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSafeSpout.class);

    private final IRichSpout spout;
    private transient volatile boolean closed;

    ShutdownSafeSpout(IRichSpout spout) {
        this.spout = spout;
    }

    @Override
    public void open(Map<String, Object> conf, TopologyContext context, SpoutOutputCollector collector) {
        spout.open(conf, context, collector);
    }

    @Override
    public void nextTuple() {
        try {
            spout.nextTuple();
        } catch (IllegalStateException e) {
            if (!closed) {
                throw e;
            }
            LOG.debug("nextTuple ran into close(): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        spout.close();
    }

    @Override
    public void ack(Object msgId) {
        spout.ack(msgId);
    }

    @Override
    public void fail(Object msgId) {
        spout.fail(msgId);
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
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        spout.declareOutputFields(declarer);
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return spout.getComponentConfiguration();
    }
}
