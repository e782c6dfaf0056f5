package io.logriver.launcher.generator;

import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.RequestParser;
import io.logriver.logic.time.HostClock;
import io.logriver.names.Names;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends generated records at a fixed rate on a schedule (open loop: record i is due at start + i / rate, whatever
 * the pipeline does), each stamped with its due time (header {@code logriver-sched-nanos}), and keeps count of how
 * far behind schedule it runs. Every send is checked: the records Kafka did not take are counted, with the last reason.
 */
public final class LoadGenerator implements AutoCloseable {
    /** The generator's thread, and the client id of its producer (Kafka names the producer's network thread after it). */
    public static final String GENERATOR_THREAD = "logriver-generator";
    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();
    private final KafkaProducer<String, byte[]> producer;
    private final RecordGenerator records;
    private final String requestTopic;
    private final String sessionTopic;
    private final int rate;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sessionsSent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Predicate<byte[]> reachesWindow;
    private final AtomicLong neverApplied = new AtomicLong();
    private volatile String lastFailure;
    private final Taken taken;
    /** One callback for every send: no allocation per record. */
    private final Callback onSent = (metadata, e) -> {
        if (e != null) {
            failed.incrementAndGet();
            lastFailure = e.getMessage();
        }
    };
    private final AtomicLong behindMillis = new AtomicLong();
    private final AtomicLong maxBehindMillis = new AtomicLong();
    private volatile boolean stopped;
    private final Thread thread;

    public LoadGenerator(String bootstrapServers, String requestTopic, String sessionTopic, int rate, RecordGenerator records) {
        this(bootstrapServers, requestTopic, sessionTopic, rate, records, null);
    }

    /**
     * @param reachesWindow whether a request will reach a window (logriver's parser and filter rules): the requests
     *                      it turns down are counted ({@link #neverApplied()}), for an engine that does not count
     *                      what it filters; null counts nothing
     */
    public LoadGenerator(String bootstrapServers, String requestTopic, String sessionTopic, int rate, RecordGenerator records,
                         Predicate<byte[]> reachesWindow) {
        this(bootstrapServers, requestTopic, sessionTopic, rate, records, reachesWindow, null);
    }

    /** What the soak needs to know of each request Kafka took: where it went, in the order of each partition. */
    public interface Taken {
        /** Called on the producer's thread, in offset order within a partition. */
        void taken(byte[] request, int partition, long offset);
    }

    /**
     * A generator that tells {@code taken} of every request Kafka took, each written exactly once and in order (an
     * idempotent producer, acknowledged by every replica): what an independent reference of the soak is computed from.
     */
    public static LoadGenerator exact(String bootstrapServers, String requestTopic, int rate, RecordGenerator records,
                                      Taken taken) {
        return new LoadGenerator(bootstrapServers, requestTopic, null, rate, records, null, taken);
    }

    private LoadGenerator(String bootstrapServers, String requestTopic, String sessionTopic, int rate,
                          RecordGenerator records, Predicate<byte[]> reachesWindow, Taken taken) {
        this.reachesWindow = reachesWindow;
        this.taken = taken;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0); // send at once: the end-to-end latency starts at the due time
        p.put(ProducerConfig.ACKS_CONFIG, taken == null ? "1" : "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, taken != null); // no duplicate, no reordering on retries
        // names its network thread, so that the bench tells the generator's CPU from the topology's
        p.put(ProducerConfig.CLIENT_ID_CONFIG, GENERATOR_THREAD + "-" + INSTANCES.incrementAndGet());
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.records = records;
        this.requestTopic = requestTopic;
        this.sessionTopic = sessionTopic;
        this.rate = rate;
        this.thread = new Thread(this::loop, GENERATOR_THREAD);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** logriver's rules for a request that reaches a window: valid (parser, future-time rule) and not filtered. */
    public static Predicate<byte[]> reachesWindow(FutureTimeRule future, FilterRules rules) {
        return bytes -> {
            ParseResult<Request> r = RequestParser.parse(bytes, future);
            return r.isOk() && rules.accepts(r.value());
        };
    }

    private void loop() {
        long start = HostClock.nanos(); // due times go in a header, compared in the workers
        long i = 0;
        while (!stopped) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - HostClock.nanos();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            behindMillis.set(-wait / 1_000_000);
            maxBehindMillis.accumulateAndGet(-wait / 1_000_000, Math::max);
            long now = System.currentTimeMillis();
            RecordGenerator.Generated g = records.next(now);
            String sessionID = sessionOf(g.request());
            if (g.newSession() != null) {
                producer.send(new ProducerRecord<>(sessionTopic, sessionID, g.newSession().getBytes(StandardCharsets.UTF_8)),
                        onSent);
                sessionsSent.incrementAndGet();
            }
            byte[] request = g.request().getBytes(StandardCharsets.UTF_8);
            if (reachesWindow != null && !reachesWindow.test(request)) {
                neverApplied.incrementAndGet();
            }
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(requestTopic, sessionID, request);
            r.headers().add(Names.SCHED_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(due).array());
            producer.send(r, taken == null ? onSent : (metadata, e) -> {
                onSent.onCompletion(metadata, e);
                if (e == null) {
                    taken.taken(request, metadata.partition(), metadata.offset());
                }
            });
            sent.incrementAndGet();
            i++;
        }
    }

    private static String sessionOf(String request) {
        int at = request.indexOf("\"sessionID\":\"");
        return at < 0 ? null : request.substring(at + 13, request.indexOf('"', at + 13));
    }

    /** Request records sent (Kafka may refuse some of them later: {@link #failed()}). */
    public long sent() {
        return sent.get();
    }

    /** Requests sent that will never reach a window (counted only with a {@code reachesWindow} rule). */
    public long neverApplied() {
        return neverApplied.get();
    }

    /** Session records sent. */
    public long sessionsSent() {
        return sessionsSent.get();
    }

    /** Records (requests and sessions) Kafka did not take; final once the generator is closed. */
    public long failed() {
        return failed.get();
    }

    /** Why the last record Kafka did not take was refused, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    /** The furthest behind its schedule the generator has been, in milliseconds; {@code reset} starts again from 0. */
    public long maxBehindMillis(boolean reset) {
        return reset ? maxBehindMillis.getAndSet(0) : maxBehindMillis.get();
    }

    /** How far behind its schedule the generator was at its last record, in milliseconds. */
    public long behindMillis() {
        return behindMillis.get();
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
