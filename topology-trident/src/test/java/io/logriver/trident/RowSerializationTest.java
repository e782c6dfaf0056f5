package io.logriver.trident;

import static io.logriver.trident.TridentHarness.spoutControl;
import static io.logriver.trident.TridentHarness.spoutRecord;
import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.logriver.config.ModeProfile;
import io.logriver.logic.Pending;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.Windows;
import io.logriver.trident.ops.ParseRequests;
import io.logriver.trident.ops.ParseSessions;
import io.logriver.trident.state.MemoryEntryStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of row the Trident topology passes between its bolts survives Storm's Kryo serialization, as it must when
 * the next bolt runs in another worker. The rows come from the real operations. Before long[] and int[] were
 * registered, a topology of two workers halted with "Class is not registered: long[]".
 */
class RowSerializationTest {
    private static final String VALID = "{\"timestamp\":\"2017-06-03T18:43:35.123Z\",\"webURL\":\"/app/page?id=1\","
            + "\"sessionID\":\"s-1\",\"durationMillis\":\"36\",\"level\":\"INFO\"}";
    private final KryoRoundTrip kryo = new KryoRoundTrip(ModeProfile.TRIDENT);
    private final TridentHarness h = new TridentHarness();

    private List<List<Object>> roundTripAll(List<List<Object>> rows) {
        List<List<Object>> back = new ArrayList<>();
        for (List<Object> row : rows) {
            back.add(kryo.of(row));
        }
        return back;
    }

    @Test
    void spoutAndParseRows() {
        kryo.of(spoutRecord(0, 7L, VALID));
        kryo.of(spoutControl(1, 8L));
        ParseRequests parse = new ParseRequests("weblogs", FutureTimeRule.OFF);
        parse.prepare(new HashMap<>(), h.context);
        parse.execute(spoutRecord(0, 7L, VALID), h.rows);
        parse.execute(spoutRecord(0, 8L, "NOT JSON"), h.rows);
        ParseSessions sessions = new ParseSessions("sessions");
        sessions.prepare(new HashMap<>(), h.context);
        sessions.execute(spoutRecord(0, 1L,
                "{\"sessionID\":\"s-1\",\"userID\":\"u-1\",\"orgID\":\"acme\"}"), h.rows);
        assertEquals(3, roundTripAll(h.emitted()).size());
    }

    @Test
    void joinedRowsThatGoToThePartitionStage() {
        Request r = new Request(1_000L, "/a", "s-1", 10, "INFO", 200);
        List<Object> joined = kryo.of(List.of(0, 7L, VALID.getBytes(StandardCharsets.UTF_8), r,
                new Session("s-1", "u-1", "acme"), 11L, -1L, false));
        assertEquals(new Session("s-1", "u-1", "acme"), joined.get(4));
        assertEquals(r, joined.get(3));
        kryo.of(Arrays.asList(0, 8L, VALID.getBytes(StandardCharsets.UTF_8), r, null, 12L, -1L, false));
        kryo.of(Arrays.asList(0, 9L, new byte[0], null, null, 0L, -1L, true));
    }

    @Test
    void sharesWatermarksAndLateRowsOfThePartitionStage() {
        StageState state = new StageState(new MemoryEntryStore(), new Windows(10_000), 5_000, FutureTimeRule.OFF);
        StageUpdater updater = new StageUpdater("weblogs", "none");
        updater.prepare(new HashMap<>(), h.context);
        Session s = new Session("s-1", "u-1", "acme");
        List<Arrival> batch = List.of(arrival(0, 1, 1_000, s), arrival(0, 2, 30_000, s), arrival(0, 3, 2_000, s));
        StageOutput out = (StageOutput) h.commit(state, updater, StageUpdater.OUTPUT, 1,
                tuple(CollectArrivals.OUTPUT, batch)).get(0).get(0);
        for (StageRows.Part part : StageRows.Part.values()) {
            h.clear();
            new StageRows(part).execute(tuple(StageUpdater.OUTPUT, out), h.rows);
            assertFalse(roundTripAll(h.emitted()).isEmpty(), part.name());
        }
        h.clear();
        new StageRows(StageRows.Part.SHARES).execute(tuple(StageUpdater.OUTPUT, out), h.rows);
        DurationStats back = (DurationStats) roundTripAll(h.emitted()).get(0).get(4);
        assertEquals(out.shares().get(0).stats().summarize(), back.summarize());
    }

    private static Arrival arrival(int partition, long offset, long eventTime, Session session) {
        return new Arrival(new Pending(partition, offset, new Request(eventTime, "/a", session.sessionID(), 10, "INFO", 200),
                11L, -1L, -1L), ("r" + offset).getBytes(StandardCharsets.UTF_8), session, false);
    }
}
