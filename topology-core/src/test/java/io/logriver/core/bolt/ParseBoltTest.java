package io.logriver.core.bolt;

import static io.logriver.core.bolt.BoltHarness.assertAnchors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.Request;
import io.logriver.names.Names;
import io.logriver.storm.testing.RecordingCollector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.Test;

class ParseBoltTest {
    private static final long NOW = 1_700_000_000_000L;
    private final ParseBolt bolt = new ParseBolt(new FilterRules(List.of("DEBUG"), List.of("/health")),
            new FutureTimeRule(60_000, () -> NOW));
    private final BoltHarness h = BoltHarness.prepared(bolt);

    private static final String VALID = "{\"timestamp\":\"2017-06-03T18:43:35.123Z\",\"webURL\":\"/app/a?x=1\","
            + "\"sessionID\":\"s1\",\"durationMillis\":\"36\",\"level\":\"INFO\"}";

    private List<Object> passOn(Tuple t) {
        bolt.execute(t);
        assertEquals(List.of("default"), h.streams());
        RecordingCollector.Emit e = h.emits("default").get(0);
        assertAnchors(e, t);
        h.assertAckedOnce(t);
        h.clear();
        return e.values();
    }

    @Test
    void aValidRecordGoesOnWithItsRequestBytesTimesAndIncarnation() {
        Tuple t = BoltHarness.spoutRecord(Names.WEBLOGS_SPOUT, 3, 41, VALID, 5_000);
        List<Object> v = passOn(t);
        assertEquals(List.of(3, 41L), v.subList(0, 2));
        assertArrayEquals(VALID.getBytes(StandardCharsets.UTF_8), (byte[]) v.get(2));
        assertEquals(Names.VALID, v.get(3));
        assertEquals("/app/a?x=1", ((Request) v.get(4)).webURL());
        assertEquals(List.of(5_000L, 4_500L, 0L), v.subList(5, 8));
    }

    @Test
    void aRequestTooFarAheadOfTheWallClockIsInvalidAsFutureTime() {
        String ahead = "{\"timestamp\":" + (NOW + 60_001) + ",\"webURL\":\"/a\",\"sessionID\":\"s\",\"durationMillis\":1}";
        String atLimit = ahead.replace(Long.toString(NOW + 60_001), Long.toString(NOW + 60_000));
        assertEquals("future-time", passOn(BoltHarness.spoutRecord(Names.WEBLOGS_SPOUT, 0, 5, ahead, 0)).get(3));
        List<Object> v = passOn(BoltHarness.spoutRecord(Names.WEBLOGS_SPOUT, 0, 6, atLimit, 0));
        assertEquals(Names.VALID, v.get(3));
        assertEquals(NOW + 60_000, ((Request) v.get(4)).eventTime());
    }

    @Test
    void filteredInvalidAndEndOfInputGoOnWithTheirVerdictAndNoRequest() {
        String debug = VALID.replace("INFO", "debug");
        String health = VALID.replace("/app/a?x=1", "/healthz");
        for (String[] c : new String[][] {{debug, Names.FILTERED}, {health, Names.FILTERED},
                {"NOT JSON", "not-json"}, {"{\"webURL\":\"/a\"}", "missing-field:timestamp"}}) {
            List<Object> v = passOn(BoltHarness.spoutRecord(Names.WEBLOGS_SPOUT, 0, 1, c[0], 1));
            assertEquals(c[1], v.get(3), c[0]);
            assertNull(v.get(4), c[0]);
        }
        List<Object> end = passOn(BoltHarness.spoutControl(Names.WEBLOGS_SPOUT, 0, 9));
        assertEquals(Names.END_OF_INPUT, end.get(3));
        assertNull(end.get(4));
    }
}
