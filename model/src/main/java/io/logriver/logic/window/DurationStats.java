package io.logriver.logic.window;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Count, errors and the exact distribution of the durations of one window key, as (duration, count) pairs sorted by
 * duration: its size is bounded by the number of distinct durations, not by the number of requests, and merging two
 * is one linear pass that sums the counts. Percentiles are nearest-rank: pXX is the smallest value v such that at
 * least ceil(n * XX / 100) values are at most v, computed in integers.
 */
public final class DurationStats implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Distinct durations, ascending, in {@code [0, distinct)}. */
    private int[] values;
    /** How many requests had {@code values[i]}. */
    private long[] counts;
    private int distinct;
    private long count;
    private long errors;

    public DurationStats() {
        this(4);
    }

    private DurationStats(int capacity) {
        values = new int[capacity];
        counts = new long[capacity];
    }

    /** Adds one request's duration (0 to 86,400,000 ms, so it fits an int). */
    public void add(long durationMillis, boolean error) {
        addCount(Math.toIntExact(durationMillis), 1);
        count++;
        if (error) {
            errors++;
        }
    }

    private void addCount(int value, long n) {
        int i = Arrays.binarySearch(values, 0, distinct, value);
        if (i >= 0) {
            counts[i] += n;
            return;
        }
        int at = -i - 1;
        if (distinct == values.length) {
            values = Arrays.copyOf(values, distinct * 2);
            counts = Arrays.copyOf(counts, distinct * 2);
        }
        System.arraycopy(values, at, values, at + 1, distinct - at);
        System.arraycopy(counts, at, counts, at + 1, distinct - at);
        values[at] = value;
        counts[at] = n;
        distinct++;
    }

    /** A new instance holding both, in one pass over their distinct durations; neither input changes. */
    public static DurationStats merge(DurationStats a, DurationStats b) {
        DurationStats m = new DurationStats(Math.max(4, a.distinct + b.distinct));
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.distinct || j < b.distinct) {
            if (j == b.distinct || (i < a.distinct && a.values[i] < b.values[j])) {
                m.values[k] = a.values[i];
                m.counts[k++] = a.counts[i++];
            } else if (i == a.distinct || b.values[j] < a.values[i]) {
                m.values[k] = b.values[j];
                m.counts[k++] = b.counts[j++];
            } else {
                m.values[k] = a.values[i];
                m.counts[k++] = a.counts[i++] + b.counts[j++];
            }
        }
        m.distinct = k;
        m.count = a.count + b.count;
        m.errors = a.errors + b.errors;
        return m;
    }

    public long count() {
        return count;
    }

    public long errors() {
        return errors;
    }

    /** How many different durations are held: what the state's size is proportional to. */
    public int distinctDurations() {
        return distinct;
    }

    /** The summary of the values added so far; needs at least one value. */
    public Summary summarize() {
        if (count == 0) {
            throw new IllegalStateException("no durations");
        }
        return new Summary(count, errors, rank(50), rank(95), rank(99), values[distinct - 1]);
    }

    /** The nearest-rank percentile: the ceil(n * pct / 100)-th smallest value. */
    private long rank(int pct) {
        long k = Math.max(1, (count * pct + 99) / 100);
        long seen = 0;
        for (int i = 0; i < distinct; i++) {
            seen += counts[i];
            if (seen >= k) {
                return values[i];
            }
        }
        throw new IllegalStateException("counts do not add up to " + count);
    }

    /** The compact binary form of a state store: see {@link DurationStatsCodec}. */
    public byte[] toBytes() {
        return DurationStatsCodec.encode(errors, Arrays.copyOf(values, distinct), Arrays.copyOf(counts, distinct));
    }

    /** Reads {@link #toBytes()}; throws {@link IllegalArgumentException} on bytes that are not such a form. */
    public static DurationStats fromBytes(byte[] bytes) {
        return DurationStatsCodec.decode(bytes, (errors, values, counts) -> {
            DurationStats s = new DurationStats(Math.max(4, values.length));
            System.arraycopy(values, 0, s.values, 0, values.length);
            System.arraycopy(counts, 0, s.counts, 0, counts.length);
            s.distinct = values.length;
            s.count = Arrays.stream(counts).sum();
            s.errors = errors;
            return s;
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurationStats s && count == s.count && errors == s.errors && distinct == s.distinct
                && Arrays.equals(values, 0, distinct, s.values, 0, distinct)
                && Arrays.equals(counts, 0, distinct, s.counts, 0, distinct);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(count) * 31 + Long.hashCode(errors);
        for (int i = 0; i < distinct; i++) {
            h = h * 31 + values[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "DurationStats[count=" + count + ", errors=" + errors + ", distinct=" + distinct + "]";
    }

    /** What a window record reports for one key. */
    public record Summary(long count, long errors, long p50, long p95, long p99, long max) implements Serializable {
    }
}
