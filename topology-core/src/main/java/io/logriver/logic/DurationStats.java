package io.logriver.logic;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Count, errors and the exact durations of one window key. Percentiles are nearest-rank: pXX is the smallest
 * value v such that at least ceil(n * XX / 100) values are at most v, computed in integers.
 */
public final class DurationStats implements Serializable {
    private static final long serialVersionUID = 1L;

    private int[] durations;
    private int count;
    private long errors;

    public DurationStats() {
        this(8);
    }

    private DurationStats(int capacity) {
        durations = new int[capacity];
    }

    /** Adds one request's duration (0 to 86,400,000 ms, so it fits an int). */
    public void add(long durationMillis, boolean error) {
        if (count == durations.length) {
            durations = Arrays.copyOf(durations, count * 2);
        }
        durations[count++] = Math.toIntExact(durationMillis);
        if (error) {
            errors++;
        }
    }

    /** A new instance holding both; neither input changes. */
    public static DurationStats merge(DurationStats a, DurationStats b) {
        DurationStats m = new DurationStats(Math.max(8, a.count + b.count));
        System.arraycopy(a.durations, 0, m.durations, 0, a.count);
        System.arraycopy(b.durations, 0, m.durations, a.count, b.count);
        m.count = a.count + b.count;
        m.errors = a.errors + b.errors;
        return m;
    }

    public int count() {
        return count;
    }

    public long errors() {
        return errors;
    }

    /** The summary of the values added so far; needs at least one value. */
    public Summary summarize() {
        if (count == 0) {
            throw new IllegalStateException("no durations");
        }
        int[] sorted = Arrays.copyOf(durations, count);
        Arrays.sort(sorted);
        return new Summary(count, errors, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[count - 1]);
    }

    /** The nearest-rank percentile of sorted values: the ceil(n * pct / 100)-th smallest. */
    static long rank(int[] sorted, int pct) {
        long n = sorted.length;
        long k = (n * pct + 99) / 100;
        return sorted[(int) Math.max(1, k) - 1];
    }

    /** What a window record reports for one key. */
    public record Summary(long count, long errors, long p50, long p95, long p99, long max) implements Serializable {
    }
}
