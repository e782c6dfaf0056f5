package io.logriver.launcher.bench;

import org.HdrHistogram.Histogram;

/**
 * One measured point of the benchmark: a mode (and Trident batch setting) at one offered rate.
 *
 * @param setting       the Trident batch setting ({@code interval ms/poll records}), or core's workers ({@code 1 worker})
 * @param targetRate    the rate asked of the generator, records/s
 * @param offered       the rate it sent during the measurement, records/s
 * @param achieved      records the topology finished (aggregated, filtered, invalid or late) per second
 * @param lagStart      records sent and not yet finished when the measurement started
 * @param lagEnd        the same when it ended
 * @param behindMs      the furthest the generator fell behind its schedule, ms
 * @param profile       what a flight recording of the measurement window saw (GC, CPU, threads, methods)
 * @param joinWaits     how long the requests that waited for their session waited (core's join), apart from their
 *                      latencies, which end when the partition stage took them
 */
public record BenchPoint(String mode, String setting, long targetRate, double offered, double achieved,
                         long sent, long finished, long lagStart, long lagEnd, long behindMs,
                         Percentiles inTopology, Percentiles endToEnd, BenchProfile.Summary profile,
                         Percentiles joinWaits) {

    /** A point with no waits for sessions (Trident and the peers: their joins do not wait). */
    public BenchPoint(String mode, String setting, long targetRate, double offered, double achieved, long sent,
                      long finished, long lagStart, long lagEnd, long behindMs, Percentiles inTopology,
                      Percentiles endToEnd, BenchProfile.Summary profile) {
        this(mode, setting, targetRate, offered, achieved, sent, finished, lagStart, lagEnd, behindMs, inTopology,
                endToEnd, profile, Percentiles.NONE);
    }

    /** Latency percentiles in microseconds. */
    public record Percentiles(long count, long p50, long p90, long p99, long p999, long max) {
        static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0);

        static Percentiles of(Histogram h) {
            return new Percentiles(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                    h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
        }

        boolean ordered() {
            return p50 <= p90 && p90 <= p99 && p99 <= p999 && p999 <= max;
        }
    }

    /** Sustained: the topology keeps up (98 % of the target rate) and its lag does not grow by more than 2 %. */
    public boolean sustained() {
        return achieved >= 0.98 * targetRate && offered >= 0.98 * targetRate && lagEnd - lagStart <= 0.02 * sent;
    }

    /**
     * Steady: the measurement started with less than a second of records waiting. A point that drains a start-up
     * backlog can be sustained, but its latencies are those of the backlog.
     */
    public boolean steady() {
        return lagStart <= targetRate;
    }

    /** Conservation: what finished in the window was sent in it or waiting at its start. */
    public boolean sane() {
        return finished <= sent + lagStart && inTopology.ordered() && endToEnd.ordered() && inTopology.count() > 0;
    }
}
