package io.logriver.launcher.soak.fault;

import java.util.List;

/**
 * How long a mode took to recover from each fault: from the moment its part was back (a killed worker: the kill)
 * until the lag was back under one second, and stayed there for {@link #STEADY_MS} (as the soak's start asks of a
 * topology that has caught up): the first such stretch that follows a lag of a second or more. 0 when the lag never
 * reached a second between the fault and the next one; a brief lag later in the period, after such a stretch, is the
 * mode's ordinary jitter (the samples' {@code lag_max_s} shows it), not this fault's. No such stretch before the next
 * fault struck (or the load ended) is no recovery: -1, unless the lag was under a second by then (the stretch is cut
 * short by the next fault, not by a lag).
 */
public final class Recovery {
    /** Lag, in ms, at this many ms since the load began (one a second). */
    public record LagPoint(long atMs, long lagMs) {
    }

    public static final long RECOVERED_MS = 1000;
    /** How long the lag must stay under {@link #RECOVERED_MS} to count as recovered. */
    public static final long STEADY_MS = 10_000;

    private Recovery() {
    }

    /** The recovery, in ms, of fault {@code f} followed by {@code nextStartMs} (the next fault, or the load's end). */
    public static long of(FaultEvent f, long nextStartMs, List<LagPoint> lag) {
        boolean behind = false;
        long stretchFrom = -1;
        for (LagPoint p : lag) {
            if (p.atMs() < f.startMs() || p.atMs() >= nextStartMs) {
                continue;
            }
            if (p.lagMs() >= RECOVERED_MS) {
                behind = true;
                stretchFrom = -1;
            } else if (behind && p.atMs() >= f.endMs()) {
                stretchFrom = stretchFrom < 0 ? p.atMs() : stretchFrom;
                if (p.atMs() - stretchFrom >= STEADY_MS - 1000) {
                    return Math.max(0, stretchFrom - f.endMs());
                }
            }
        }
        if (stretchFrom >= 0) { // under a second when the next fault struck, for less than STEADY_MS
            return Math.max(0, stretchFrom - f.endMs());
        }
        return behind ? -1 : 0;
    }

    /**
     * The growth of a series between its second window of {@code windowMs} and its last, as a fraction of the second
     * (0.05: 5 % more), median against median; NaN when the series is too short for both (the last samples of a load
     * three windows long come a little before its end, so the two may overlap by a few seconds) or the second window's
     * median is 0. Medians, so that what a fault holds for a minute (a restarted worker catching up holds its backlog in
     * flight: 77 MB of live heap for a minute, against 29 MB between faults, in the hour at 10,000 requests/s) is not
     * read as growth, while a rise that lasts half a window is.
     */
    public static double growth(List<long[]> series, long windowMs) {
        if (series.isEmpty()) {
            return Double.NaN;
        }
        long end = series.get(series.size() - 1)[0];
        double second = median(series, windowMs, 2 * windowMs);
        double last = median(series, end - windowMs, end + 1);
        if (end < 2 * windowMs + windowMs / 2 || Double.isNaN(second) || Double.isNaN(last) || second == 0) {
            return Double.NaN;
        }
        return (last - second) / second;
    }

    private static double median(List<long[]> series, long from, long to) {
        long[] v = series.stream().filter(p -> p[0] >= from && p[0] < to && p[1] >= 0).mapToLong(p -> p[1]).sorted()
                .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
