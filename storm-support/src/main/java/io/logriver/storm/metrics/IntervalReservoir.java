package io.logriver.storm.metrics;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Recorder;
import org.apache.storm.task.TopologyContext;

/**
 * The values of a Storm metrics histogram over the last complete interval only, instead of Storm's decaying reservoir
 * (which mixes in minutes-old values, such as a start-up backlog, and allocates on every update). Values go into an
 * HdrHistogram {@link Recorder} (wait-free, nothing allocated, two significant digits); at each interval boundary the
 * recorder hands over the interval's histogram, which every reader (JMX, CSV, console) sees until the next boundary.
 * The interval is the caller's (logriver's topologies give {@code logriver.metrics.interval.s}).
 */
public final class IntervalReservoir implements Reservoir {
    /** Values above an hour (in µs) are counted as an hour. */
    static final long HIGHEST = TimeUnit.HOURS.toMicros(1);
    private static final Snapshot NONE = new IntervalSnapshot(null);

    private final Recorder recorder = new Recorder(HIGHEST, 2);
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private volatile long intervalEnd;
    private volatile Snapshot last = NONE;

    /** Intervals of {@code intervalNanos} on {@code nanoClock}. */
    IntervalReservoir(long intervalNanos, LongSupplier nanoClock) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
        this.intervalEnd = boundaryAfter(nanoClock.getAsLong());
    }

    /** Registers a histogram named {@code name} (such as {@code logriver.latency.us}) of {@code seconds} intervals. */
    public static Histogram register(TopologyContext context, long seconds, String name) {
        Histogram h = new Histogram(new IntervalReservoir(TimeUnit.SECONDS.toNanos(seconds), System::nanoTime));
        int dot = name.lastIndexOf('.');
        context.registerMetricSet(name.substring(0, dot), () -> Map.of(name.substring(dot + 1), h));
        return h;
    }

    @Override
    public void update(long value) {
        rollIfDue();
        recorder.recordValue(Math.max(0, Math.min(value, HIGHEST)));
    }

    @Override
    public Snapshot getSnapshot() {
        rollIfDue();
        return last;
    }

    @Override
    public int size() {
        return getSnapshot().size();
    }

    private void rollIfDue() {
        if (nanoClock.getAsLong() >= intervalEnd) {
            roll();
        }
    }

    private synchronized void roll() {
        long now = nanoClock.getAsLong();
        if (now < intervalEnd) {
            return;
        }
        org.HdrHistogram.Histogram values = recorder.getIntervalHistogram();
        // recorded before intervalEnd; if a whole interval has passed since, nothing was recorded in the last one
        last = now < intervalEnd + intervalNanos ? new IntervalSnapshot(values) : NONE;
        intervalEnd = boundaryAfter(now);
    }

    private long boundaryAfter(long now) {
        return Math.floorDiv(now, intervalNanos) * intervalNanos + intervalNanos;
    }

    /** One interval's values. */
    private static final class IntervalSnapshot extends Snapshot {
        private final org.HdrHistogram.Histogram h;

        IntervalSnapshot(org.HdrHistogram.Histogram h) {
            this.h = h;
        }

        private boolean empty() {
            return h == null || h.getTotalCount() == 0;
        }

        @Override
        public double getValue(double quantile) {
            return empty() ? 0 : h.getValueAtPercentile(quantile * 100);
        }

        @Override
        public long[] getValues() {
            long[] out = new long[size()];
            int i = 0;
            if (!empty()) {
                for (HistogramIterationValue v : h.recordedValues()) {
                    for (long c = 0; c < v.getCountAtValueIteratedTo() && i < out.length; c++) {
                        out[i++] = h.highestEquivalentValue(v.getValueIteratedTo());
                    }
                }
            }
            return out;
        }

        @Override
        public int size() {
            return empty() ? 0 : (int) Math.min(Integer.MAX_VALUE, h.getTotalCount());
        }

        @Override
        public long getMax() {
            return empty() ? 0 : h.getMaxValue();
        }

        @Override
        public double getMean() {
            return empty() ? 0 : h.getMean();
        }

        @Override
        public long getMin() {
            return empty() ? 0 : h.getMinValue();
        }

        @Override
        public double getStdDev() {
            return empty() ? 0 : h.getStdDeviation();
        }

        @Override
        public void dump(OutputStream output) {
            try (PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(output, StandardCharsets.UTF_8))) {
                for (long v : getValues()) {
                    out.println(v);
                }
            }
        }
    }
}
