package io.logriver.trident;

import static io.logriver.trident.TridentHarness.spoutControl;
import static io.logriver.trident.TridentHarness.spoutRecord;
import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.DurationStats;
import io.logriver.logic.FutureTimeRule;
import io.logriver.logic.Request;
import io.logriver.logic.Windows;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

/**
 * Every kind of row the Trident topology passes between its bolts survives Storm's Kryo serialization, as it must when
 * the next bolt runs in another worker. The rows come from the real operations. Before long[] and int[] were
 * registered, a topology of two workers halted with "Class is not registered: long[]".
 */
class RowSerializationTest {
    private static final String VALID = "{\"timestamp\":\"2017-06-03T18:43:35.123Z\",\"webURL\":\"/app/page?id=1\","
            + "\"sessionID\":\"s-1\",\"durationMillis\":\"36\",\"level\":\"INFO\"}";
    private final KryoRoundTrip kryo = new KryoRoundTrip("trident");
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
    void latenessRowsWithTheirEmitTimes() {
        LatenessState state = (LatenessState) new LatenessState.Factory(10_000, 5_000, FutureTimeRule.OFF)
                .makeState(new HashMap<>(), null, 0, 1);
        LatenessUpdater updater = new LatenessUpdater(new Windows(10_000), "weblogs");
        updater.prepare(new HashMap<>(), h.context);
        List<List<Object>> rows = h.commit(state, updater, LatenessUpdater.OUTPUT, 1,
                lateness(0, 1, 100_000, 11L), lateness(0, 2, 10_000, 12L), lateness(1, 3, 100_500, 13L));
        List<List<Object>> back = roundTripAll(rows);
        List<Object> watermark = back.stream().filter(r -> r.get(0).equals(LatenessUpdater.WATERMARK)).findFirst()
                .orElseThrow();
        assertArrayEquals(new long[] {11L}, (long[]) watermark.get(6));
        assertEquals(List.of("record", "late", "record", "watermark", "watermark"),
                back.stream().map(r -> r.get(0)).toList());
    }

    @Test
    void aggregateAndCloserRows() {
        StatsCombiner combiner = new StatsCombiner();
        Fields in = new Fields("durationMillis", "error");
        DurationStats stats = combiner.combine(combiner.init(tuple(in, 36L, false)), combiner.init(tuple(in, 900L, true)));
        List<Object> aggregate = kryo.of(List.of("window", 0L, "acme", "/app", stats, -1, 0L, 0L));
        assertEquals(stats.summarize(), ((DurationStats) aggregate.get(4)).summarize());

        CloserState state = (CloserState) new CloserState.Factory(10_000, 1).makeState(new HashMap<>(), null, 0, 1);
        CloserUpdater closer = new CloserUpdater("weblogs", false);
        closer.prepare(new HashMap<>(), h.context);
        List<List<Object>> rows = h.commit(state, closer, CloserUpdater.OUTPUT, 1,
                tuple(CloserUpdater.INPUT, "window", 0L, "acme", "/app", stats, -1, 0L, 0L, null, null),
                tuple(CloserUpdater.INPUT, "watermark", 0L, "", "", null, 0, 20_000L, 1L, new long[] {5L},
                        new long[] {-1L}));
        assertEquals(List.of(CloserUpdater.STATS), roundTripAll(rows).stream().map(r -> r.get(0)).toList());
    }

    private static TridentTuple lateness(int partition, long offset, long eventTime, long emitNanos) {
        return tuple(LatenessUpdater.INPUT, partition, offset, ("r" + offset).getBytes(StandardCharsets.UTF_8),
                new Request(eventTime, "/a", "s-1", 10, "INFO", 200), emitNanos, -1L, false);
    }
}
