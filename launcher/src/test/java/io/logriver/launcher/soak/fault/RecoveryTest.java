package io.logriver.launcher.soak.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryTest {

    /** Lag each second from 0 to {@code seconds}, {@code lagMs} of it from {@code from} (s) to {@code to} (s) excluded. */
    private static List<Recovery.LagPoint> lag(int seconds, int from, int to, long lagMs) {
        List<Recovery.LagPoint> out = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            out.add(new Recovery.LagPoint(s * 1000L, s >= from && s < to ? lagMs : 200));
        }
        return out;
    }

    @Test
    void fromThePartBackToTheLastSecondBehind() {
        FaultEvent broker = new FaultEvent(FaultKind.BROKER, 10_000, 25_000, "", null);
        assertEquals(12_000, Recovery.of(broker, 100_000, lag(100, 12, 37, 5_000))); // behind until 36 s: 37 - 25
    }

    @Test
    void aBriefLagAfterTheRecoveryIsJitterNotTheFaults() {
        FaultEvent kill = new FaultEvent(FaultKind.WORKER, 10_000, 10_000, "", null);
        List<Recovery.LagPoint> lag = lag(100, 10, 30, 5_000);
        lag.set(60, new Recovery.LagPoint(60_000, 1_100)); // 30 s after: one second at 1.1 s, a batch's jitter
        assertEquals(20_000, Recovery.of(kill, 100_000, lag));
    }

    @Test
    void underASecondForLessThanTenSecondsIsNotYetRecovered() {
        FaultEvent pause = new FaultEvent(FaultKind.PAUSE, 10_000, 50_000, "", null);
        List<Recovery.LagPoint> lag = lag(100, 20, 55, 5_000);
        for (int s = 60; s < 63; s++) { // behind again after five seconds under
            lag.set(s, new Recovery.LagPoint(s * 1000L, 2_000));
        }
        assertEquals(13_000, Recovery.of(pause, 100_000, lag)); // under for good from 63 s
    }

    @Test
    void aLagThatComesAfterThePartIsBackStillCounts() {
        FaultEvent broker = new FaultEvent(FaultKind.BROKER, 10_000, 25_000, "", null);
        // under a second while the broker is away and for 5 s after; then the backlog shows, until 45 s
        assertEquals(20_000, Recovery.of(broker, 100_000, lag(100, 30, 45, 4_000)));
    }

    @Test
    void underASecondWhenTheNextFaultStrikesCountsFromThere() {
        FaultEvent kill = new FaultEvent(FaultKind.WORKER, 10_000, 10_000, "", null);
        assertEquals(25_000, Recovery.of(kill, 40_000, lag(100, 15, 35, 3_000))); // 5 s under before the next fault
    }

    @Test
    void noLagNoRecoveryTime() {
        FaultEvent kill = new FaultEvent(FaultKind.WORKER, 10_000, 10_000, "", null);
        assertEquals(0, Recovery.of(kill, 100_000, lag(100, 0, 0, 0)));
    }

    @Test
    void stillBehindWhenTheNextFaultStrikesIsNoRecovery() {
        FaultEvent kill = new FaultEvent(FaultKind.WORKER, 10_000, 10_000, "", null);
        assertEquals(-1, Recovery.of(kill, 60_000, lag(100, 20, 80, 3_000)));
    }

    @Test
    void lagBeforeTheFaultIsNotItsOwn() {
        FaultEvent kill = new FaultEvent(FaultKind.WORKER, 50_000, 50_000, "", null);
        assertEquals(0, Recovery.of(kill, 100_000, lag(100, 10, 30, 3_000)));
    }

    @Test
    void growthBetweenTheSecondAndTheLastWindow() {
        List<long[]> flat = new ArrayList<>();
        List<long[]> growing = new ArrayList<>();
        for (long t = 0; t <= 60_000; t += 1000) {
            flat.add(new long[] {t, 100});
            growing.add(new long[] {t, 100 + t / 1000});
        }
        assertEquals(0.0, Recovery.growth(flat, 20_000), 1e-9);
        assertEquals((150 - 129.5) / 129.5, Recovery.growth(growing, 20_000), 1e-9);
        assertTrue(Double.isNaN(Recovery.growth(flat, 30_000)), "too short for two and a half windows");
        assertEquals(0.0, Recovery.growth(flat.subList(0, 59), 20_000), 1e-9, "a load whose last sample is a second short");
    }

    @Test
    void aWorkerRestartedByAFaultHoldsMoreForAMinuteWhichIsNoGrowth() {
        List<long[]> restarted = new ArrayList<>();
        List<long[]> risen = new ArrayList<>();
        for (long t = 0; t <= 60_000; t += 1000) {
            restarted.add(new long[] {t, t >= 45_000 && t < 51_000 ? 270 : 100}); // 6 s of 20 at 2.7 times
            risen.add(new long[] {t, t >= 45_000 ? 110 : 100}); // from 45 s on, for good
        }
        assertEquals(0.0, Recovery.growth(restarted, 20_000), 1e-9);
        assertEquals(0.10, Recovery.growth(risen, 20_000), 1e-9);
    }
}
