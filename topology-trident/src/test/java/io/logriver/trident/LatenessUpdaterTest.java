package io.logriver.trident;

import static io.logriver.trident.TridentHarness.json;
import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.logriver.core.Names;
import io.logriver.logic.FutureTimeRule;
import io.logriver.logic.Request;
import io.logriver.logic.Windows;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.trident.tuple.TridentTuple;
import org.junit.jupiter.api.Test;

/** Window size 60 s, allowed lateness 5 s: a partition's watermark is its highest event time minus 5 s. */
class LatenessUpdaterTest {
    private static final long WINDOW = 60_000L;
    private static final long LATENESS = 5_000L;

    private final LatenessState state = (LatenessState) new LatenessState.Factory(WINDOW, LATENESS, FutureTimeRule.OFF)
            .makeState(new HashMap<>(), null, 0, 1);
    private final LatenessUpdater updater = new LatenessUpdater(new Windows(WINDOW), "weblogs");
    private final TridentHarness h = new TridentHarness();

    LatenessUpdaterTest() {
        updater.prepare(new HashMap<>(), h.context);
    }

    private static Request request(long eventTime) {
        return new Request(eventTime, "/a", "s-1", 10, "INFO", 200);
    }

    private static TridentTuple record(int partition, long offset, long eventTime, long emitNanos) {
        return tuple(LatenessUpdater.INPUT, partition, offset, ("r" + offset).getBytes(StandardCharsets.UTF_8),
                request(eventTime), emitNanos, emitNanos - 500, false);
    }

    private static TridentTuple control(int partition, long offset) {
        return tuple(LatenessUpdater.INPUT, partition, offset, new byte[0], null, 0L, -1L, true);
    }

    /** One batch as Trident's partition-persist runs it in the commit phase. */
    private List<List<Object>> batch(long txid, TridentTuple... tuples) {
        return h.commit(state, updater, LatenessUpdater.OUTPUT, txid, tuples);
    }

    private static List<String> kinds(List<List<Object>> rows) {
        return rows.stream().map(r -> (String) r.get(0)).toList();
    }

    private static void assertWatermarkRow(List<Object> row, int partition, long watermark, long records,
            long[] emitTimes) {
        assertEquals(LatenessUpdater.WATERMARK, row.get(0));
        assertEquals(partition, row.get(1));
        assertEquals(watermark, row.get(4), "watermark");
        assertEquals(records, row.get(5), "batch size");
        assertArrayEquals(emitTimes, (long[]) row.get(6), "emit times");
        long[] sched = Arrays.stream(emitTimes).map(e -> e - 500).toArray();
        assertArrayEquals(sched, (long[]) row.get(7), "scheduled times");
    }

    @Test
    void recordsInTimeEmitRecordRowsThenOneWatermarkRowPerPartitionOfTheBatch() {
        List<List<Object>> rows = batch(1, record(1, 0, 125_000, 10), record(0, 0, 61_000, 20),
                record(1, 1, 130_000, 30));

        assertEquals(List.of("record", "record", "record", "watermark", "watermark"), kinds(rows));
        assertEquals(Arrays.asList("record", 1, request(125_000), 120_000L, 0L, 0L, null, null, null, null),
                rows.get(0));
        assertEquals(Arrays.asList("record", 0, request(61_000), 60_000L, 0L, 0L, null, null, null, null),
                rows.get(1));
        assertEquals(120_000L, rows.get(2).get(3));
        assertWatermarkRow(rows.get(3), 0, 56_000, 1, new long[] {20});
        assertWatermarkRow(rows.get(4), 1, 125_000, 2, new long[] {10, 30});
        assertEquals(0, h.counter(Names.M_LATE));
    }

    @Test
    void recordForAWindowFinalUnderTheWatermarkIsALateDeadLetter() {
        batch(1, record(0, 6, 200_000, 1)); // watermark 195 s: the window [120 s, 180 s) is final
        List<List<Object>> rows = batch(2, record(0, 7, 130_000, 2), record(0, 8, 185_000, 3));

        assertEquals(List.of("late", "record", "watermark"), kinds(rows));
        List<Object> late = rows.get(0);
        assertEquals(0, late.get(1));
        assertNull(late.get(2));
        assertEquals("weblogs-0-7", late.get(8));
        assertEquals(Map.of("reason", "late", "topic", "weblogs", "partition", 0, "offset", 7, "payload", "r7"),
                json(late.get(9)));
        assertEquals(180_000L, rows.get(1).get(3));
        // the late record counts in the batch's size, but only the record in time has its times measured
        assertWatermarkRow(rows.get(2), 0, 195_000, 2, new long[] {3});
        assertEquals(1, h.counter(Names.M_LATE));
    }

    @Test
    void aRecordCanBeLateAfterAnEarlierRecordOfTheSameBatch() {
        List<List<Object>> rows = batch(1, record(0, 0, 200_000, 1), record(0, 1, 130_000, 2));

        assertEquals(List.of("record", "late", "watermark"), kinds(rows));
        assertEquals(1, h.counter(Names.M_LATE));
    }

    @Test
    void eachPartitionHasItsOwnWatermark() {
        batch(1, record(0, 0, 500_000, 1));
        List<List<Object>> rows = batch(2, record(1, 0, 10_000, 2));

        assertEquals(List.of("record", "watermark"), kinds(rows));
        assertWatermarkRow(rows.get(1), 1, 5_000, 1, new long[] {2});
    }

    @Test
    void controlRecordEndsItsPartitionWithoutARecordRow() {
        List<List<Object>> rows = batch(1, record(2, 0, 10_000, 1), control(2, 1));

        assertEquals(List.of("record", "watermark"), kinds(rows));
        assertWatermarkRow(rows.get(1), 2, Long.MAX_VALUE, 1, new long[] {1});

        assertEquals(List.of("late", "watermark"), kinds(batch(2, record(2, 2, 900_000, 2))));
    }

    @Test
    void replayedTransactionIsAppliedToTheWatermarksBeforeItsFirstAttempt() {
        batch(1, record(0, 0, 100_000, 1)); // watermark 95 s
        batch(2, record(0, 1, 300_000, 2)); // first attempt: watermark 295 s

        // the replay (an opaque spout may bring other records) sees the watermark of 95 s, not 295 s
        List<List<Object>> replay = batch(2, record(0, 1, 130_000, 3));
        assertEquals(List.of("record", "watermark"), kinds(replay));
        assertWatermarkRow(replay.get(1), 0, 125_000, 1, new long[] {3});

        // and the next transaction goes on from the replay, not from the first attempt
        List<List<Object>> next = batch(3, record(0, 2, 200_000, 4));
        assertEquals(List.of("record", "watermark"), kinds(next));
        assertWatermarkRow(next.get(1), 0, 195_000, 1, new long[] {4});
        assertEquals(0, h.counter(Names.M_LATE));
    }

    @Test
    void replayOfTheSameBatchEmitsTheSameRows() {
        batch(1, record(0, 0, 100_000, 1));
        // 130 s is in time under the watermark before the batch (95 s), not under the one after it (295 s)
        TridentTuple[] tuples = {record(0, 1, 130_000, 2), record(0, 2, 300_000, 3), record(0, 3, 140_000, 4),
            record(1, 0, 50_000, 5)};
        List<String> first = describe(batch(2, tuples));
        List<String> replay = describe(batch(2, tuples));

        assertEquals(first, replay);
        assertEquals(List.of("record", "record", "late", "record", "watermark", "watermark"),
                replay.stream().map(r -> r.substring(1, r.indexOf(','))).toList());
    }

    private static List<String> describe(List<List<Object>> rows) {
        return rows.stream().map(r -> r.stream()
                .map(v -> v instanceof long[] a ? Arrays.toString(a) : String.valueOf(v)).toList().toString())
                .toList();
    }
}
