package io.logriver.core;

import static io.logriver.core.BoltHarness.assertAnchors;
import static io.logriver.core.BoltHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.Windows;
import java.util.List;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.Test;

class AggregateBoltTest {

    private static final long B = 1_700_000_000_000L; // 2023-11-14T22:13:20Z, a window start (10 s windows)
    private static final Fields JOINED = new Fields(Names.ORG_ID, Names.URL_KEY, Names.WINDOW_START, "durationMillis",
            "error", Names.EMIT_NANOS, Names.SCHED_NANOS);
    private static final Fields WATERMARK = new Fields(Names.PARTITION, Names.WATERMARK);

    private final AggregateBolt bolt = new AggregateBolt(new Windows(10_000), 2, "weblog-stats", "weblogs", "dlq", false);
    private final BoltHarness h = BoltHarness.prepared(bolt);

    private static Tuple joined(String org, String url, long windowStart, long duration, boolean error) {
        return tuple(Names.JOIN, "default", JOINED, org, url, windowStart, duration, error, System.nanoTime(), -1L);
    }

    private static Tuple watermark(int partition, long watermark) {
        return tuple(Names.JOIN, Names.WATERMARK_STREAM, WATERMARK, partition, watermark);
    }

    private Tuple[] add(Tuple... ts) {
        for (Tuple t : ts) {
            bolt.execute(t);
        }
        return ts;
    }

    @Test
    void windowIsEmittedOnceEveryPartitionWatermarkPassesItsEnd() {
        Tuple[] records = add(joined("org-1", "/a", B, 100, false), joined("org-1", "/a", B, 300, true),
                joined("org-1", "/a", B, 200, false), joined("org-0", "/b", B, 7, false),
                joined("org-1", "/a", B + 10_000, 50, false));
        assertEquals(List.of(), h.streams());
        h.assertAckedOnce(records);
        assertEquals(5, h.counter(Names.M_AGGREGATED));
        assertEquals(5, h.histograms.get(Names.M_LATENCY_US).getCount());
        assertEquals(3, h.gauge(Names.M_OPEN_WINDOW_KEYS));

        Tuple w0 = watermark(0, B + 10_000);
        Tuple w1early = watermark(1, B + 9_999);
        bolt.execute(w0);
        bolt.execute(w1early);
        assertEquals(List.of(), h.streams(), "partition 1 has not passed the window end");

        Tuple w1 = watermark(1, B + 10_000);
        bolt.execute(w1);

        assertEquals(List.of(Names.WINDOWS_STREAM, Names.WINDOWS_STREAM), h.streams());
        List<BoltHarness.Emit> out = h.emits(Names.WINDOWS_STREAM);
        assertAnchors(out.get(0), w1);
        assertAnchors(out.get(1), w1);
        assertEquals(List.of("weblog-stats", B + "|org-0|/b",
                "{\"windowStart\":\"2023-11-14T22:13:20Z\",\"windowEnd\":\"2023-11-14T22:13:30Z\",\"orgID\":\"org-0\","
                        + "\"webURL\":\"/b\",\"count\":1,\"errors\":0,\"p50\":7,\"p95\":7,\"p99\":7,\"max\":7,"
                        + "\"final\":true}"), out.get(0).values());
        assertEquals(List.of("weblog-stats", B + "|org-1|/a",
                "{\"windowStart\":\"2023-11-14T22:13:20Z\",\"windowEnd\":\"2023-11-14T22:13:30Z\",\"orgID\":\"org-1\","
                        + "\"webURL\":\"/a\",\"count\":3,\"errors\":1,\"p50\":200,\"p95\":300,\"p99\":300,\"max\":300,"
                        + "\"final\":true}"), out.get(1).values());
        h.assertAckedOnce(w0, w1early, w1);
        assertEquals(2, h.counter(Names.M_WINDOWS));
        assertEquals(1, h.gauge(Names.M_OPEN_WINDOW_KEYS));
        h.assertNoEmitAnchoredToAckedTuple();
    }

    @Test
    void recordOfAClosedWindowIsDeadLetteredAsLate() {
        add(watermark(0, B + 10_000), watermark(1, B + 10_000));
        Tuple late = joined("org-1", "/a", B, 42, false);
        bolt.execute(late);

        assertEquals(List.of(Names.LATE_STREAM), h.streams());
        BoltHarness.Emit e = h.emits(Names.LATE_STREAM).get(0);
        assertAnchors(e, late);
        assertEquals(List.of("dlq", "weblogs--1--1",
                "{\"reason\":\"late\",\"topic\":\"weblogs\",\"partition\":-1,\"offset\":-1,\"payload\":"
                        + "\"WindowKey[windowStart=" + B + ", orgID=org-1, webURL=/a] durationMillis=42\"}"),
                e.values());
        h.assertAckedOnce(late);
        assertEquals(1, h.counter(Names.M_LATE));
        assertEquals(0, h.counter(Names.M_AGGREGATED));
        assertEquals(0, h.gauge(Names.M_OPEN_WINDOW_KEYS));
    }

    @Test
    void endMarkerIsEmittedOnceWhenEveryPartitionHasEnded() {
        add(joined("org-1", "/a", B, 100, false), joined("org-2", "/a", B + 30_000, 5, true));
        Tuple end0 = watermark(0, Long.MAX_VALUE);
        bolt.execute(end0);
        assertEquals(List.of(), h.streams(), "partition 1 has no watermark yet");

        Tuple end1 = watermark(1, Long.MAX_VALUE);
        bolt.execute(end1);
        assertEquals(List.of(Names.WINDOWS_STREAM, Names.WINDOWS_STREAM, Names.END_STREAM), h.streams(),
                "every window closes, then the marker follows them");
        assertEquals(List.of(B + "|org-1|/a", (B + 30_000) + "|org-2|/a"),
                h.values(Names.WINDOWS_STREAM).stream().map(v -> v.get(1)).toList());
        BoltHarness.Emit end = h.emits(Names.END_STREAM).get(0);
        assertAnchors(end, end1);
        assertEquals(List.of(-1), end.values());

        Tuple again = watermark(1, Long.MAX_VALUE);
        bolt.execute(again);
        assertEquals(1, h.emits(Names.END_STREAM).size(), "the marker is emitted once");
        h.assertAckedOnce(end0, end1, again);
        assertEquals(2, h.counter(Names.M_WINDOWS));
    }

    @Test
    void noEndMarkerWhileOnePartitionIsNotEnded() {
        add(watermark(0, Long.MAX_VALUE), watermark(1, B + 50_000));
        assertEquals(List.of(), h.streams());
        bolt.execute(watermark(1, Long.MAX_VALUE));
        assertEquals(List.of(Names.END_STREAM), h.streams());
    }
}
