package io.logriver.peers.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The latency report of a Flink peer in its own JVM survives its trip through a line of text. */
class ProbeLineTest {

    @Test
    void roundTrip() {
        Histogram in = new Histogram(3_600_000_000L, 3);
        Histogram e2e = new Histogram(3_600_000_000L, 3);
        for (long v = 1; v < 100_000; v += 37) {
            in.recordValue(v);
            e2e.recordValue(v * 3);
        }
        ProbeLine read = ProbeLine.decode(new ProbeLine(4242, in, e2e).encode());
        assertEquals(4242, read.applied());
        assertEquals(in, read.inTopology());
        assertEquals(e2e, read.endToEnd());
    }

    @Test
    void otherLinesAreNotReports() {
        assertNull(ProbeLine.decode("started"));
    }
}
