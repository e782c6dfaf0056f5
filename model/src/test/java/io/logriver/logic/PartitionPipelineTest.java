package io.logriver.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowKey;
import io.logriver.logic.window.WindowMerger;
import io.logriver.logic.window.WindowResult;
import io.logriver.logic.window.Windows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PartitionPipelineTest {
    private static final Windows W = new Windows(10_000);

    /** Collects what the stage sends downstream and feeds it to a merger, as the topology does. */
    static final class Downstream implements PartitionPipeline.Output {
        final WindowMerger merger;
        final List<WindowResult> windows = new ArrayList<>();
        final List<String> applied = new ArrayList<>();
        /** The requests applied after waiting for their session. */
        final List<String> waited = new ArrayList<>();

        Downstream(WindowMerger merger) {
            this.merger = merger;
        }

        @Override
        public void applied(Pending p, Session s, boolean joined, boolean waited) {
            applied.add(p.partition() + "@" + p.offset() + ":" + s.orgID());
            if (waited) {
                this.waited.add(p.partition() + "@" + p.offset());
            }
        }

        @Override
        public void partial(int partition, WindowKey key, DurationStats stats) {
            merger.offer(partition, key, stats);
        }

        @Override
        public void watermark(int partition, long watermark) {
            windows.addAll(merger.advance(partition, watermark));
        }
    }

    private static SessionTable sessions() {
        SessionTable t = new SessionTable();
        t.apply(new Session("s1", "u1", "org-a"), 0, 0);
        t.apply(new Session("s2", "u2", "org-b"), 0, 1);
        return t;
    }

    private static Pending req(int partition, long offset, long eventTime, String session, long duration) {
        Request r = new Request(eventTime, "/app/x?q=1", session, duration, "INFO", 200);
        return new Pending(partition, offset, r, -1, -1, -1);
    }

    @Test
    void requestsAreAddedToTheirPartitionsShareAndMergedOnceEveryPartitionPassesTheWindow() {
        Downstream out = new Downstream(new WindowMerger(W, 2));
        PartitionPipeline stage = new PartitionPipeline(W, 5_000, FutureTimeRule.OFF, sessions(), 2_000);
        assertEquals(PartitionPipeline.Outcome.APPLIED, stage.offer(req(0, 0, 1_000, "s1", 10), 0, out));
        assertEquals(PartitionPipeline.Outcome.APPLIED, stage.offer(req(1, 0, 2_000, "s1", 30), 0, out));
        assertEquals(PartitionPipeline.Outcome.APPLIED, stage.offer(req(0, 1, 16_000, "s1", 20), 0, out));
        assertTrue(out.windows.isEmpty(), "partition 1 has not passed the first window yet");
        stage.offer(req(1, 1, 15_000, "s2", 5), 0, out);
        assertEquals(1, out.windows.size());
        WindowResult r = out.windows.get(0);
        assertEquals(new WindowKey(0, "org-a", "/app/x"), r.key());
        assertEquals(new DurationStats.Summary(2, 0, 10, 30, 30, 30), r.stats());
        assertEquals(PartitionPipeline.Outcome.LATE, stage.offer(req(0, 2, 3_000, "s1", 1), 0, out));
    }

    @Test
    void aReplayedOffsetIsNotAdmittedTwice() {
        PartitionPipeline stage = new PartitionPipeline(W, 5_000, FutureTimeRule.OFF, sessions(), 2_000);
        assertTrue(stage.admit(0, 5));
        assertFalse(stage.admit(0, 5));
        assertFalse(stage.admit(0, 3));
        assertTrue(stage.admit(1, 0));
        assertTrue(stage.admit(0, 9));
    }

    @Test
    void aWaitingRequestHoldsItsWindowOpenUntilItsSessionComes() {
        Downstream out = new Downstream(new WindowMerger(W, 1));
        PartitionPipeline stage = new PartitionPipeline(W, 5_000, FutureTimeRule.OFF, sessions(), 2_000);
        assertEquals(PartitionPipeline.Outcome.WAITING, stage.offer(req(0, 0, 1_000, "s9", 7), 0, out));
        stage.offer(req(0, 1, 40_000, "s1", 1), 10, out);
        assertTrue(out.windows.isEmpty());
        stage.onSession(new Session("s9", "u9", "org-late"), 0, 5, out);
        assertEquals(List.of(new WindowKey(0, "org-late", "/app/x")), out.windows.stream().map(WindowResult::key).toList());
    }

    @Test
    void aRequestWhoseSessionNeverComesIsAMissAfterTheWait() {
        Downstream out = new Downstream(new WindowMerger(W, 1));
        PartitionPipeline stage = new PartitionPipeline(W, 5_000, FutureTimeRule.OFF, sessions(), 2_000);
        stage.offer(req(0, 0, 1_000, "ghost", 7), 100, out);
        stage.expire(2_099, out);
        assertEquals(0, out.applied.size());
        stage.expire(2_100, out);
        assertEquals(List.of("0@0:unknown"), out.applied);
        stage.end(0, out);
        assertEquals(new WindowKey(0, Session.UNKNOWN, "/app/x"), out.windows.get(0).key());
    }

    @Test
    void aRequestJoinedElsewhereIsAppliedAtOnceOrLateAndNothingWaits() {
        Downstream out = new Downstream(new WindowMerger(W, 1));
        PartitionPipeline stage = new PartitionPipeline(W, 5_000, FutureTimeRule.OFF, new SessionTable(), 2_000);
        Pending known = req(0, 0, 1_000, "s1", 7);
        Pending ghost = req(0, 1, 2_000, "ghost", 9);
        assertEquals(PartitionPipeline.Outcome.APPLIED,
                stage.offerJoined(known, new Session("s1", "u1", "org-a"), true, out));
        assertEquals(PartitionPipeline.Outcome.APPLIED, stage.offerJoined(ghost, Session.unknown("ghost"), false, out));
        assertEquals(List.of("0@0:org-a", "0@1:unknown"), out.applied);
        assertEquals(0, stage.waiting());
        assertTrue(out.windows.isEmpty());

        stage.offerJoined(req(0, 2, 15_000, "s1", 1), new Session("s1", "u1", "org-a"), true, out);
        assertEquals(List.of(new WindowKey(0, "org-a", "/app/x"), new WindowKey(0, Session.UNKNOWN, "/app/x")),
                out.windows.stream().map(WindowResult::key).toList(), "the watermark passed the first window");
        assertEquals(PartitionPipeline.Outcome.LATE,
                stage.offerJoined(req(0, 3, 4_000, "s1", 1), new Session("s1", "u1", "org-a"), true, out));
    }

    @Test
    void theStageSaysWhichRequestsWaitedForTheirSession() {
        Downstream out = new Downstream(new WindowMerger(W, 1));
        PartitionPipeline stage = new PartitionPipeline(W, 5_000, FutureTimeRule.OFF, sessions(), 2_000);
        stage.offer(req(0, 0, 1_000, "s1", 7), 0, out); // known: joined at once
        stage.offer(req(0, 1, 1_000, "s9", 7), 0, out); // joined when its session comes
        stage.offer(req(0, 2, 1_000, "ghost", 7), 0, out); // a miss after the wait
        stage.onSession(new Session("s9", "u9", "org-c"), 0, 5, out);
        stage.expire(2_000, out);
        assertEquals(List.of("0@0:org-a", "0@1:org-c", "0@2:unknown"), out.applied);
        assertEquals(List.of("0@1", "0@2"), out.waited);
    }

    /** A stream of two partitions: in time, a little disorder, some late records, some unknown sessions. */
    private static List<Pending> stream(int n) {
        java.util.Random rnd = new java.util.Random(5);
        List<Pending> l = new ArrayList<>();
        long[] offsets = new long[2];
        for (int i = 0; i < n; i++) {
            int p = rnd.nextInt(2);
            long t = i * 400L + rnd.nextInt(3_000) - (rnd.nextInt(30) == 0 ? 20_000 : 0);
            String s = rnd.nextInt(20) == 0 ? "ghost" : "s" + (1 + rnd.nextInt(2));
            l.add(req(p, offsets[p]++, Math.max(0, t), s, rnd.nextInt(500)));
        }
        return l;
    }

    private static Map<String, String> run(List<Pending> input, int crashAfter, int checkpointAt, long[] replayFrom) {
        Map<String, byte[]> stageStore = new TreeMap<>();
        Map<String, byte[]> mergerStore = new TreeMap<>();
        Downstream out = new Downstream(new WindowMerger(W, 2));
        PartitionPipeline stage = new PartitionPipeline(W, 5_000, FutureTimeRule.OFF, sessions(), 2_000);
        Map<String, String> results = new TreeMap<>();
        long now = 0;
        for (int i = 0; i < input.size(); i++) {
            if (i == checkpointAt) {
                stage.checkpoint().changes(stageStore::put, stageStore::remove);
                out.merger.changes(mergerStore::put, mergerStore::remove);
            }
            if (i == crashAfter) {
                out.windows.forEach(w -> results.put(w.kafkaKey(), w.toJson()));
                WindowMerger merger = new WindowMerger(W, 2);
                merger.restore(mergerStore.entrySet());
                out = new Downstream(merger);
                stage = new PartitionPipeline(W, 5_000, FutureTimeRule.OFF, sessions(), 2_000);
                stage.checkpoint().restore(stageStore.entrySet(), now, out);
                for (Pending p : input.subList(0, i)) { // the spout starts again from its committed offsets
                    if (p.offset() >= replayFrom[p.partition()] && stage.admit(p.partition(), p.offset())) {
                        stage.offer(p, now, out);
                    }
                }
            }
            Pending p = input.get(i);
            now += 1;
            stage.expire(now, out);
            if (stage.admit(p.partition(), p.offset())) {
                stage.offer(p, now, out);
            }
        }
        stage.end(0, out);
        stage.end(1, out);
        out.windows.forEach(w -> results.put(w.kafkaKey(), w.toJson()));
        return results;
    }

    @Test
    void aCrashAfterACheckpointAndAReplayFromEarlierOffsetsGiveTheSameWindows() {
        List<Pending> input = stream(3_000);
        Map<String, String> expected = run(input, -1, -1, null);
        assertTrue(expected.size() > 100, "windows: " + expected.size());
        for (int[] c : new int[][] {{500, 400}, {1_500, 100}, {2_999, 2_000}, {1_000, 1_000}}) {
            int crashAfter = c[0];
            int checkpointAt = c[1];
            // the committed offsets lag the checkpoint: replay from some way before it
            long[] replayFrom = new long[2];
            for (Pending p : input.subList(0, Math.max(0, checkpointAt - 300))) {
                replayFrom[p.partition()] = p.offset() + 1;
            }
            assertEquals(expected, run(input, crashAfter, checkpointAt, replayFrom),
                    "crash after " + crashAfter + ", checkpoint at " + checkpointAt);
        }
    }
}
