package io.logriver.storm.trident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchGateTest {
    private static final long CHECK = 50;
    private static final long HEARTBEAT = 1000;

    /** A topic and its spout's committed batches, as the test sets them; counts the looks at each. */
    private static final class Topic implements BatchGate.Offsets {
        final Map<String, Long> ends = new HashMap<>();
        final Map<String, Long> committed = new HashMap<>();
        RuntimeException failure;
        int endLooks;
        int committedLooks;

        @Override
        public Map<String, Long> ends() {
            endLooks++;
            if (failure != null) {
                throw failure;
            }
            return Map.copyOf(ends);
        }

        @Override
        public Map<String, Long> committed(Set<String> partitions) {
            committedLooks++;
            return Map.copyOf(committed);
        }
    }

    private final Topic t = new Topic();
    private final BatchGate gate = new BatchGate(t, CHECK, HEARTBEAT);
    private long txid = 1;

    /** Asks about the next batch, as Trident's coordinator does: a batch let go is followed by the next one. */
    private boolean next(BatchGate gate, long nowMs) {
        boolean ready = gate.ready(txid, nowMs);
        if (ready) {
            txid++;
        }
        return ready;
    }

    @Test
    void aFailedBatchIsLetGoAgainAtOnce() {
        t.ends.put("w@0", 5L);
        t.committed.put("w@0", 4L);
        assertTrue(gate.ready(7, 0), "new end offsets");
        assertFalse(gate.ready(8, CHECK), "caught up");
        assertTrue(gate.ready(7, CHECK + 1), "batch 7 failed: its replay goes at once");
        assertTrue(gate.ready(6, CHECK + 2));
        assertFalse(gate.ready(8, CHECK + 3));
    }

    @Test
    void newRecordsOpenTheGateUntilTheCommittedBatchesReachTheEnd() {
        t.ends.put("w@0", 10L);
        t.ends.put("w@1", 0L);
        assertTrue(next(gate, 0), "new end offsets");
        assertTrue(next(gate, CHECK), "nothing committed yet");
        t.committed.put("w@0", 5L);
        t.committed.put("w@1", -1L);
        assertTrue(next(gate, 2 * CHECK), "partition 0 is behind");
        t.committed.put("w@0", 9L);
        assertFalse(next(gate, 3 * CHECK), "caught up: offsets 0..9 of partition 0, none of partition 1");
        assertFalse(next(gate, 4 * CHECK));
        t.ends.put("w@1", 1L);
        assertTrue(next(gate, 5 * CHECK), "a new record");
    }

    @Test
    void betweenChecksTheLastAnswerHoldsAndNothingIsAsked() {
        t.ends.put("w@0", 3L);
        assertTrue(next(gate, 0));
        assertTrue(next(gate, CHECK - 1), "still open: Trident's own interval and pending batches pace it");
        assertEquals(1, t.endLooks);
        t.committed.put("w@0", 2L);
        assertFalse(next(gate, CHECK));
        for (long now = CHECK + 1; now < 2 * CHECK; now++) {
            assertFalse(next(gate, now));
        }
        assertEquals(2, t.endLooks, "the topic is asked once per check interval, however often the coordinator asks");
        assertFalse(next(gate, 2 * CHECK));
        assertEquals(1, t.committedLooks, "once caught up, only the end offsets are looked at");
    }

    @Test
    void anIdleTopicStillGetsABatchPerHeartbeat() {
        t.ends.put("w@0", 0L);
        t.committed.put("w@0", -1L);
        assertTrue(next(gate, 0), "the first look: new end offsets");
        int batches = 0;
        for (long now = CHECK; now <= 10 * HEARTBEAT; now += 10) {
            batches += next(gate, now) ? 1 : 0;
        }
        assertEquals(10, batches, "one per second over 10 s, where Storm's coordinator would have let 1,000 go");
    }

    @Test
    void whenTheTopicOrTheCommittedOffsetsCannotBeReadBatchesGoAsInStorm() {
        t.ends.put("w@0", 4L);
        t.committed.put("w@0", 3L);
        next(gate, 0);
        assertFalse(next(gate, CHECK));
        t.failure = new IllegalStateException("broker down");
        assertTrue(next(gate, 2 * CHECK));
        t.failure = null;
        assertTrue(next(gate, 3 * CHECK), "the ends are new again after a failure");
        assertFalse(next(gate, 4 * CHECK));
    }
}
