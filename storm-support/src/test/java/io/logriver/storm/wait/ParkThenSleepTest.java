package io.logriver.storm.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.storm.Config;
import org.apache.storm.policy.IWaitStrategy.WaitSituation;
import org.junit.jupiter.api.Test;

class ParkThenSleepTest {
    @Test
    void parksFineForTwentyMillisecondsThenOneMillisecondAtATime() {
        ParkThenSleep wait = new ParkThenSleep();
        wait.prepare(Map.of(Config.TOPOLOGY_BOLT_WAIT_PARK_MICROSEC, 100), WaitSituation.BOLT_WAIT);
        assertEquals(200, wait.fineRounds(), "20 ms of 100 µs parks");
        int counter = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 250; i++) {
            counter = wait.idle(counter);
        }
        assertEquals(200, counter, "the count stops where the coarse parks begin");
        assertTrue(System.nanoTime() - start >= 20_000_000L + 50 * 1_000_000L,
                "200 parks of 100 µs and 50 of 1 ms take at least 70 ms");
    }

    @Test
    void eachSituationReadsItsOwnKey() {
        ParkThenSleep spout = new ParkThenSleep();
        spout.prepare(Map.of(Config.TOPOLOGY_SPOUT_WAIT_PARK_MICROSEC, 1000, Config.TOPOLOGY_BOLT_WAIT_PARK_MICROSEC, 10),
                WaitSituation.SPOUT_WAIT);
        assertEquals(20, spout.fineRounds());
        ParkThenSleep pressure = new ParkThenSleep();
        pressure.prepare(Map.of(), WaitSituation.BACK_PRESSURE_WAIT);
        assertEquals(200, pressure.fineRounds(), "Storm's default of 100 µs when the key is not set");
    }

    @Test
    void aComponentsOwnParkWinsExceptUnderBackpressure() {
        Map<String, Object> conf = Map.of(ParkThenSleep.COMPONENT_PARK_MICROS, 1000,
                Config.TOPOLOGY_BOLT_WAIT_PARK_MICROSEC, 100, Config.TOPOLOGY_SPOUT_WAIT_PARK_MICROSEC, 100);
        for (WaitSituation idle : new WaitSituation[] {WaitSituation.BOLT_WAIT, WaitSituation.SPOUT_WAIT}) {
            ParkThenSleep wait = new ParkThenSleep();
            wait.prepare(conf, idle);
            assertEquals(20, wait.fineRounds(), idle + ": 20 ms of 1 ms parks");
        }
        ParkThenSleep pressure = new ParkThenSleep();
        pressure.prepare(conf, WaitSituation.BACK_PRESSURE_WAIT);
        assertEquals(200, pressure.fineRounds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ParkThenSleep()
                .prepare(Map.of(ParkThenSleep.COMPONENT_PARK_MICROS, 0), WaitSituation.BOLT_WAIT));
        assertTrue(e.getMessage().startsWith(ParkThenSleep.COMPONENT_PARK_MICROS + " must be more than 0"),
                e.getMessage());
    }

    @Test
    void refusesABusySpin() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ParkThenSleep()
                .prepare(Map.of(Config.TOPOLOGY_BOLT_WAIT_PARK_MICROSEC, 0), WaitSituation.BOLT_WAIT));
        assertTrue(e.getMessage().startsWith("topology.bolt.wait.park.microsec must be more than 0"), e.getMessage());
    }
}
