package io.logriver.trident;

import static io.logriver.trident.TridentHarness.json;
import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.core.Names;
import io.logriver.logic.DurationStats;
import io.logriver.logic.LatencyProbe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.trident.tuple.TridentTuple;
import org.junit.jupiter.api.Test;

/** Windows of 60 s over two partitions: a window is final once both partitions' watermarks reach its end. */
class CloserUpdaterTest {
    private static final long WINDOW = 60_000L;

    private final CloserState state = (CloserState) new CloserState.Factory(WINDOW, 2)
            .makeState(new HashMap<>(), null, 0, 1);
    private final TridentHarness h = new TridentHarness();
    private CloserUpdater updater = updater(false);

    private CloserUpdater updater(boolean probe) {
        CloserUpdater u = new CloserUpdater("weblogs", probe);
        u.prepare(new HashMap<>(), h.context);
        return u;
    }

    private static DurationStats stats(long... durations) {
        DurationStats s = new DurationStats();
        for (long d : durations) {
            s.add(d, d >= 1000);
        }
        return s;
    }

    /** A row of the aggregate: a window key's aggregate so far. */
    private static TridentTuple window(long windowStart, String org, String url, DurationStats stats) {
        return tuple(CloserUpdater.INPUT, "window", windowStart, org, url, stats, -1, 0L, 0L, null, null);
    }

    /** A watermark row of the lateness step, for a partition none of whose records were in this batch. */
    private static TridentTuple watermark(int partition, long watermark) {
        return watermark(partition, watermark, 0, new long[0]);
    }

    private static TridentTuple watermark(int partition, long watermark, long batchSize, long[] emitTimes) {
        long[] sched = emitTimes.clone();
        return tuple(CloserUpdater.INPUT, "watermark", 0L, "", "", null, partition, watermark, batchSize, emitTimes,
                sched);
    }

    private List<List<Object>> batch(long txid, TridentTuple... tuples) {
        return h.commit(state, updater, CloserUpdater.OUTPUT, txid, tuples);
    }

    @Test
    void finalRecordIsEmittedOnceWhenTheLowestWatermarkPassesTheWindowEnd() {
        assertEquals(List.of(), batch(1, window(60_000, "acme", "/a", stats(100, 2000)), watermark(0, 130_000),
                watermark(1, 119_999)));

        List<List<Object>> rows = batch(2, watermark(1, 120_000));
        assertEquals(1, rows.size());
        assertEquals(CloserUpdater.STATS, rows.get(0).get(0));
        assertEquals("60000|acme|/a", rows.get(0).get(1));
        Map<String, Object> record = json(rows.get(0).get(2));
        assertEquals("1970-01-01T00:01:00Z", record.get("windowStart"));
        assertEquals("1970-01-01T00:02:00Z", record.get("windowEnd"));
        assertEquals("acme", record.get("orgID"));
        assertEquals("/a", record.get("webURL"));
        assertEquals(2, record.get("count"));
        assertEquals(1, record.get("errors"));
        assertEquals(true, record.get("final"));
        assertEquals(1, h.counter(Names.M_WINDOWS));

        assertEquals(List.of(), batch(3, watermark(0, 500_000), watermark(1, 500_000)));
        assertEquals(1, h.counter(Names.M_WINDOWS));
    }

    @Test
    void finalRecordHoldsTheLatestAggregateOfItsKeyNotTheSumOfItsUpdates() {
        batch(1, window(0, "acme", "/a", stats(10)));
        List<List<Object>> rows = batch(2, window(0, "acme", "/a", stats(10, 20, 30)), watermark(0, 60_000),
                watermark(1, 60_000));

        assertEquals(1, rows.size());
        assertEquals(3, json(rows.get(0).get(2)).get("count"));
    }

    @Test
    void windowsCloseInKeyOrderAndLaterWindowsStayOpen() {
        List<List<Object>> rows = batch(1, window(60_000, "b", "/x", stats(1)), window(0, "z", "/x", stats(1)),
                window(60_000, "a", "/y", stats(1)), window(120_000, "a", "/a", stats(1)), watermark(0, 150_000),
                watermark(1, 170_000));

        assertEquals(List.of("0|z|/x", "60000|a|/y", "60000|b|/x"), rows.stream().map(r -> r.get(1)).toList());
        assertEquals(3, h.counter(Names.M_WINDOWS));
    }

    @Test
    void updateForAClosedWindowIsALateDeadLetter() {
        batch(1, window(0, "acme", "/a", stats(10)), watermark(0, 60_000), watermark(1, 60_000));
        List<List<Object>> rows = batch(2, window(0, "acme", "/a", stats(10, 11)), window(60_000, "acme", "/a",
                stats(12)));

        assertEquals(1, rows.size());
        assertEquals(CloserUpdater.DLQ, rows.get(0).get(0));
        assertEquals("weblogs--1--1", rows.get(0).get(1));
        assertEquals(Map.of("reason", "late", "topic", "weblogs", "partition", -1, "offset", -1,
                "payload", "WindowKey[windowStart=0, orgID=acme, webURL=/a]"), json(rows.get(0).get(2)));
        assertEquals(1, h.counter(Names.M_LATE));
        assertEquals(1, h.counter(Names.M_WINDOWS));
    }

    @Test
    void replayedTransactionIsAppliedToTheWindowsBeforeItsFirstAttempt() {
        batch(1, window(0, "acme", "/a", stats(10)));
        assertEquals(1, batch(2, watermark(0, 60_000), watermark(1, 60_000)).size());

        // the replay brings one more update of the window: the window is still open before the batch, and takes it
        List<List<Object>> replay = batch(2, window(0, "acme", "/a", stats(10, 20)), watermark(0, 60_000),
                watermark(1, 60_000));
        assertEquals(1, replay.size());
        assertEquals(CloserUpdater.STATS, replay.get(0).get(0));
        assertEquals(2, json(replay.get(0).get(2)).get("count"));
        assertEquals(0, h.counter(Names.M_LATE));

        // the transaction after it finds the window closed
        assertEquals(List.of(), batch(3, watermark(0, 70_000), watermark(1, 70_000)));
    }

    @Test
    void batchSizeAndLatencyAreMeasuredFromTheWatermarkRowsOfBatchesWithRecords() {
        long now = System.nanoTime();
        long[] emitted = {now - 1_000_000, now - 5_000_000}; // 1 ms and 5 ms ago
        batch(1, watermark(0, 1_000, 3, emitted), watermark(1, 1_000));

        assertEquals(1, h.histogramCount(Names.M_BATCH_SIZE));
        assertEquals(3, h.histograms.get(Names.M_BATCH_SIZE).getSnapshot().getMax());
        assertEquals(2, h.counter(Names.M_AGGREGATED), "records in time");
        assertEquals(1, h.histogramCount(Names.M_LATENCY_US));
        long latency = h.histograms.get(Names.M_LATENCY_US).getSnapshot().getMax();
        assertTrue(latency >= 5_000, "from the batch's first emitted record: " + latency);
    }

    @Test
    void batchOfOnlyLateRecordsHasASizeButNoLatency() {
        batch(1, watermark(0, 1_000, 2, new long[0]));

        assertEquals(1, h.histogramCount(Names.M_BATCH_SIZE));
        assertEquals(0, h.counter(Names.M_AGGREGATED));
        assertEquals(0, h.histogramCount(Names.M_LATENCY_US));
    }

    @Test
    void probeRecordsEveryRecordInTimeOnlyWhenAsked() {
        long before = LatencyProbe.applied();
        batch(1, watermark(0, 1_000, 2, new long[] {System.nanoTime(), System.nanoTime()}));
        assertEquals(before, LatencyProbe.applied());

        updater = updater(true);
        batch(2, watermark(0, 2_000, 3, new long[] {System.nanoTime(), System.nanoTime(), System.nanoTime()}));
        assertEquals(before + 3, LatencyProbe.applied());
    }

    @Test
    void endOfInputIsCountedOnceWhenEveryPartitionEndedAndEveryWindowClosed() {
        batch(1, window(0, "acme", "/a", stats(10)), watermark(0, Long.MAX_VALUE));
        assertEquals(0, h.counter(Names.M_END_OF_INPUT));

        List<List<Object>> rows = batch(2, watermark(1, Long.MAX_VALUE));
        assertEquals(1, rows.size(), "the last window closes at the end of input");
        assertEquals(1, h.counter(Names.M_END_OF_INPUT));

        batch(3, watermark(0, Long.MAX_VALUE), watermark(1, Long.MAX_VALUE));
        assertEquals(1, h.counter(Names.M_END_OF_INPUT));
    }
}
