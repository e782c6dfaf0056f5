package io.logriver.trident.ops;

import static io.logriver.trident.TridentHarness.json;
import static io.logriver.trident.TridentHarness.spoutControl;
import static io.logriver.trident.TridentHarness.spoutRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.parse.Session;
import io.logriver.names.Names;
import io.logriver.trident.TridentHarness;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParseSessionsTest {

    private final ParseSessions parse = new ParseSessions("sessions");
    private final TridentHarness h = new TridentHarness();

    ParseSessionsTest() {
        parse.prepare(new HashMap<>(), h.context);
    }

    @Test
    void validRecordIsEmittedAsItsSessionWithNoDeadLetter() {
        parse.execute(spoutRecord(0, 4L, "{\"sessionID\":\"s-1\",\"userID\":\"u-1\",\"orgID\":\"acme\"}"), h.rows);

        assertEquals(List.of(Arrays.asList(new Session("s-1", "u-1", "acme"), null, null)), h.emitted());
        assertEquals(0, h.counter(Names.M_SESSIONS_INVALID));
    }

    @Test
    void invalidRecordIsEmittedAsADeadLetterRowOfTheSessionsTopic() {
        String noOrg = "{\"sessionID\":\"s-1\",\"userID\":\"u-1\"}";
        parse.execute(spoutRecord(2, 17L, noOrg), h.rows);

        assertEquals(1, h.emitted().size());
        List<Object> row = h.emitted().get(0);
        assertEquals(null, row.get(0));
        assertEquals("sessions-2-17", row.get(1));
        assertEquals(Map.of("reason", "missing-field:orgID", "topic", "sessions", "partition", 2, "offset", 17,
                "payload", noOrg), json(row.get(2)));
        assertEquals(1, h.counter(Names.M_SESSIONS_INVALID));
    }

    @Test
    void controlRecordIsDropped() {
        parse.execute(spoutControl(0, 5L), h.rows);

        assertEquals(List.of(), h.emitted());
        assertEquals(0, h.counter(Names.M_SESSIONS_INVALID));
    }
}
