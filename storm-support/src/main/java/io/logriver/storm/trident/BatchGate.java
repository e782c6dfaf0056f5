package io.logriver.storm.trident;

import java.util.Map;
import java.util.Set;

/**
 * Whether a spout's coordinator lets Trident start the next batch: only when its topic may hold records the spout
 * has not emitted, and otherwise once a heartbeat. Storm's Kafka coordinator always says yes, so an idle topology
 * ran a full batch every emit interval through every executor, each with ZooKeeper writes (about half a core of a
 * 2-core machine, with ZooKeeper and the broker, for nothing).
 *
 * <p>The topic is looked at once per check interval: new records (an end offset moved) let batches go at once; end
 * offsets that stay where they were let batches go until the spout's committed batches reach them (the batches in
 * flight may still carry records), then none until the end offsets move again. Anything that fails to answer lets
 * batches go, as Storm's coordinator would. A batch that failed is replayed at once.
 */
final class BatchGate {

    /** What the gate looks at, per partition id. */
    interface Offsets {
        /** The offset the next record of each partition will get. */
        Map<String, Long> ends();

        /**
         * The last offset of each of {@code partitions} that this topology's committed batches reached; a partition it
         * has not committed a batch of yet is absent.
         */
        Map<String, Long> committed(Set<String> partitions);
    }

    private final Offsets offsets;
    private final long checkEveryMs;
    private final long heartbeatMs;
    private long lastCheck;
    private long lastOpen;
    private boolean started;
    private long highestLetGo = Long.MIN_VALUE;
    private boolean open = true;
    private boolean caughtUp;
    private Map<String, Long> lastEnds = Map.of();

    BatchGate(Offsets offsets, long checkEveryMs, long heartbeatMs) {
        this.offsets = offsets;
        this.checkEveryMs = checkEveryMs;
        this.heartbeatMs = heartbeatMs;
    }

    /**
     * Whether batch {@code txid} may start at {@code nowMs}. A batch let go before is let go again at once: it failed,
     * and its replay must not wait for new records.
     */
    boolean ready(long txid, long nowMs) {
        if (txid <= highestLetGo) {
            return true;
        }
        if (!started || nowMs - lastCheck >= checkEveryMs) {
            started = true;
            lastCheck = nowMs;
            open = mayHoldRecords();
        }
        if (open || nowMs - lastOpen >= heartbeatMs) {
            lastOpen = nowMs;
            highestLetGo = txid;
            return true;
        }
        return false;
    }

    private boolean mayHoldRecords() {
        try {
            Map<String, Long> ends = offsets.ends();
            if (!ends.equals(lastEnds)) {
                lastEnds = ends;
                caughtUp = false;
                return true;
            }
            if (!caughtUp) {
                Map<String, Long> committed = offsets.committed(ends.keySet());
                caughtUp = ends.entrySet().stream()
                        .allMatch(e -> committed.containsKey(e.getKey()) && committed.get(e.getKey()) >= e.getValue() - 1);
            }
            return !caughtUp;
        } catch (RuntimeException e) {
            lastEnds = Map.of();
            caughtUp = false;
            return true;
        }
    }
}
