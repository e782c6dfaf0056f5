package io.logriver.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WriteWatchTest {

    @Test
    void aWriteOfAKeyWithThePrefixAsMonitorShowsIt() {
        String core = "logriver:soak-core:";
        assertTrue(WriteWatch.writes("1765080000.123456 [0 127.0.0.1:51234] \"HMSET\" \"logriver:soak-core:partition-1"
                + "$prepare\" \"k\" \"v\"", core));
        assertTrue(WriteWatch.writes("1765080000.1 [0 127.0.0.1:5] \"hset\" \"logriver:trident:t:1:stage:0:entries\" \"k\" "
                + "\"v\"", "logriver:trident:"));
        assertTrue(WriteWatch.writes("1765080000.1 [0 127.0.0.1:5] \"DEL\" \"logriver:soak-core:x\"", core));
    }

    @Test
    void readsOtherKeysAndOtherLinesAreNot() {
        String core = "logriver:soak-core:";
        assertFalse(WriteWatch.writes("1765080000.1 [0 127.0.0.1:5] \"HGETALL\" \"logriver:soak-core:partition-1\"", core));
        assertFalse(WriteWatch.writes("1765080000.1 [0 127.0.0.1:5] \"HSET\" \"logriver:soak-trident:x\" \"k\"", core));
        assertFalse(WriteWatch.writes("1765080000.1 [0 127.0.0.1:5] \"MULTI\"", core));
        assertFalse(WriteWatch.writes("OK", core));
    }
}
