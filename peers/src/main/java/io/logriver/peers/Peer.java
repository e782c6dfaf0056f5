package io.logriver.peers;

/**
 * logriver's job on another engine, driven by the benchmark: started against a broker and topics, stopped cleanly.
 * It reads the request and session topics and writes the same JSON records to the same window and dead-letter topics
 * as logriver does; where its semantics differ from logriver's, peers/README.md says how.
 */
public interface Peer extends AutoCloseable {

    /** The engine, as {@code bin/logriver bench --mode} names it: {@code kstreams} or {@code flink}. */
    String engine();

    /**
     * Starts the job and returns once it processes requests, with every session record that was in the session topic
     * when it started in its session table. Throws {@link IllegalStateException}, naming the cause, when the job
     * fails or does not get there within the timeout; the peer is then closed.
     */
    void start() throws InterruptedException;

    /** The latencies of the records applied to their windows (with the probe plugged in: {@code logriver.latency.hook}). */
    Latencies latencies();

    /** Stops the job and everything the peer started, and waits for them; a second call does nothing. */
    @Override
    void close();
}
