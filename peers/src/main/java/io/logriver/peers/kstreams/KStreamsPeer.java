package io.logriver.peers.kstreams;

import io.logriver.peers.LatencyProbe;
import io.logriver.peers.Latencies;
import io.logriver.peers.Peer;
import io.logriver.peers.PeerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The Kafka Streams peer in this JVM: one {@link KafkaStreams} instance running {@link KStreamsJob}. Its consumer group
 * and internal topics are named by the run's id; its local state lives under the work directory and is removed when
 * it stops.
 */
public final class KStreamsPeer implements Peer {
    /**
     * Kafka Streams' defaults, but for two. A window's final record leaves {@code suppress} when the record cache is
     * flushed, at each commit: every 100 ms, not 30 s. Its producers wait 5 ms for a batch (Kafka's own default), not
     * Kafka Streams' 100 ms: every request crosses the repartition topic on its way to its window.
     */
    static final Map<String, String> DEFAULTS = Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100",
            StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final PeerSettings settings;
    private KafkaStreams streams;
    private volatile Throwable failure;

    public KStreamsPeer(PeerSettings settings) {
        this.settings = settings;
    }

    @Override
    public String engine() {
        return "kstreams";
    }

    /** Returns once Kafka Streams is RUNNING: its global session table is restored and its tasks assigned. */
    @Override
    public void start() throws InterruptedException {
        streams = new KafkaStreams(KStreamsJob.build(settings.config()), properties(settings));
        CountDownLatch settled = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR
                    || now == KafkaStreams.State.PENDING_SHUTDOWN) {
                settled.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            failure = e;
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        boolean inTime = settled.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        KafkaStreams.State state = streams.state();
        if (!inTime || state != KafkaStreams.State.RUNNING) {
            close();
            throw new IllegalStateException("Kafka Streams " + settings.id() + " did not start"
                    + (inTime ? ": " + state : " within " + START_TIMEOUT.toSeconds() + " s")
                    + (failure == null ? "" : ": " + failure), failure);
        }
    }

    static Properties properties(PeerSettings s) {
        Properties p = new Properties();
        p.putAll(s.engineSettings(DEFAULTS));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.id());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, s.config().bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(s.workDir(), "kstreams-state").toString());
        return p;
    }

    @Override
    public Latencies latencies() {
        return LatencyProbe.latencies();
    }

    /** The failure that stopped the job, or null. */
    public Throwable failure() {
        return failure;
    }

    /** Stops Kafka Streams (30 s at most) and removes its local state. */
    @Override
    public void close() {
        if (streams != null) {
            if (streams.close(Duration.ofSeconds(30))) {
                streams.cleanUp();
            }
            streams = null;
        }
    }
}
