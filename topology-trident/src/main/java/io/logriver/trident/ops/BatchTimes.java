package io.logriver.trident.ops;

import java.util.Arrays;

/** The records of one batch and partition: how many, and the emit and scheduled times of those in time. */
public final class BatchTimes {
    public long records;
    private long[] emit = new long[16];
    private long[] sched = new long[16];
    private int inTime;

    public void add(long emitNanos, long schedNanos) {
        if (inTime == emit.length) {
            emit = Arrays.copyOf(emit, inTime * 2);
            sched = Arrays.copyOf(sched, inTime * 2);
        }
        emit[inTime] = emitNanos;
        sched[inTime++] = schedNanos;
    }

    public long[] emitTimes() {
        return Arrays.copyOf(emit, inTime);
    }

    public long[] schedTimes() {
        return Arrays.copyOf(sched, inTime);
    }
}
