package io.logriver.trident.ops;

import static io.logriver.trident.TridentHarness.json;
import static io.logriver.trident.TridentHarness.spoutControl;
import static io.logriver.trident.TridentHarness.spoutRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.Request;
import io.logriver.names.Names;
import io.logriver.trident.TridentHarness;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParseRequestsTest {

    private static final String VALID = "{\"timestamp\":\"2023-11-14T22:13:25Z\",\"webURL\":\"/app/page?id=7\","
            + "\"sessionID\":\"s-1\",\"durationMillis\":120,\"level\":\"warn\",\"status\":503}";

    /** The wall clock of these tests: 2023-11-14T22:13:20Z, five seconds before VALID's time. */
    private static final long NOW = 1_700_000_000_000L;

    private final ParseRequests parse = new ParseRequests("weblogs", new FutureTimeRule(60_000, () -> NOW));
    private final TridentHarness h = new TridentHarness();

    ParseRequestsTest() {
        parse.prepare(new HashMap<>(), h.context);
    }

    @Test
    void validRecordIsEmittedAsItsRequestWithNoDeadLetter() {
        parse.execute(spoutRecord(2, 41L, VALID), h.rows);

        assertEquals(List.of(Arrays.asList(new Request(1_700_000_005_000L, "/app/page?id=7", "s-1", 120, "warn", 503),
                null, null)), h.emitted());
        assertEquals(1, h.counter(Names.M_READ));
        assertEquals(0, h.counter(Names.M_INVALID));
    }

    @Test
    void invalidRecordIsEmittedAsADeadLetterRowWithWhereItCameFrom() {
        String noUrl = "{\"timestamp\":1700000005000,\"sessionID\":\"s-1\",\"durationMillis\":5}";
        parse.execute(spoutRecord(1, 9L, noUrl), h.rows);

        assertEquals(1, h.emitted().size());
        List<Object> row = h.emitted().get(0);
        assertEquals(3, row.size());
        assertEquals(null, row.get(0));
        assertEquals("weblogs-1-9", row.get(1));
        assertEquals(Map.of("reason", "missing-field:webURL", "topic", "weblogs", "partition", 1, "offset", 9,
                "payload", noUrl), json(row.get(2)));
        assertEquals(1, h.counter(Names.M_READ));
        assertEquals(1, h.counter(Names.M_INVALID));
    }

    @Test
    void recordTooFarAheadOfTheWallClockIsADeadLetterAsFutureTime() {
        String ahead = VALID.replace("2023-11-14T22:13:25Z", "2023-11-14T22:14:20.001Z");
        parse.execute(spoutRecord(0, 4L, ahead), h.rows);
        parse.execute(spoutRecord(0, 5L, VALID.replace("2023-11-14T22:13:25Z", "2023-11-14T22:14:20Z")), h.rows);

        assertEquals(Map.of("reason", "future-time", "topic", "weblogs", "partition", 0, "offset", 4,
                "payload", ahead), json(h.emitted().get(0).get(2)));
        assertEquals(NOW + 60_000, ((Request) h.emitted().get(1).get(0)).eventTime());
        assertEquals(2, h.counter(Names.M_READ));
        assertEquals(1, h.counter(Names.M_INVALID));
    }

    @Test
    void recordThatIsNotJsonIsDeadLetteredWithItsText() {
        parse.execute(spoutRecord(0, 3L, "GET /index.html 200"), h.rows);

        Map<String, Object> message = json(h.emitted().get(0).get(2));
        assertEquals("not-json", message.get("reason"));
        assertEquals("GET /index.html 200", message.get("payload"));
        assertEquals("weblogs-0-3", h.emitted().get(0).get(1));
    }

    @Test
    void controlRecordPassesAsAnEmptyRowAndIsNotCountedAsRead() {
        parse.execute(spoutControl(3, 100L), h.rows);

        assertEquals(List.of(Arrays.asList(null, null, null)), h.emitted());
        assertEquals(0, h.counter(Names.M_READ));
        assertEquals(0, h.counter(Names.M_INVALID));
    }

    @Test
    void everyDataRecordIsCountedAsRead() {
        parse.execute(spoutRecord(0, 1L, VALID), h.rows);
        parse.execute(spoutRecord(0, 2L, "[1,2]"), h.rows);
        parse.execute(spoutRecord(0, 3L, VALID), h.rows);

        assertEquals(3, h.counter(Names.M_READ));
        assertEquals(1, h.counter(Names.M_INVALID));
    }
}
