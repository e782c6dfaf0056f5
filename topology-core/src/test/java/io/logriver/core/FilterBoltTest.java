package io.logriver.core;

import static io.logriver.core.BoltHarness.assertAnchors;
import static io.logriver.core.BoltHarness.endOfInput;
import static io.logriver.core.BoltHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.FilterRules;
import io.logriver.logic.FutureTimeRule;
import io.logriver.logic.Request;
import io.logriver.logic.Windows;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.Test;

class FilterBoltTest {

    private static final long B = 1_700_000_000_000L; // a window start (10 s windows)
    private static final long LATENESS = 2_000;
    private static final Fields PARSED =
            new Fields(Names.PARTITION, Names.OFFSET, Names.VALUE, Names.REQUEST, Names.EMIT_NANOS, Names.SCHED_NANOS);

    private final FilterBolt bolt = new FilterBolt(new FilterRules(List.of("debug"), List.of("/health")),
            new Windows(10_000), LATENESS, FutureTimeRule.OFF, "weblogs", "dlq");
    private final BoltHarness h = BoltHarness.prepared(bolt);

    /** A tuple of the parse bolt; its value is a JSON text naming the request, as the dead letter must carry it. */
    private static Tuple parsed(int partition, long offset, long eventTime, String url, String level) {
        Request r = new Request(eventTime, url, "s-1", 50, level, 200);
        String value = "{\"startMillis\":" + eventTime + ",\"webURL\":\"" + url + "\",\"sessionID\":\"s-1\"}";
        return BoltHarness.tuple(Names.PARSE, "default", PARSED, partition, offset,
                value.getBytes(StandardCharsets.UTF_8), r, 777L + offset, 700L + offset);
    }

    @Test
    void filteredRecordsAreAckedAndNothingIsEmitted() {
        Tuple debug = parsed(0, 1, B + 1_000, "/a", "DEBUG");
        Tuple health = parsed(0, 2, B + 2_000, "/healthz", "INFO");
        bolt.execute(debug);
        bolt.execute(health);

        assertEquals(List.of(), h.streams());
        h.assertAckedOnce(debug, health);
        assertEquals(2, h.counter(Names.M_FILTERED));
        // a filtered record does not move the watermark: an old record is still on time
        Tuple early = parsed(0, 3, B - 60_000, "/a", "INFO");
        bolt.execute(early);
        assertEquals(List.of("default"), h.streams());
    }

    @Test
    void acceptedRecordCarriesItsWindowAndThePartitionWatermark() {
        Tuple t = parsed(4, 10, B + 5_000, "/a?q=1", "INFO");
        bolt.execute(t);

        assertEquals(List.of("default"), h.streams());
        BoltHarness.Emit e = h.emits("default").get(0);
        assertAnchors(e, t);
        assertEquals(List.of(4, t.getValueByField(Names.REQUEST), B, B + 5_000 - LATENESS, 787L, 710L), e.values());
        h.assertAckedOnce(t);

        Tuple older = parsed(4, 11, B + 1_000, "/b", "INFO"); // on time: its window is not final
        bolt.execute(older);
        assertEquals(List.of(4, older.getValueByField(Names.REQUEST), B, B + 5_000 - LATENESS, 788L, 711L),
                h.values("default").get(1), "the watermark never goes back");
        h.assertAckedOnce(older);
        assertEquals(0, h.counter(Names.M_LATE));
    }

    @Test
    void lateRecordGoesToTheLateStreamWithTheOriginalBytes() {
        Tuple ahead = parsed(1, 7, B + 21_999, "/a", "INFO"); // watermark B + 19,999: window [B, B + 10 s) is final
        Tuple late = parsed(1, 8, B + 9_999, "/late?x=\u00e9", "INFO");
        bolt.execute(ahead);
        bolt.execute(late);

        assertEquals(List.of("default", Names.LATE_STREAM), h.streams());
        BoltHarness.Emit e = h.emits(Names.LATE_STREAM).get(0);
        assertAnchors(e, late);
        assertEquals("dlq", e.values().get(0));
        assertEquals("weblogs-1-8", e.values().get(1));
        assertEquals(Map.of("reason", "late", "topic", "weblogs", "partition", 1, "offset", 8,
                "payload", new String(late.getBinaryByField(Names.VALUE), StandardCharsets.UTF_8)),
                json(e.values().get(2)));
        h.assertAckedOnce(ahead, late);
        assertEquals(1, h.counter(Names.M_LATE));

        // the window just after ends at B + 20,000, not final under B + 19,999: still on time
        Tuple onTime = parsed(1, 9, B + 10_000, "/b", "INFO");
        bolt.execute(onTime);
        assertEquals(List.of(1, onTime.getValueByField(Names.REQUEST), B + 10_000, B + 19_999, 786L, 709L),
                h.values("default").get(1));
    }

    @Test
    void windowEndingAtTheWatermarkIsFinal() {
        bolt.execute(parsed(0, 1, B + 22_000, "/a", "INFO")); // watermark B + 20,000
        Tuple t = parsed(0, 2, B + 10_000, "/a", "INFO"); // window [B + 10 s, B + 20 s)
        bolt.execute(t);
        assertEquals(List.of("default", Names.LATE_STREAM), h.streams());
        h.assertAckedOnce(t);
    }

    @Test
    void lateRecordThatIsFilteredIsOnlyFiltered() {
        bolt.execute(parsed(0, 1, B + 50_000, "/a", "INFO"));
        Tuple lateDebug = parsed(0, 2, B, "/a", "debug");
        bolt.execute(lateDebug);
        assertEquals(List.of("default"), h.streams());
        assertEquals(1, h.counter(Names.M_FILTERED));
        assertEquals(0, h.counter(Names.M_LATE));
        h.assertAckedOnce(lateDebug);
    }

    @Test
    void aRecordAheadOfTheWallClockDoesNotMakeThePresentLate() {
        FilterBolt clocked = new FilterBolt(new FilterRules(List.of(), List.of()), new Windows(10_000), LATENESS,
                new FutureTimeRule(300_000, () -> B + 5_000), "weblogs", "dlq");
        BoltHarness c = BoltHarness.prepared(clocked);
        clocked.execute(parsed(0, 1, B + 200_000, "/a", "INFO")); // 195 s ahead of the clock: valid
        Tuple present = parsed(0, 2, B + 1_000, "/a", "INFO");
        clocked.execute(present);

        assertEquals(List.of("default", "default"), c.streams());
        assertEquals(List.of(0, present.getValueByField(Names.REQUEST), B, B + 5_000 - LATENESS, 779L, 702L),
                c.values("default").get(1), "the watermark stops at the clock");
        assertEquals(0, c.counter(Names.M_LATE));
    }

    @Test
    void eachPartitionHasItsOwnWatermark() {
        bolt.execute(parsed(0, 1, B + 50_000, "/a", "INFO"));
        Tuple otherPartition = parsed(1, 1, B + 1_000, "/a", "INFO");
        bolt.execute(otherPartition);

        assertEquals(List.of("default", "default"), h.streams());
        assertEquals(List.of(1, otherPartition.getValueByField(Names.REQUEST), B, B + 1_000 - LATENESS, 778L, 701L),
                h.values("default").get(1));
        assertEquals(0, h.counter(Names.M_LATE));
    }

    @Test
    void endOfInputIsForwardedAndAcked() {
        Tuple end = endOfInput(Names.PARSE, 2);
        bolt.execute(end);

        assertEquals(List.of(Names.END_STREAM), h.streams());
        BoltHarness.Emit e = h.emits(Names.END_STREAM).get(0);
        assertAnchors(e, end);
        assertEquals(List.of(2), e.values());
        h.assertAckedOnce(end);
        h.assertNoEmitAnchoredToAckedTuple();
    }
}
