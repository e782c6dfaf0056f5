package io.logriver.launcher.soak;

import io.logriver.launcher.soak.check.WindowCheck;
import io.logriver.launcher.soak.fault.FaultEvent;
import io.logriver.launcher.soak.fault.Recovery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a soak found: its settings, samples, faults and each mode's recovery from each (ms, -1: not
 * recovered) with each mode's lag every second that they were computed from, the window checks, the memory slopes,
 * and the reference's counts (taken, invalid, filtered, late, aggregated).
 */
record SoakResult(SoakOptions options, Instant started, Duration loaded, List<Sample> samples, List<FaultEvent> faults,
                  Map<String, List<Long>> recoveries, Map<String, List<Recovery.LagPoint>> lag, List<WindowCheck> checks, Map<String, Double> heapGrowth,
                  double redisGrowth, Duration growthWindow, long[] counts, String referenceError) {

    static final long RECOVERY_TARGET_MS = 30_000;
    static final double GROWTH_TARGET = 0.05;

    /** The verdict's failures: empty when every window was exact, nothing was lost and every fault was injected. */
    List<String> failures() {
        List<String> out = new java.util.ArrayList<>();
        if (referenceError != null) {
            out.add("the reference is void: " + referenceError);
        }
        for (WindowCheck c : checks) {
            if (!c.exact()) {
                out.add(String.format("%s: %,d of %,d windows equal, %,d missing, %,d different, %,d not the reference's, "
                                + "%,d requests lost, %,d counted twice, %,d records written again with other content",
                        c.mode(), c.equal(), c.expected(), c.missing(), c.different(), c.unexpected(), c.lostRecords(),
                        c.doubleCounted(), c.rewrittenOther()));
            }
        }
        faults.stream().filter(f -> f.error() != null)
                .forEach(f -> out.add("fault " + f.kind().id() + " not injected: " + f.error()));
        return out;
    }
}
