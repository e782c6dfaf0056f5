package io.logriver.launcher.bench.report;

import org.HdrHistogram.Histogram;

/**
 * One measured point of the benchmark: an engine in a guarantee class, one setting, one round, at one offered rate.
 *
 * @param mode       the engine: {@code core}, {@code trident}, {@code kstreams}, {@code flink}
 * @param state      its guarantee class: {@code memory} (state in the process) or {@code durable} (state survives the
 *                   process)
 * @param round      the round of the run ({@code --rounds}), from 1
 * @param setting    the setting of its sweep (core's workers, Trident's batches), and the variant's name if any
 * @param targetRate the rate asked of the generator, records/s
 * @param offered    what the generator sent per second over the window
 * @param achieved   requests finished (aggregated, filtered, invalid or late) per second over the window
 * @param lagStart   records sent and not yet finished when the window began
 * @param lagEnd     the same when it ended
 * @param behindMs   the furthest the generator fell behind its schedule during the window
 * @param joinWaits  how long the requests that waited for their session waited (core's join), apart from their
 *                   latencies, which end when the partition stage took them
 * @param profile    what a flight recording of the engine's JVM saw in the window
 */
public record BenchPoint(String mode, String state, int round, String setting, long targetRate, double offered,
                         double achieved, long sent, long finished, long lagStart, long lagEnd, long behindMs,
                         Percentiles inTopology, Percentiles endToEnd, Percentiles joinWaits, Cpu cpu,
                         BenchProfile.Summary profile) {

    /** Latency percentiles in microseconds. */
    public record Percentiles(long count, long p50, long p90, long p99, long p999, long max) {
        public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0);

        public static Percentiles of(Histogram h) {
            return new Percentiles(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                    h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
        }

        boolean ordered() {
            return p50 <= p90 && p90 <= p99 && p99 <= p999 && p999 <= max;
        }
    }

    /**
     * CPU time per request finished in the window, µs of one core: the engine's JVM, the generator's JVM, the whole
     * machine (every process: the broker and Redis too), and the share of the engine's JVM that its Storm executor
     * threads used (0 for the peers).
     */
    public record Cpu(double engine, double generator, double machine, double executors) {
        public static final Cpu NONE = new Cpu(0, 0, 0, 0);
    }

    public Verdict verdict() {
        return Verdict.of(targetRate, offered, achieved, sent, lagStart, lagEnd, behindMs);
    }

    /** Only a steady point that kept up: the one kind of point that says the engine sustains its rate. */
    public boolean sustained() {
        return verdict() == Verdict.SUSTAINED;
    }

    /** Conservation: what finished in the window was sent in it or waiting at its start. */
    public boolean sane() {
        return finished <= sent + lagStart && inTopology.ordered() && endToEnd.ordered() && inTopology.count() > 0;
    }

    /** The sweep this point belongs to: engine, class, setting and round. */
    public String sweep() {
        return mode + " " + state + " " + setting + " #" + round;
    }
}
