package io.logriver.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.logic.AppliedHook;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyProbeTest {
    private static final long MS = 1_000_000;

    @Test
    void aRequestThatWaitedForItsSessionCountsItsProcessingAndItsWaitApart() {
        Latencies probe = LatencyProbe.latencies();
        probe.takeInTopology();
        probe.takeEndToEnd();
        probe.takeJoinWaits();
        long before = probe.applied();
        // two tasks' hooks, one JVM's probe
        AppliedHook a = new LatencyProbe();
        AppliedHook b = new LatencyProbe();
        // due at 0, emitted by the spout at 3 ms, taken by the partition stage at 4 ms, its session came at 504 ms
        a.appliedAfterWait(504 * MS, 3 * MS, 0, 4 * MS);
        // one that did not wait: emitted at 10 ms, applied at 12 ms, due at 9 ms
        b.applied(12 * MS, 10 * MS, 9 * MS);
        Histogram inTopology = probe.takeInTopology();
        Histogram endToEnd = probe.takeEndToEnd();
        Histogram waits = probe.takeJoinWaits();
        assertEquals(2, inTopology.getTotalCount());
        assertEquals(2_000, inTopology.getMaxValue(), 2, "processing only: 1 ms and 2 ms, not the 500 ms wait");
        assertEquals(4_000, endToEnd.getMaxValue(), 4, "due to taken: 4 ms");
        assertEquals(1, waits.getTotalCount());
        assertEquals(500_000, waits.getMaxValue(), 500);
        assertEquals(before + 2, probe.applied());
    }

    @Test
    void theBenchPlugsTheProbeInByItsClassName() {
        LogriverConfig c = ConfigLoader.load(null, List.of(LogriverConfig.LATENCY_HOOK + "=" + LatencyProbe.HOOK));
        assertInstanceOf(LatencyProbe.class, LogriverConfig.newLatencyHook(c.latencyHook()));
        LogriverConfig none = ConfigLoader.load(null, List.of());
        assertEquals(AppliedHook.NONE, LogriverConfig.newLatencyHook(none.latencyHook()));
    }
}
