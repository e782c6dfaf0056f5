package io.logriver.ui.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.logriver.ui.server.LogriverView.Sample;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private final Timeline timeline = new Timeline();

    private static Sample at(long seconds, long read, Double p99) {
        return new Sample(seconds * 1000, read, p99 == null ? null : p99 / 2, p99, p99 == null ? null : p99 * 2);
    }

    @Test
    void ratesBetweenSamplesAndPercentilesOfEach() {
        timeline.add("t", at(100, 1_000, 4.0));
        timeline.add("t", at(110, 51_000, 6.0));
        timeline.add("t", at(115, 53_500, null));
        List<Map<String, Object>> s = timeline.series("t");
        assertEquals(3, s.size());
        assertNull(s.get(0).get("perSecond"), "no rate before a second sample");
        assertEquals(5000.0, s.get(1).get("perSecond"));
        assertEquals(500.0, s.get(2).get("perSecond"));
        assertEquals(6.0, s.get(1).get("p99"));
        assertEquals(3.0, s.get(1).get("p50"));
        assertEquals(12.0, s.get(1).get("p999"));
        assertNull(s.get(2).get("p99"), "no latency figure then");
        assertEquals(110_000L, s.get(1).get("t"));
    }

    @Test
    void aCounterThatGoesBackIsAWorkerRestartNotANegativeRate() {
        timeline.add("t", at(100, 9_000, 1.0));
        timeline.add("t", at(110, 200, 1.0));
        timeline.add("t", at(120, 1_200, 1.0));
        List<Map<String, Object>> s = timeline.series("t");
        assertNull(s.get(1).get("perSecond"));
        assertEquals(100.0, s.get(2).get("perSecond"));
    }

    @Test
    void aRepeatedReportIsOneSampleAndOldSamplesLeave() {
        timeline.add("t", at(100, 1, 1.0));
        timeline.add("t", at(100, 1, 1.0)); // the workers report every 10 s, the sampler asks every 5 s
        assertEquals(1, timeline.series("t").size());
        long kept = Timeline.KEPT.toSeconds();
        timeline.add("t", at(100 + kept, 2, 1.0));
        timeline.add("t", at(101 + kept, 3, 1.0));
        List<Map<String, Object>> s = timeline.series("t");
        assertEquals(List.of((100 + kept) * 1000, (101 + kept) * 1000), s.stream().map(p -> p.get("t")).toList());
    }

    @Test
    void killedTopologiesAreForgotten() {
        timeline.add("a", at(1, 1, 1.0));
        timeline.add("b", at(1, 1, 1.0));
        timeline.retain(Set.of("b"));
        assertEquals(List.of(), timeline.series("a"));
        assertEquals(1, timeline.series("b").size());
    }
}
