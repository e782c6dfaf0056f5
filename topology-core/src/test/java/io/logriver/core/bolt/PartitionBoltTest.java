package io.logriver.core.bolt;

import static io.logriver.core.bolt.BoltHarness.assertAnchors;
import static io.logriver.core.bolt.BoltHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.Windows;
import io.logriver.names.Names;
import io.logriver.storm.testing.RecordingCollector;
import io.logriver.storm.spout.RewindingKafkaSpout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.storm.state.InMemoryKeyValueState;
import org.apache.storm.state.KeyValueState;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.Test;

class PartitionBoltTest {
    private static final long B = 1_700_000_000_000L; // a window start (10 s windows)
    private static final PartitionBolt.Topics TOPICS = new PartitionBolt.Topics("weblogs", "dlq");

    private static PartitionBolt bolt(boolean durable) {
        return new PartitionBolt(new Windows(10_000), 2_000, FutureTimeRule.OFF, 60_000, 100, TOPICS,
                SessionSnapshot.none(), durable, "none");
    }

    /** A record as parse passes it on, read by the given spout incarnation. */
    private static Tuple parsed(int partition, long offset, long eventTime, String session, String verdict, long incarnation) {
        String json = "{\"startMillis\":" + eventTime + ",\"webURL\":\"/a?q\",\"sessionID\":\"" + session + "\"}";
        Request r = Names.VALID.equals(verdict) ? new Request(eventTime, "/a?q", session, 40 + offset, "INFO", 200) : null;
        return tuple(Names.PARSE, "default", ParseBolt.FIELDS, partition, offset, json.getBytes(StandardCharsets.UTF_8),
                verdict, r, -1L, -1L, incarnation);
    }

    private static Tuple session(String id, String org) {
        return tuple(Names.PARSE_SESSIONS, "default", new Fields(Names.PARTITION, Names.OFFSET, Names.SESSION), 0, 0L,
                new Session(id, "u", org));
    }

    @Test
    void recordsAreCountedOnceEachAndDeadLettersCarryTheirBytesAndCoordinates() {
        PartitionBolt bolt = bolt(false);
        BoltHarness h = BoltHarness.prepared(bolt);
        bolt.execute(session("s1", "org-a"));
        Tuple ok = parsed(0, 1, B + 1_000, "s1", Names.VALID, 0);
        Tuple invalid = parsed(0, 2, 0, "s1", "malformed-field:timestamp", 0);
        Tuple filtered = parsed(0, 3, B + 1_000, "s1", Names.FILTERED, 0);
        Tuple ahead = parsed(0, 4, B + 15_000, "s1", Names.VALID, 0);
        Tuple late = parsed(0, 5, B + 2_000, "s1", Names.VALID, 0);
        for (Tuple t : List.of(ok, invalid, filtered, ahead, late)) {
            bolt.execute(t);
        }
        h.assertAckedOnce(ok, invalid, filtered, ahead, late);
        assertEquals(5, h.counter(Names.M_READ));
        assertEquals(1, h.counter(Names.M_INVALID));
        assertEquals(1, h.counter(Names.M_FILTERED));
        assertEquals(1, h.counter(Names.M_LATE));
        assertEquals(2, h.counter(Names.M_AGGREGATED));
        String dlq = (String) h.values(Names.INVALID_STREAM).get(0).get(2);
        assertTrue(dlq.startsWith("{\"reason\":\"malformed-field:timestamp\",\"topic\":\"weblogs\",\"partition\":0,"
                + "\"offset\":2,\"payload\":\"{\\\"startMillis\\\":0,"), dlq);
        assertEquals(List.of("dlq", "weblogs-0-5"), h.values(Names.LATE_STREAM).get(0).subList(0, 2));
        // the window [B, B+10s) became final for partition 0 with the record at B+15s: its share, then the watermark
        RecordingCollector.Emit share = h.emits("default").get(0);
        assertAnchors(share, ahead);
        assertEquals(List.of(B, "org-a", "/a", 0), share.values().subList(0, 4));
        assertEquals(new DurationStats.Summary(1, 0, 41, 41, 41, 41), ((DurationStats) share.values().get(4)).summarize());
        assertEquals(List.of(List.of(0, B - 1_000), List.of(0, B + 13_000)), h.values(Names.WATERMARK_STREAM),
                "the first watermark, then each time another window becomes final");
    }

    @Test
    void processingLatencyLeavesOutTheWaitForTheSessionWhichIsAFigureOfItsOwn() {
        PartitionBolt bolt = bolt(false);
        BoltHarness h = BoltHarness.prepared(bolt);
        bolt.execute(session("s1", "org-a"));
        long emitted = System.nanoTime();
        bolt.execute(stamped(parsed(0, 1, B + 1_000, "s1", Names.VALID, 0), emitted));
        assertEquals(1, h.histograms.get(Names.M_LATENCY_US).getCount());
        assertEquals(0, h.histograms.get(Names.M_JOIN_WAIT_US).getCount(), "joined at once: no wait");
        bolt.execute(stamped(parsed(0, 2, B + 1_000, "s2", Names.VALID, 0), emitted));
        assertEquals(1, h.histograms.get(Names.M_LATENCY_US).getCount(), "waiting: not applied yet");
        bolt.execute(session("s2", "org-b"));
        assertEquals(2, h.histograms.get(Names.M_LATENCY_US).getCount());
        assertEquals(1, h.histograms.get(Names.M_JOIN_WAIT_US).getCount(), "applied once its session came");
        assertEquals(2, h.counter(Names.M_AGGREGATED));
    }

    @Test
    void theSessionSnapshotIsInTheTableBeforeTheFirstRecordSoItsRequestsJoinWithoutWaiting() {
        PartitionBolt bolt = new PartitionBolt(new Windows(10_000), 2_000, FutureTimeRule.OFF, 60_000, 100, TOPICS,
                SessionSnapshot.of(List.of("{\"sessionID\":\"s1\",\"userID\":\"u\",\"orgID\":\"org-a\"}"
                        .getBytes(StandardCharsets.UTF_8))), false, "none");
        BoltHarness h = BoltHarness.prepared(bolt);
        bolt.execute(parsed(0, 1, B + 1_000, "s1", Names.VALID, 0));
        bolt.execute(parsed(0, 2, B + 15_000, "s1", Names.VALID, 0));
        assertEquals(0, h.counter(Names.M_JOIN_MISSES));
        assertEquals(0, h.histograms.get(Names.M_JOIN_WAIT_US).getCount(), "joined at once: no wait");
        assertEquals(List.of(B, "org-a", "/a", 0), h.emits("default").get(0).values().subList(0, 4));
    }

    /** The tuple with the spout's emit time set. */
    private static Tuple stamped(Tuple parsed, long emitNanos) {
        List<Object> v = new ArrayList<>(parsed.getValues());
        v.set(ParseBolt.FIELDS.fieldIndex(Names.EMIT_NANOS), emitNanos);
        return tuple(Names.PARSE, "default", ParseBolt.FIELDS, v.toArray());
    }

    @Test
    void durableReplaysOfTakenOffsetsAreAckedUncountedAndOldIncarnationsAreFailed() {
        PartitionBolt bolt = bolt(true);
        BoltHarness h = BoltHarness.prepared(bolt);
        bolt.initState(new InMemoryKeyValueState<>());
        long now = RewindingKafkaSpout.nextIncarnation();
        Tuple before = parsed(0, 1, B, "s1", Names.VALID, now - 1_000_000); // an incarnation begun before the restore
        bolt.execute(before);
        assertEquals(List.of(before), h.rec.failed);
        long inc = RewindingKafkaSpout.nextIncarnation();
        Tuple first = parsed(0, 1, B, "s1", Names.VALID, inc);
        Tuple again = parsed(0, 1, B, "s1", Names.VALID, inc);
        bolt.execute(first);
        bolt.execute(again);
        h.assertAckedOnce(first, again);
        assertEquals(1, h.counter(Names.M_READ));
        assertEquals(1, h.counter(Names.M_REPLAYED));
        assertEquals(1, h.counter(Names.M_REWOUND));
        Tuple newer = parsed(1, 7, B, "s1", Names.VALID, inc + 5);
        Tuple older = parsed(1, 8, B, "s1", Names.VALID, inc);
        bolt.execute(newer);
        bolt.execute(older);
        h.assertAckedOnce(newer);
        assertEquals(List.of(before, older), h.rec.failed, "a partition reads from its newest incarnation only");
    }

    @Test
    void aStageRestoredFromItsCheckpointGoesOnAsIfNothingHappened() {
        List<Tuple> input = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            input.add(parsed(0, i, B + i * 700L, i % 7 == 0 ? "ghost" : "s1", Names.VALID, 0));
        }
        List<List<Object>> uninterrupted = shares(input, -1);
        List<List<Object>> restored = shares(input, 20);
        assertEquals(uninterrupted, restored);
        assertTrue(uninterrupted.size() >= 4, "shares: " + uninterrupted);
    }

    /** The shares emitted for the input, by one stage, or (after {@code crashAt}) by a second restored from a checkpoint. */
    private static List<List<Object>> shares(List<Tuple> input, int crashAt) {
        KeyValueState<String, byte[]> state = new InMemoryKeyValueState<>();
        PartitionBolt bolt = bolt(true);
        BoltHarness h = BoltHarness.prepared(bolt);
        bolt.initState(state);
        bolt.execute(session("s1", "org-a"));
        long inc = RewindingKafkaSpout.nextIncarnation();
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            if (i == crashAt) {
                bolt.prePrepare(1);
                state.prepareCommit(1);
                state.commit(1);
                out.addAll(h.values("default"));
                bolt = bolt(true); // a new worker: same checkpoint, the records after it again
                h = BoltHarness.prepared(bolt);
                bolt.initState(state);
                bolt.execute(session("s1", "org-a"));
                inc = RewindingKafkaSpout.nextIncarnation();
                for (Tuple t : input.subList(crashAt - 5, crashAt)) { // the committed offsets lag the checkpoint
                    bolt.execute(reincarnated(t, inc));
                }
            }
            bolt.execute(reincarnated(input.get(i), inc));
        }
        bolt.execute(tuple(Names.PARSE, "default", ParseBolt.FIELDS, 0, (long) input.size(), new byte[0],
                Names.END_OF_INPUT, null, -1L, -1L, inc));
        out.addAll(h.values("default"));
        return out.stream().map(v -> List.of(v.get(0), v.get(1), v.get(2), v.get(3),
                ((DurationStats) v.get(4)).summarize())).toList();
    }

    private static Tuple reincarnated(Tuple t, long incarnation) {
        List<Object> v = new ArrayList<>(t.getValues());
        v.set(7, incarnation);
        return tuple(Names.PARSE, "default", ParseBolt.FIELDS, v.toArray());
    }
}
