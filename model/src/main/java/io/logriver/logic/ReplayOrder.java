package io.logriver.logic;

import java.util.HashMap;
import java.util.Map;

/**
 * Which spout incarnation each partition is read from. A spout that rewinds starts a new incarnation, which reads the
 * partition in order from its committed offset; records of older incarnations may still be on their way, out of
 * order with the new ones, and are refused (failed: the current incarnation reads them again). After this stage
 * restores a checkpoint, every incarnation opened before that moment is refused too, so the partition is read in order
 * from before the checkpoint's last offset. Incarnations are numbered by the time they opened (microseconds), so the
 * spout and the stage compare the same clock: on several machines, they assume clocks agree to within the time a
 * rewind takes.
 */
public final class ReplayOrder {
    private long openedAfter = Long.MIN_VALUE;
    private final Map<Integer, Long> current = new HashMap<>();

    /** The stage restored its state at {@code micros}: only incarnations opened later are taken. */
    public void restoredAt(long micros) {
        openedAfter = micros;
        current.clear();
    }

    /** True when a record of {@code incarnation} may be taken for the partition (and from then on, no older one). */
    public boolean accepts(int partition, long incarnation) {
        if (incarnation <= openedAfter) {
            return false;
        }
        Long now = current.get(partition);
        if (now != null && incarnation < now) {
            return false;
        }
        if (now == null || incarnation > now) {
            current.put(partition, incarnation);
        }
        return true;
    }
}
