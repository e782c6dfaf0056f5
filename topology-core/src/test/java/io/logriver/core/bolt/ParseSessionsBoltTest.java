package io.logriver.core.bolt;

import static io.logriver.core.bolt.BoltHarness.assertAnchors;
import static io.logriver.core.bolt.BoltHarness.json;
import static io.logriver.core.bolt.BoltHarness.spoutControl;
import static io.logriver.core.bolt.BoltHarness.spoutRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.parse.Session;
import io.logriver.names.Names;
import io.logriver.storm.testing.RecordingCollector;
import java.util.List;
import java.util.Map;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.Test;

class ParseSessionsBoltTest {

    private final ParseSessionsBolt bolt = new ParseSessionsBolt("sessions", "dlq");
    private final BoltHarness h = BoltHarness.prepared(bolt);

    @Test
    void validSessionGoesOnTheDefaultStream() {
        Tuple t = spoutRecord(Names.SESSIONS_SPOUT, 0, 17L,
                "{\"sessionID\":\"s-1\",\"userID\":\"u-9\",\"orgID\":\"org-3\",\"timestamp\":\"x\"}", 5L);
        bolt.execute(t);

        assertEquals(List.of("default"), h.streams());
        RecordingCollector.Emit e = h.emits("default").get(0);
        assertAnchors(e, t);
        assertEquals(List.of(0, 17L, new Session("s-1", "u-9", "org-3")), e.values());
        h.assertAckedOnce(t);
        assertEquals(0, h.counter(Names.M_SESSIONS_INVALID));
    }

    @Test
    void invalidSessionGoesToTheDeadLetterStreamWithItsReason() {
        String noOrg = "{\"sessionID\":\"s-1\",\"userID\":\"u-9\"}";
        String emptyUser = "{\"sessionID\":\"s-2\",\"userID\":\"\",\"orgID\":\"o\"}";
        Tuple a = spoutRecord(Names.SESSIONS_SPOUT, 1, 3L, noOrg, 0L);
        Tuple b = spoutRecord(Names.SESSIONS_SPOUT, 1, 4L, emptyUser, 0L);
        bolt.execute(a);
        bolt.execute(b);

        assertEquals(List.of(Names.INVALID_STREAM, Names.INVALID_STREAM), h.streams());
        RecordingCollector.Emit ea = h.emits(Names.INVALID_STREAM).get(0);
        assertAnchors(ea, a);
        assertEquals("dlq", ea.values().get(0));
        assertEquals("sessions-1-3", ea.values().get(1));
        assertEquals(Map.of("reason", "missing-field:orgID", "topic", "sessions", "partition", 1, "offset", 3,
                "payload", noOrg), json(ea.values().get(2)));
        RecordingCollector.Emit eb = h.emits(Names.INVALID_STREAM).get(1);
        assertAnchors(eb, b);
        assertEquals("malformed-field:userID", json(eb.values().get(2)).get("reason"));
        h.assertAckedOnce(a, b);
        assertEquals(2, h.counter(Names.M_SESSIONS_INVALID));
    }

    @Test
    void controlRecordIsForwardedAsEndOfInputAndAcked() {
        Tuple c = spoutControl(Names.SESSIONS_SPOUT, 0, 99L);
        bolt.execute(c);

        assertEquals(List.of(Names.END_STREAM), h.streams());
        RecordingCollector.Emit e = h.emits(Names.END_STREAM).get(0);
        assertAnchors(e, c);
        assertEquals(List.of(0), e.values());
        h.assertAckedOnce(c);
        h.assertNoEmitAnchoredToAckedTuple();
        assertEquals(0, h.counter(Names.M_SESSIONS_INVALID));
    }
}
