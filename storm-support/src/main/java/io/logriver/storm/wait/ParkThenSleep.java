package io.logriver.storm.wait;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.storm.Config;
import org.apache.storm.policy.IWaitStrategy;
import org.apache.storm.utils.ObjectReader;

/**
 * How an idle executor waits, in both modes: it parks {@code topology.bolt.wait.park.microsec} (spouts: the spout key,
 * under backpressure: the backpressure key; a component may set its own, {@link #COMPONENT_PARK_MICROS}) at a time
 * while it was busy a moment ago, so the next tuple of a steady stream is taken within that time; once it has been
 * idle for {@link #FINE_FOR_MILLIS} ms, it parks 1 ms at a time.
 *
 * <p>Storm's two strategies each cost most of a core at rest on 2 cores: {@code WaitStrategyPark} wakes every executor
 * 10,000 times a second for ever (core's idle worker: 35 to 47 % of a core), and {@code WaitStrategyProgressive}, the
 * default for bolts, wakes 1,000 times at once after each tuple, so that an executor fed every 50 ms (a Trident batch)
 * never reaches its 1 ms sleep (Trident's idle worker: 85 % of a core). Storm resets the count on each tuple.
 */
public final class ParkThenSleep implements IWaitStrategy {
    /**
     * A component's own fine park, µs, in its component configuration ({@code BoltDeclarer.addConfiguration}): Storm
     * keeps only a few of its own keys there, so a component that is rarely on the path of a request waits longer than
     * the topology's park without a Storm key.
     */
    public static final String COMPONENT_PARK_MICROS = "logriver.wait.park.microsec";
    /** How long an executor keeps its fine park after its last tuple. */
    static final long FINE_FOR_MILLIS = 20;
    private static final long COARSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private long fineNanos;
    private int fineRounds;

    @Override
    public void prepare(Map<String, Object> conf, WaitSituation situation) {
        String key = switch (situation) {
            case SPOUT_WAIT -> Config.TOPOLOGY_SPOUT_WAIT_PARK_MICROSEC;
            case BOLT_WAIT -> Config.TOPOLOGY_BOLT_WAIT_PARK_MICROSEC;
            case BACK_PRESSURE_WAIT -> Config.TOPOLOGY_BACKPRESSURE_WAIT_PARK_MICROSEC;
        };
        if (situation != WaitSituation.BACK_PRESSURE_WAIT && conf.get(COMPONENT_PARK_MICROS) != null) {
            key = COMPONENT_PARK_MICROS;
        }
        long micros = ObjectReader.getLong(conf.get(key), 100L);
        if (micros <= 0) {
            throw new IllegalArgumentException(key + " must be more than 0 for " + getClass().getName()
                    + " (a busy spin starves the working threads on few cores): got " + micros);
        }
        fineNanos = TimeUnit.MICROSECONDS.toNanos(micros);
        fineRounds = (int) Math.max(1, TimeUnit.MILLISECONDS.toNanos(FINE_FOR_MILLIS) / fineNanos);
    }

    @Override
    public int idle(int idleCounter) {
        if (idleCounter < fineRounds) {
            LockSupport.parkNanos(fineNanos);
            return idleCounter + 1;
        }
        LockSupport.parkNanos(COARSE_NANOS);
        return idleCounter;
    }

    /** Fine parks before the coarse ones (for the test). */
    int fineRounds() {
        return fineRounds;
    }
}
