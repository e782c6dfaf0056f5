package io.logriver.trident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
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
        public Map<String, Long> committed() {
            committedLooks++;
            return Map.copyOf(committed);
        }
    }

    @Test
    void newRecordsOpenTheGateUntilTheCommittedBatchesReachTheEnd() {
        Topic t = new Topic();
        t.ends.put("w@0", 10L);
        t.ends.put("w@1", 0L);
        BatchGate gate = new BatchGate(t, CHECK, HEARTBEAT);
        assertTrue(gate.ready(0), "new end offsets");
        assertTrue(gate.ready(CHECK), "nothing committed yet");
        t.committed.put("w@0", 5L);
        t.committed.put("w@1", -1L);
        assertTrue(gate.ready(2 * CHECK), "partition 0 is behind");
        t.committed.put("w@0", 9L);
        assertFalse(gate.ready(3 * CHECK), "caught up: offsets 0..9 of partition 0, none of partition 1");
        assertFalse(gate.ready(4 * CHECK));
        t.ends.put("w@1", 1L);
        assertTrue(gate.ready(5 * CHECK), "a new record");
    }

    @Test
    void betweenChecksTheLastAnswerHoldsAndNothingIsAsked() {
        Topic t = new Topic();
        t.ends.put("w@0", 3L);
        BatchGate gate = new BatchGate(t, CHECK, HEARTBEAT);
        assertTrue(gate.ready(0));
        assertTrue(gate.ready(CHECK - 1), "still open: Trident's own interval and pending batches pace it");
        assertEquals(1, t.endLooks);
        t.committed.put("w@0", 2L);
        assertFalse(gate.ready(CHECK));
        for (long now = CHECK + 1; now < 2 * CHECK; now++) {
            assertFalse(gate.ready(now));
        }
        assertEquals(2, t.endLooks, "the topic is asked once per check interval, however often the coordinator asks");
        assertFalse(gate.ready(2 * CHECK));
        assertEquals(1, t.committedLooks, "once caught up, only the end offsets are looked at");
    }

    @Test
    void anIdleTopicStillGetsABatchPerHeartbeat() {
        Topic t = new Topic();
        t.ends.put("w@0", 0L);
        t.committed.put("w@0", -1L);
        BatchGate gate = new BatchGate(t, CHECK, HEARTBEAT);
        assertTrue(gate.ready(0), "the first look: new end offsets");
        int batches = 0;
        for (long now = CHECK; now <= 10 * HEARTBEAT; now += 10) {
            batches += gate.ready(now) ? 1 : 0;
        }
        assertEquals(10, batches, "one per second over 10 s, where Storm's coordinator would have let 1,000 go");
    }

    @Test
    void whenTheTopicOrTheCommittedOffsetsCannotBeReadBatchesGoAsInStorm() {
        Topic t = new Topic();
        t.ends.put("w@0", 4L);
        t.committed.put("w@0", 3L);
        BatchGate gate = new BatchGate(t, CHECK, HEARTBEAT);
        gate.ready(0);
        assertFalse(gate.ready(CHECK));
        t.failure = new IllegalStateException("broker down");
        assertTrue(gate.ready(2 * CHECK));
        t.failure = null;
        assertTrue(gate.ready(3 * CHECK), "the ends are new again after a failure");
        assertFalse(gate.ready(4 * CHECK));
    }
}
