package io.logriver.storm.spout;

import org.apache.storm.kafka.spout.KafkaSpout;
import org.apache.storm.kafka.spout.KafkaSpoutConfig;

/**
 * Storm's KafkaSpout, safe against being closed while its executor's thread still uses it. When a topology stops,
 * Storm interrupts each executor's thread, waits 100 ms for it ({@code ExecutorShutdown}), and then closes the spout
 * from another thread anyway; on a busy machine the executor's thread is often still in {@code nextTuple} or
 * {@code deactivate}, and its next call on the consumer, now closed or being closed, throws ("This consumer has
 * already been closed", or "KafkaConsumer is not safe for multi-threaded access"). Storm takes that for a dead
 * executor and, in a local cluster, halts the whole JVM: file mode's or a test's, after its output was written. Here
 * every call takes the spout's lock, so {@code close} waits for the call in progress, and once closed every call
 * returns at once.
 */
public final class ShutdownSafeKafkaSpout extends KafkaSpout<String, byte[]> {
    private static final long serialVersionUID = 1L;

    private transient boolean closed;

    public ShutdownSafeKafkaSpout(KafkaSpoutConfig<String, byte[]> config) {
        super(config);
    }

    @Override
    public synchronized void nextTuple() {
        if (!closed) {
            super.nextTuple();
        }
    }

    @Override
    public synchronized void ack(Object messageId) {
        if (!closed) {
            super.ack(messageId);
        }
    }

    @Override
    public synchronized void fail(Object messageId) {
        if (!closed) {
            super.fail(messageId);
        }
    }

    @Override
    public synchronized void activate() {
        if (!closed) {
            super.activate();
        }
    }

    @Override
    public synchronized void deactivate() {
        if (!closed) {
            super.deactivate();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        super.close();
    }
}
