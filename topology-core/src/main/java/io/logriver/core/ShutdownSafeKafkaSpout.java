package io.logriver.core;

import org.apache.storm.kafka.spout.KafkaSpout;
import org.apache.storm.kafka.spout.KafkaSpoutConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storm's KafkaSpout, surviving being closed while its executor's thread is still inside {@code nextTuple}. When a
 * topology stops, Storm interrupts each executor's thread, waits 100 ms for it ({@code ExecutorShutdown}), and then
 * closes the spout anyway; on a busy machine the thread is often still running, and the KafkaSpout's next call on its
 * closed consumer throws "This consumer has already been closed". Storm takes that for a dead executor and, in a local
 * cluster, halts the whole JVM: file mode's or a test's, after its output was written. Once closed, this spout drops
 * that exception; before, it passes every exception on.
 */
final class ShutdownSafeKafkaSpout extends KafkaSpout<String, byte[]> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSafeKafkaSpout.class);

    private transient volatile boolean closed;

    ShutdownSafeKafkaSpout(KafkaSpoutConfig<String, byte[]> config) {
        super(config);
    }

    @Override
    public void nextTuple() {
        try {
            super.nextTuple();
        } catch (IllegalStateException e) {
            dropIfClosed(closed, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        super.close();
    }

    /** Rethrows {@code e} unless the spout is closed: then Storm's thread ran into close(), and that is all. */
    static void dropIfClosed(boolean closed, IllegalStateException e) {
        if (!closed) {
            throw e;
        }
        LOG.debug("nextTuple ran into close(): {}", e.getMessage());
    }
}
