package io.logriver.launcher.soak.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * How far one topology's window records are behind the reference. The lag is how long the oldest window that the
 * reference closed, and the topology has not written yet, has been waiting (0 when none waits): with the requests
 * arriving in real time, the seconds of records the topology is behind. The end-to-end latency of a window is the time
 * from the reference closing it to the topology writing it.
 */
public final class LagTracker {
    private final SoakReference reference;
    private final List<SoakReference.Closed> waiting = new ArrayList<>();
    private final List<WindowLog.Arrival> unmatched = new ArrayList<>();
    private int seen;

    public LagTracker(SoakReference reference) {
        this.reference = reference;
    }

    /** The lag in milliseconds at {@code nowMillis}, given which keys the topology has written. */
    public long lagMillis(long nowMillis, Predicate<String> written) {
        List<SoakReference.Closed> next = reference.closedFrom(seen);
        seen += next.size();
        waiting.addAll(next);
        int done = 0;
        while (done < waiting.size() && written.test(waiting.get(done).key())) {
            done++;
        }
        waiting.subList(0, done).clear();
        return waiting.isEmpty() ? 0 : Math.max(0, nowMillis - waiting.get(0).closedAtMillis());
    }

    /**
     * The end-to-end latencies (ms) of the windows among {@code arrivals} (and among earlier ones the reference had
     * not closed yet), sorted.
     */
    public long[] latencies(List<WindowLog.Arrival> arrivals) {
        unmatched.addAll(arrivals);
        List<Long> out = new ArrayList<>();
        List<WindowLog.Arrival> still = new ArrayList<>();
        for (WindowLog.Arrival a : unmatched) {
            SoakReference.Closed c = reference.closed(a.key());
            if (c == null) {
                still.add(a); // written before the reference saw the close (a race of a few ms), or not a window of it
            } else {
                out.add(Math.max(0, a.writtenMillis() - c.closedAtMillis()));
            }
        }
        unmatched.clear();
        unmatched.addAll(still.size() > 100_000 ? List.of() : still);
        long[] sorted = out.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The nearest-rank {@code p}-th percentile of sorted values, or 0 when there are none. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(sorted.length * p / 100.0);
        return sorted[Math.max(rank, 1) - 1];
    }
}
