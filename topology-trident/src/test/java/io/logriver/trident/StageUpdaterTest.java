package io.logriver.trident;

import static io.logriver.trident.TridentHarness.json;
import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.AppliedHook;
import io.logriver.logic.Pending;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.logic.window.WindowKey;
import io.logriver.logic.window.Windows;
import io.logriver.names.Names;
import io.logriver.trident.state.LoggedStateTest;
import io.logriver.trident.state.MemoryEntryStore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.topology.ReportedFailedException;
import org.junit.jupiter.api.Test;

/** Windows of 10 s, 5 s of allowed lateness. */
class StageUpdaterTest {
    private static final Session ACME = new Session("s1", "u1", "acme");

    private final LoggedStateTest.FlakyStore store = new LoggedStateTest.FlakyStore();
    private final StageState state = new StageState(store, new Windows(10_000), 5_000, FutureTimeRule.OFF);
    private final TridentHarness h = new TridentHarness();
    private StageUpdater updater = updater("none");

    /** A hook the updater makes by its class name; what it was told is counted here. */
    public static final class CountingHook implements AppliedHook {
        static final java.util.concurrent.atomic.AtomicLong APPLIED = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void applied(long nowNanos, long emitNanos, long schedNanos) {
            APPLIED.incrementAndGet();
        }
    }

    private StageUpdater updater(String hook) {
        StageUpdater u = new StageUpdater("weblogs", hook);
        u.prepare(new HashMap<>(), h.context);
        return u;
    }

    private static Arrival request(int partition, long offset, long eventTime, Session session) {
        String json = "{\"n\":" + offset + "}";
        Request r = new Request(eventTime, "/a?q=" + offset, "s1", 10 + offset, "INFO", 200);
        return new Arrival(new Pending(partition, offset, r, System.nanoTime(), -1, -1),
                json.getBytes(StandardCharsets.UTF_8), session, false);
    }

    private StageOutput batch(long txid, Arrival... arrivals) {
        List<List<Object>> rows = h.commit(state, updater, StageUpdater.OUTPUT, txid,
                tuple(CollectArrivals.OUTPUT, Arrays.asList(arrivals)));
        assertEquals(1, rows.size(), "one output per batch");
        return (StageOutput) rows.get(0).get(0);
    }

    @Test
    void aShareGoesOutOnceTheWindowIsFinalForItsPartitionThenTheWatermark() {
        StageOutput first = batch(1, request(0, 0, 1_000, ACME), request(0, 1, 2_000, ACME));
        assertEquals(List.of(), first.shares());
        assertEquals(List.of(new StageOutput.Watermark(0, -4_000)), first.watermarks(),
                "the first watermark; the second record moves it within the same window: not sent");

        StageOutput second = batch(2, request(0, 2, 15_000, ACME));

        assertEquals(1, second.shares().size());
        StageOutput.Share s = second.shares().get(0);
        assertEquals(new WindowKey(0, "acme", "/a"), s.key());
        assertEquals(2, s.stats().count());
        assertEquals(List.of(new StageOutput.Watermark(0, 10_000)), second.watermarks());
        assertEquals(3, h.counter(Names.M_AGGREGATED));
    }

    @Test
    void aLateRecordIsADeadLetterWithItsPayload() {
        batch(1, request(0, 0, 30_000, ACME));
        StageOutput out = batch(2, request(0, 1, 3_000, ACME));

        assertEquals(1, out.late().size());
        Map<String, Object> d = json(out.late().get(0).toJson());
        assertEquals("late", d.get("reason"));
        assertEquals(1, d.get("offset"));
        assertEquals("{\"n\":1}", d.get("payload"));
        assertEquals(1, h.counter(Names.M_LATE));
        assertEquals(1, h.counter(Names.M_AGGREGATED));
    }

    @Test
    void aRequestWithoutSessionIsAJoinMissUnderUnknown() {
        batch(1, request(1, 0, 1_000, null));
        StageOutput out = batch(2, new Arrival(new Pending(1, 1, null, 0, -1, -1), new byte[0], null, true));

        assertEquals(new WindowKey(0, Session.UNKNOWN, "/a"), out.shares().get(0).key());
        assertEquals(List.of(new StageOutput.Watermark(1, Long.MAX_VALUE)), out.watermarks(), "the end of input");
        assertEquals(1, h.counter(Names.M_JOIN_MISSES));
    }

    @Test
    void countsAndLatenciesAreRecordedOnlyOnceTheBatchIsWritten() {
        store.failNextWrite = true;
        assertThrows(ReportedFailedException.class, () -> batch(1, request(0, 0, 1_000, ACME), request(0, 1, 40_000, ACME),
                request(0, 2, 2_000, ACME)));
        assertEquals(0, h.counter(Names.M_AGGREGATED) + h.counter(Names.M_LATE) + h.histogramCount(Names.M_BATCH_SIZE));

        batch(1, request(0, 0, 1_000, ACME), request(0, 1, 40_000, ACME), request(0, 2, 2_000, ACME));

        assertEquals(2, h.counter(Names.M_AGGREGATED));
        assertEquals(1, h.counter(Names.M_LATE));
        assertEquals(3, h.histograms.get(Names.M_BATCH_SIZE).getSnapshot().getMax(), "records per batch and partition");
        assertEquals(1, h.histogramCount(Names.M_LATENCY_US));
    }

    @Test
    void theLatencyHookIsToldOfEveryRecordInTimeOnlyWhenOneIsPluggedIn() {
        long before = CountingHook.APPLIED.get();
        batch(1, request(0, 0, 1_000, ACME));
        assertEquals(before, CountingHook.APPLIED.get());

        updater = updater(CountingHook.class.getName());
        batch(2, request(0, 1, 1_000, ACME), request(0, 2, 1_000, ACME));
        assertEquals(before + 2, CountingHook.APPLIED.get());
    }

    @Test
    void aRecordAheadOfTheWallClockMovesTheWatermarkOnlyToTheClock() {
        StageState ruled = new StageState(new MemoryEntryStore(), new Windows(10_000), 5_000,
                new FutureTimeRule(60_000, () -> 100_000L));
        List<List<Object>> rows = h.commit(ruled, updater, StageUpdater.OUTPUT, 1, tuple(CollectArrivals.OUTPUT,
                List.of(request(0, 0, 130_000, ACME), request(0, 1, 92_000, ACME))));

        StageOutput out = (StageOutput) rows.get(0).get(0);
        assertEquals(List.of(new StageOutput.Watermark(0, 95_000)), out.watermarks(), "the clock, less the lateness");
        assertEquals(List.of(), out.late(), "the record of the present is not late");
    }

    @Test
    void aRestartedStageGoesOnFromTheStore() {
        batch(1, request(0, 0, 1_000, ACME));
        StageState restarted = new StageState(store, new Windows(10_000), 5_000, FutureTimeRule.OFF);

        List<List<Object>> rows = h.commit(restarted, updater, StageUpdater.OUTPUT, 2,
                tuple(CollectArrivals.OUTPUT, List.of(request(0, 1, 15_000, ACME))));

        StageOutput out = (StageOutput) rows.get(0).get(0);
        assertEquals(1, out.shares().get(0).stats().count(), "the share holds the request of batch 1");
        assertTrue(store.store.entries().keySet().stream().anyMatch(k -> k.startsWith("lane:")), store.store.entries().keySet().toString());
    }
}
