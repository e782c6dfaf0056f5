package io.logriver.core;

import static io.logriver.core.BoltHarness.assertAnchors;
import static io.logriver.core.BoltHarness.json;
import static io.logriver.core.BoltHarness.spoutControl;
import static io.logriver.core.BoltHarness.spoutRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.logriver.logic.FutureTimeRule;
import io.logriver.logic.Request;
import java.util.List;
import java.util.Map;
import org.apache.storm.topology.OutputFieldsGetter;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.Test;

class ParseBoltTest {

    private static final String VALID = "{\"timestamp\":\"2023-11-14T22:13:25Z\",\"webURL\":\"/app/page?id=7\","
            + "\"sessionID\":\"s-1\",\"durationMillis\":120,\"level\":\"warn\",\"status\":503}";

    /** The wall clock of these tests: 2023-11-14T22:13:20Z, five seconds before VALID's time. */
    private static final long NOW = 1_700_000_000_000L;

    private final ParseBolt bolt = new ParseBolt("weblogs", "weblogs-dlq", new FutureTimeRule(60_000, () -> NOW));
    private final BoltHarness h = BoltHarness.prepared(bolt);

    @Test
    void validRecordGoesOnTheDefaultStreamWithItsRequest() {
        Tuple t = spoutRecord(Names.WEBLOGS_SPOUT, 2, 41L, VALID, 123_456L);
        bolt.execute(t);

        assertEquals(List.of("default"), h.streams());
        BoltHarness.Emit e = h.emits("default").get(0);
        assertAnchors(e, t);
        assertEquals(6, e.values().size());
        assertEquals(2, e.values().get(0));
        assertEquals(41L, e.values().get(1));
        assertSame(t.getBinaryByField(Names.VALUE), e.values().get(2));
        assertEquals(new Request(1_700_000_005_000L, "/app/page?id=7", "s-1", 120, "warn", 503), e.values().get(3));
        assertEquals(123_456L, e.values().get(4));
        assertEquals(123_456L - 500, e.values().get(5));
        h.assertAckedOnce(t);
        assertEquals(1, h.counter(Names.M_READ));
        assertEquals(0, h.counter(Names.M_INVALID));
        assertEquals(1, h.histograms.get(Names.M_STAGE_US).getCount());
    }

    @Test
    void invalidRecordGoesToTheDeadLetterStreamWithItsReason() {
        String noUrl = "{\"timestamp\":1700000005000,\"sessionID\":\"s-1\",\"durationMillis\":5}";
        Tuple t = spoutRecord(Names.WEBLOGS_SPOUT, 1, 9L, noUrl, 0L);
        bolt.execute(t);

        assertEquals(List.of(Names.INVALID_STREAM), h.streams());
        BoltHarness.Emit e = h.emits(Names.INVALID_STREAM).get(0);
        assertAnchors(e, t);
        assertEquals("weblogs-dlq", e.values().get(0));
        assertEquals("weblogs-1-9", e.values().get(1));
        assertEquals(Map.of("reason", "missing-field:webURL", "topic", "weblogs", "partition", 1, "offset", 9,
                "payload", noUrl), json(e.values().get(2)));
        h.assertAckedOnce(t);
        assertEquals(1, h.counter(Names.M_READ));
        assertEquals(1, h.counter(Names.M_INVALID));
    }

    @Test
    void recordTooFarAheadOfTheWallClockIsDeadLetteredAsFutureTime() {
        String ahead = "{\"timestamp\":" + (NOW + 60_001)
                + ",\"webURL\":\"/a\",\"sessionID\":\"s\",\"durationMillis\":1}";
        String atLimit = ahead.replace(Long.toString(NOW + 60_001), Long.toString(NOW + 60_000));
        Tuple t = spoutRecord(Names.WEBLOGS_SPOUT, 0, 5L, ahead, 0L);
        Tuple u = spoutRecord(Names.WEBLOGS_SPOUT, 0, 6L, atLimit, 0L);
        bolt.execute(t);
        bolt.execute(u);

        assertEquals(List.of(Names.INVALID_STREAM, "default"), h.streams());
        assertEquals(Map.of("reason", "future-time", "topic", "weblogs", "partition", 0, "offset", 5,
                "payload", ahead), json(h.emits(Names.INVALID_STREAM).get(0).values().get(2)));
        assertEquals(NOW + 60_000, ((Request) h.emits("default").get(0).values().get(3)).eventTime());
        h.assertAckedOnce(t, u);
        assertEquals(2, h.counter(Names.M_READ));
        assertEquals(1, h.counter(Names.M_INVALID));
    }

    @Test
    void damagedRecordsNameTheDamage() {
        Tuple notJson = spoutRecord(Names.WEBLOGS_SPOUT, 0, 1L, "GET /index.html 200", 0L);
        Tuple notObject = spoutRecord(Names.WEBLOGS_SPOUT, 0, 2L, "[1,2]", 0L);
        Tuple badDuration = spoutRecord(Names.WEBLOGS_SPOUT, 0, 3L,
                "{\"timestamp\":1,\"webURL\":\"/a\",\"sessionID\":\"s\",\"durationMillis\":-4}", 0L);
        bolt.execute(notJson);
        bolt.execute(notObject);
        bolt.execute(badDuration);

        assertEquals(List.of(Names.INVALID_STREAM, Names.INVALID_STREAM, Names.INVALID_STREAM), h.streams());
        List<List<Object>> dead = h.values(Names.INVALID_STREAM);
        assertEquals("not-json", json(dead.get(0).get(2)).get("reason"));
        assertEquals("GET /index.html 200", json(dead.get(0).get(2)).get("payload"));
        assertEquals("not-object", json(dead.get(1).get(2)).get("reason"));
        assertEquals("malformed-field:durationMillis", json(dead.get(2).get(2)).get("reason"));
        h.assertAckedOnce(notJson, notObject, badDuration);
        assertEquals(3, h.counter(Names.M_INVALID));
    }

    @Test
    void controlRecordIsForwardedAsEndOfInputAndAcked() {
        Tuple c = spoutControl(Names.WEBLOGS_SPOUT, 3, 1000L);
        bolt.execute(c);

        assertEquals(List.of(Names.END_STREAM), h.streams());
        BoltHarness.Emit e = h.emits(Names.END_STREAM).get(0);
        assertAnchors(e, c);
        assertEquals(List.of(3), e.values());
        h.assertAckedOnce(c);
        assertEquals(0, h.counter(Names.M_READ), "a control record is not a record read");
        assertEquals(0, h.counter(Names.M_INVALID));
        h.assertNoEmitAnchoredToAckedTuple();
    }

    @Test
    void declaresTheStreamsItEmitsTo() {
        OutputFieldsGetter d = new OutputFieldsGetter();
        bolt.declareOutputFields(d);
        assertEquals(List.of(Names.PARTITION, Names.OFFSET, Names.VALUE, Names.REQUEST, Names.EMIT_NANOS,
                Names.SCHED_NANOS),
                d.getFieldsDeclaration().get("default").get_output_fields());
        assertEquals(SinkBolt.FIELDS.toList(), d.getFieldsDeclaration().get(Names.INVALID_STREAM).get_output_fields());
        assertEquals(List.of(Names.PARTITION), d.getFieldsDeclaration().get(Names.END_STREAM).get_output_fields());
    }
}
