package io.logriver.launcher.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void theLiveSetIsTheHeapAfterTheLatestFullCollection() {
        String log = String.join("\n",
                "[2026-12-06T23:50:01.123+0000][12.345s] GC(4) Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(768M) 3.2ms",
                "[2026-12-06T23:50:02.000+0000][13.100s] GC(5) Pause Young (Concurrent Start) (G1 Humongous Allocation) 90M->40M(768M) 2.1ms",
                "[2026-12-06T23:50:02.100+0000][13.200s] GC(5) Concurrent Mark Cycle 9.0ms",
                "[2026-12-06T23:50:03.000+0000][14.000s] GC(6) Pause Remark 41M->38M(768M) 1.0ms",
                "[2026-12-06T23:50:03.100+0000][14.100s] GC(6) Pause Cleanup 38M->38M(768M) 0.1ms",
                "[2026-12-06T23:50:04.000+0000][15.000s] GC(7) Pause Full (System.gc()) 200M->35M(768M) 40.1ms",
                "[2026-12-06T23:50:05.000+0000][16.000s] GC(8) Pause Young (Prepare Mixed) (G1 Evacuation Pause) 2G->512K(3G) 1.5ms");
        assertEquals(OptionalLong.of(35L << 20), GcLog.liveHeap(log), "young pauses after it leave garbage: not the live set");
        assertEquals(OptionalLong.of(1L << 30), GcLog.liveHeap(log + "\n[17.0s] GC(9) Pause Full (System.gc()) 3G->1G(3G) 90ms"));
    }

    @Test
    void noFullCollectionNoFigure() {
        assertEquals(OptionalLong.empty(), GcLog.liveHeap("[0.010s] Using G1\n[0.011s] Heap Region Size: 1M\n"
                + "[1.0s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(768M) 3.2ms"));
    }
}
