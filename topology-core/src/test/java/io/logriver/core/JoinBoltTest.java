package io.logriver.core;

import static io.logriver.core.BoltHarness.assertAnchors;
import static io.logriver.core.BoltHarness.endOfInput;
import static io.logriver.core.BoltHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.Request;
import io.logriver.logic.Session;
import java.util.List;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.Test;

class JoinBoltTest {

    private static final long B = 1_700_000_000_000L; // a window start (10 s windows)
    private static final long WINDOW = 10_000;
    private static final long CLOCK_MS = 100;
    private static final long LONG_WAIT = 60_000;
    private static final Fields FILTERED =
            new Fields(Names.PARTITION, Names.REQUEST, Names.WINDOW_START, Names.WATERMARK, Names.EMIT_NANOS,
                    Names.SCHED_NANOS);
    private static final Fields SESSIONS = new Fields(Names.PARTITION, Names.OFFSET, Names.SESSION);

    private JoinBolt bolt;
    private BoltHarness h;

    private void prepare(long joinWaitMs) {
        bolt = new JoinBolt(null, "sessions", WINDOW, joinWaitMs, CLOCK_MS);
        h = BoltHarness.prepared(bolt);
    }

    /** A filtered request (an error: status 500) of the session at eventTime, with its partition's watermark. */
    private static Tuple request(int partition, String sessionID, long eventTime, long watermark) {
        Request r = new Request(eventTime, "/p/x?y=1", sessionID, 30, "INFO", 500);
        return tuple(Names.FILTER, "default", FILTERED, partition, r, Math.floorDiv(eventTime, WINDOW) * WINDOW,
                watermark, eventTime % 1_000_000, -1L);
    }

    private static Tuple session(String sessionID, String orgID, int partition, long offset) {
        return tuple(Names.PARSE_SESSIONS, "default", SESSIONS, partition, offset,
                new Session(sessionID, "u-" + sessionID, orgID));
    }

    private static Tuple clock() {
        return tuple(Names.CLOCK_SPOUT, "default", new Fields(Names.NOW), System.currentTimeMillis());
    }

    private static List<Object> joined(String orgID, Tuple request) {
        Request r = (Request) request.getValueByField(Names.REQUEST);
        return List.of(orgID, "/p/x", request.getLongByField(Names.WINDOW_START), 30L, true, r.eventTime() % 1_000_000,
                -1L);
    }

    private void assertClockTupleUntouched(Tuple clock) {
        assertEquals(0, BoltHarness.count(h.rec.failed, clock), "clock tuple failed");
        for (BoltHarness.Emit e : h.rec.emits) {
            assertEquals(0, BoltHarness.count(e.anchors(), clock), "emit anchored to the clock: " + e);
        }
    }

    @Test
    void knownSessionJoinsAtOnce() {
        prepare(LONG_WAIT);
        Tuple s = session("s-1", "org-1", 0, 0);
        bolt.execute(s);
        assertEquals(List.of(), h.streams(), "no request waits, no watermark known yet");
        h.assertAckedOnce(s);

        Tuple r = request(0, "s-1", B + 5_000, B + 3_000);
        bolt.execute(r);

        assertEquals(List.of("default", Names.WATERMARK_STREAM), h.streams());
        BoltHarness.Emit j = h.emits("default").get(0);
        assertAnchors(j, r);
        assertEquals(joined("org-1", r), j.values());
        BoltHarness.Emit w = h.emits(Names.WATERMARK_STREAM).get(0);
        assertAnchors(w, r);
        assertEquals(List.of(0, B + 3_000), w.values());
        h.assertAckedOnce(r);
        assertEquals(0, h.gauge(Names.M_JOIN_WAITING));
        assertEquals(1, h.gauge(Names.M_SESSIONS));
        assertEquals(0, h.counter(Names.M_JOIN_MISSES));
    }

    /**
     * Storm XORs the id of every edge anchored to a tuple into the value its ack sends to the acker: an emit
     * anchored to a tuple already acked adds an edge the acker never sees closed, so the spout tuple times out
     * and is replayed.
     */
    @Test
    void watermarkOfAJoinedRequestIsEmittedBeforeTheRequestIsAcked() {
        prepare(LONG_WAIT);
        bolt.execute(session("s-1", "org-1", 0, 0));
        Tuple r = request(0, "s-1", B + 5_000, B + 3_000);
        bolt.execute(r);

        assertEquals(1, h.emits(Names.WATERMARK_STREAM).size());
        h.assertNoEmitAnchoredToAckedTuple();
    }

    @Test
    void unknownSessionWaitsUntilItsDeadline() {
        prepare(LONG_WAIT);
        Tuple r = request(0, "s-x", B + 5_000, B + 3_000);
        bolt.execute(r);
        assertEquals(List.of(Names.WATERMARK_STREAM), h.streams());
        assertEquals(List.of(0, B + 3_000), h.values(Names.WATERMARK_STREAM).get(0));
        h.assertPending(r);
        assertEquals(1, h.gauge(Names.M_JOIN_WAITING));

        Tuple tick = clock();
        bolt.execute(tick);
        assertEquals(List.of(Names.WATERMARK_STREAM), h.streams(), "the deadline is a minute away");
        h.assertPending(r);
        assertEquals(0, h.counter(Names.M_JOIN_MISSES));
        assertClockTupleUntouched(tick);
    }

    @Test
    void unknownSessionIsReleasedAsAMissByTheClockAfterItsDeadline() {
        prepare(0);
        Tuple r = request(1, "s-x", B + 5_000, B + 25_000);
        bolt.execute(r);
        assertEquals(List.of(Names.WATERMARK_STREAM), h.streams());
        BoltHarness.Emit held = h.emits(Names.WATERMARK_STREAM).get(0);
        assertAnchors(held, r);
        assertEquals(List.of(1, B + WINDOW - 1), held.values(), "held just below the waiting request's window end");
        h.assertPending(r);
        h.clear();

        Tuple tick = clock();
        bolt.execute(tick);

        assertEquals(List.of("default", Names.WATERMARK_STREAM), h.streams());
        BoltHarness.Emit miss = h.emits("default").get(0);
        assertAnchors(miss, r);
        assertEquals(joined(Session.UNKNOWN, r), miss.values());
        h.assertAckedOnce(r);
        BoltHarness.Emit released = h.emits(Names.WATERMARK_STREAM).get(0);
        assertAnchors(released);
        assertEquals(List.of(1, B + 25_000), released.values());
        assertEquals(1, h.counter(Names.M_JOIN_MISSES));
        assertEquals(0, h.gauge(Names.M_JOIN_WAITING));
        assertClockTupleUntouched(tick);
    }

    @Test
    void sessionRecordReleasesTheRequestsWaitingForIt() {
        prepare(LONG_WAIT);
        Tuple r1 = request(0, "s-2", B + 1_000, B + 15_000);
        Tuple r2 = request(1, "s-2", B + 12_000, B + 11_000);
        Tuple other = request(1, "s-3", B + 13_000, B + 11_000);
        bolt.execute(r1);
        bolt.execute(r2);
        bolt.execute(other);
        assertEquals(List.of(List.of(0, B + 9_999), List.of(1, B + 11_000)), h.values(Names.WATERMARK_STREAM));
        h.assertPending(r1, r2, other);
        h.clear();

        Tuple s = session("s-2", "org-2", 0, 5);
        bolt.execute(s);

        assertEquals(List.of("default", "default", Names.WATERMARK_STREAM), h.streams());
        List<BoltHarness.Emit> joins = h.emits("default");
        assertAnchors(joins.get(0), r1);
        assertEquals(joined("org-2", r1), joins.get(0).values());
        assertAnchors(joins.get(1), r2);
        assertEquals(joined("org-2", r2), joins.get(1).values());
        BoltHarness.Emit w = h.emits(Names.WATERMARK_STREAM).get(0);
        assertAnchors(w);
        assertEquals(List.of(0, B + 15_000), w.values(), "partition 0 no longer held; partition 1 still in window 1");
        h.assertAckedOnce(r1, r2, s);
        h.assertPending(other);
        assertEquals(1, h.gauge(Names.M_JOIN_WAITING));
        assertEquals(0, h.counter(Names.M_JOIN_MISSES));
    }

    @Test
    void anOlderSessionRecordOfTheSamePartitionIsIgnored() {
        prepare(LONG_WAIT);
        bolt.execute(session("s-4", "org-new", 0, 10));
        Tuple replayed = session("s-4", "org-old", 0, 9);
        bolt.execute(replayed);
        h.assertAckedOnce(replayed);
        Tuple r = request(0, "s-4", B, B);
        bolt.execute(r);
        assertEquals(joined("org-new", r), h.values("default").get(0));
    }

    @Test
    void watermarkIsForwardedOncePerWindowAndHeldBelowAWaitingRequest() {
        prepare(LONG_WAIT);
        bolt.execute(session("s-1", "org-1", 0, 0));
        bolt.execute(request(0, "s-1", B + 1_000, B + 3_000));
        assertEquals(List.of(List.of(0, B + 3_000)), h.values(Names.WATERMARK_STREAM));
        bolt.execute(request(0, "s-1", B + 2_000, B + 6_000)); // same window: nothing to forward
        assertEquals(1, h.emits(Names.WATERMARK_STREAM).size());
        bolt.execute(request(0, "s-1", B + 12_000, B + 12_000)); // crosses B + 10 s
        assertEquals(List.of(0, B + 12_000), h.values(Names.WATERMARK_STREAM).get(1));

        Tuple waiting = request(0, "s-9", B + 21_000, B + 15_000); // window [B + 20 s, B + 30 s) waits
        bolt.execute(waiting);
        assertEquals(2, h.emits(Names.WATERMARK_STREAM).size());
        bolt.execute(request(0, "s-1", B + 45_000, B + 45_000));
        assertEquals(List.of(0, B + 29_999), h.values(Names.WATERMARK_STREAM).get(2), "held below B + 30 s");
        bolt.execute(request(0, "s-1", B + 55_000, B + 55_000));
        assertEquals(3, h.emits(Names.WATERMARK_STREAM).size(), "still held");

        bolt.execute(session("s-9", "org-9", 0, 1));
        assertEquals(List.of(List.of(0, B + 3_000), List.of(0, B + 12_000), List.of(0, B + 29_999),
                List.of(0, B + 55_000)), h.values(Names.WATERMARK_STREAM));
        assertEquals(joined("org-9", waiting), h.values("default").get(5));
        h.assertAckedOnce(waiting);
        assertEquals(6, h.rec.acked.stream().filter(t -> Names.FILTER.equals(t.getSourceComponent())).count());
    }

    @Test
    void endOfInputReleasesThePartitionsWaitingRequestsAndEndsItsWatermark() {
        prepare(LONG_WAIT);
        Tuple r0 = request(0, "s-a", B + 1_000, B + 1_000);
        Tuple r1 = request(1, "s-b", B + 1_000, B + 1_000);
        bolt.execute(r0);
        bolt.execute(r1);
        h.clear();

        Tuple end = endOfInput(Names.FILTER, 0);
        bolt.execute(end);

        assertEquals(List.of("default", Names.WATERMARK_STREAM), h.streams());
        BoltHarness.Emit miss = h.emits("default").get(0);
        assertAnchors(miss, r0);
        assertEquals(joined(Session.UNKNOWN, r0), miss.values());
        BoltHarness.Emit w = h.emits(Names.WATERMARK_STREAM).get(0);
        assertAnchors(w, end);
        assertEquals(List.of(0, Long.MAX_VALUE), w.values());
        h.assertAckedOnce(r0, end);
        h.assertPending(r1);
        assertEquals(1, h.counter(Names.M_JOIN_MISSES));
        assertEquals(1, h.gauge(Names.M_JOIN_WAITING));
        h.assertNoEmitAnchoredToAckedTuple();
    }

    @Test
    void endOfInputOfAPartitionNeverSeenStillEndsItsWatermark() {
        prepare(LONG_WAIT);
        Tuple end = endOfInput(Names.FILTER, 3);
        bolt.execute(end);
        assertEquals(List.of(Names.WATERMARK_STREAM), h.streams());
        assertEquals(List.of(3, Long.MAX_VALUE), h.values(Names.WATERMARK_STREAM).get(0));
        h.assertAckedOnce(end);
    }
}
