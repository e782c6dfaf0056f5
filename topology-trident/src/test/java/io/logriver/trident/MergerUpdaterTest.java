package io.logriver.trident;

import static io.logriver.trident.TridentHarness.json;
import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowKey;
import io.logriver.logic.window.Windows;
import io.logriver.names.Names;
import io.logriver.trident.state.LoggedStateTest;
import java.util.HashMap;
import java.util.List;
import org.apache.storm.topology.ReportedFailedException;
import org.junit.jupiter.api.Test;

/** Windows of 60 s over two partitions: a window is final once both partitions' watermarks reach its end. */
class MergerUpdaterTest {
    private final LoggedStateTest.FlakyStore store = new LoggedStateTest.FlakyStore();
    private final MergerState state = new MergerState(store, new Windows(60_000), 2);
    private final TridentHarness h = new TridentHarness();
    private final MergerUpdater updater = new MergerUpdater();

    MergerUpdaterTest() {
        updater.prepare(new HashMap<>(), h.context);
    }

    private static DurationStats stats(long... durations) {
        DurationStats s = new DurationStats();
        for (long d : durations) {
            s.add(d, d >= 1000);
        }
        return s;
    }

    private static StageOutput.Share share(int partition, long windowStart, String org, DurationStats stats) {
        return new StageOutput.Share(partition, new WindowKey(windowStart, org, "/a"), stats);
    }

    private List<List<Object>> batch(long txid, List<StageOutput.Share> shares, StageOutput.Watermark... watermarks) {
        StageOutput in = new StageOutput();
        in.shares().addAll(shares);
        in.watermarks().addAll(List.of(watermarks));
        return h.commit(state, updater, MergerUpdater.OUTPUT, txid, tuple(MergerInput.OUTPUT, in));
    }

    private static StageOutput.Watermark wm(int partition, long watermark) {
        return new StageOutput.Watermark(partition, watermark);
    }

    @Test
    void aWindowIsEmittedOnceWithThePartitionsSharesAddedUpWhenTheLowestWatermarkPassesIt() {
        assertEquals(List.of(), batch(1, List.of(share(0, 0, "acme", stats(10, 2000))), wm(0, 60_000)));

        List<List<Object>> rows = batch(2, List.of(share(1, 0, "acme", stats(30))), wm(1, 60_000));

        assertEquals(1, rows.size());
        assertEquals("0|acme|/a", rows.get(0).get(0));
        assertEquals(3, json(rows.get(0).get(1)).get("count"));
        assertEquals(1, json(rows.get(0).get(1)).get("errors"));
        assertEquals(1, h.counter(Names.M_WINDOWS));
        assertEquals(List.of(), batch(3, List.of(), wm(0, 500_000), wm(1, 500_000)));
    }

    @Test
    void windowsCloseInKeyOrderAndLaterWindowsStayOpen() {
        List<List<Object>> rows = batch(1, List.of(share(0, 60_000, "b", stats(1)), share(0, 0, "z", stats(1)),
                share(1, 60_000, "a", stats(1)), share(1, 120_000, "a", stats(1))), wm(0, 150_000), wm(1, 170_000));

        assertEquals(List.of("0|z|/a", "60000|a|/a", "60000|b|/a"), rows.stream().map(r -> r.get(0)).toList());
    }

    @Test
    void windowsAndTheEndOfInputAreCountedOnceTheBatchIsWritten() {
        store.failNextWrite = true;
        assertThrows(ReportedFailedException.class, () -> batch(1, List.of(share(0, 0, "acme", stats(1))),
                wm(0, Long.MAX_VALUE), wm(1, Long.MAX_VALUE)));
        assertEquals(0, h.counter(Names.M_WINDOWS) + h.counter(Names.M_END_OF_INPUT));

        assertEquals(1, batch(1, List.of(share(0, 0, "acme", stats(1))), wm(0, Long.MAX_VALUE),
                wm(1, Long.MAX_VALUE)).size());
        assertEquals(1, h.counter(Names.M_WINDOWS));
        assertEquals(1, h.counter(Names.M_END_OF_INPUT));

        batch(2, List.of(), wm(0, Long.MAX_VALUE));
        assertEquals(1, h.counter(Names.M_END_OF_INPUT), "once");
    }

    @Test
    void aRestartedMergerHoldsTheSharesAndWatermarksOfTheBatchesBefore() {
        batch(1, List.of(share(0, 0, "acme", stats(10))), wm(0, 60_000));
        MergerState restarted = new MergerState(store, new Windows(60_000), 2);

        StageOutput in = new StageOutput();
        in.watermarks().add(wm(1, 60_000));
        List<List<Object>> rows = h.commit(restarted, updater, MergerUpdater.OUTPUT, 2, tuple(MergerInput.OUTPUT, in));

        assertEquals(1, rows.size());
        assertEquals(1, json(rows.get(0).get(1)).get("count"));
    }
}
