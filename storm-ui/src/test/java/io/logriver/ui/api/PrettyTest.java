package io.logriver.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrettyTest {
    @Test
    void uptimesAsStormWritesThem() {
        assertEquals("", Pretty.uptime(0));
        assertEquals("59s", Pretty.uptime(59));
        assertEquals("10m 0s", Pretty.uptime(600));
        assertEquals("3h 0m 0s", Pretty.uptime(10800));
        assertEquals("1d 0h 0m 0s", Pretty.uptime(86400));
        assertEquals("1d 1h 1m 1s", Pretty.uptime(90061));
    }

    @Test
    void windowsAndLatencies() {
        assertEquals("All time", Pretty.windowHint(":all-time"));
        assertEquals("10m 0s", Pretty.windowHint("600"));
        assertEquals("0.125", Pretty.floatStr(0.125));
        assertEquals("0", Pretty.floatStr(null));
    }

    @Test
    void tridentNames() {
        assertEquals("batch coordinator of spout kafka-weblogs",
                TridentNames.readable("$spoutcoord-spout-kafka-weblogs"));
        assertEquals("Trident spout kafka-weblogs", TridentNames.readable("spout-kafka-weblogs"));
        assertEquals("Trident bolt 3 (unnamed operations)", TridentNames.readable("b-3"));
        assertEquals("Storm's acker", TridentNames.readable("__acker"));
        assertNull(TridentNames.readable("parse"));
        assertTrue(TridentNames.isTrident(List.of("b-0", "$mastercoord-bg0")));
        assertFalse(TridentNames.isTrident(List.of("parse", "kafka-weblogs")));
    }
}
