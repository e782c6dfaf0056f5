package io.logriver.trident;

import java.util.Arrays;

/** The records of one batch and partition: how many, and the emit and scheduled times of those in time. */
final class BatchTimes {
    long records;
    private long[] emit = new long[16];
    private long[] sched = new long[16];
    private int inTime;

    void add(long emitNanos, long schedNanos) {
        if (inTime == emit.length) {
            emit = Arrays.copyOf(emit, inTime * 2);
            sched = Arrays.copyOf(sched, inTime * 2);
        }
        emit[inTime] = emitNanos;
        sched[inTime++] = schedNanos;
    }

    long[] emitTimes() {
        return Arrays.copyOf(emit, inTime);
    }

    long[] schedTimes() {
        return Arrays.copyOf(sched, inTime);
    }
}
