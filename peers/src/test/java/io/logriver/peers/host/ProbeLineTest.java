package io.logriver.peers.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The report of an engine in its own JVM survives its trip through a line of text. */
class ProbeLineTest {

    @Test
    void roundTrip() {
        Histogram in = new Histogram(3_600_000_000L, 3);
        Histogram e2e = new Histogram(3_600_000_000L, 3);
        Histogram waits = new Histogram(3_600_000_000L, 3);
        for (long v = 1; v < 100_000; v += 37) {
            in.recordValue(v);
            e2e.recordValue(v * 3);
        }
        waits.recordValue(2_000_000);
        ProbeLine read = ProbeLine.decode(new ProbeLine(4242, 5000, in, e2e, waits).encode());
        assertEquals(4242, read.applied());
        assertEquals(5000, read.finished());
        assertEquals(in, read.inTopology());
        assertEquals(e2e, read.endToEnd());
        assertEquals(waits, read.joinWaits());
    }

    @Test
    void otherLinesAreNotReports() {
        assertNull(ProbeLine.decode("started"));
    }
}
