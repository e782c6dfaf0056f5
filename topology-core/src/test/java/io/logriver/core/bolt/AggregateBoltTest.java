package io.logriver.core.bolt;

import static io.logriver.core.bolt.BoltHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.Windows;
import io.logriver.names.Names;
import java.util.List;
import org.apache.storm.state.InMemoryKeyValueState;
import org.apache.storm.state.KeyValueState;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.Test;

class AggregateBoltTest {
    private static final long B = 1_700_000_000_000L;
    private static final String WINDOW = "{\"windowStart\":\"2023-11-14T22:13:20Z\",\"windowEnd\":\"2023-11-14T22:13:30Z\","
            + "\"orgID\":\"org-a\",\"webURL\":\"/a\",\"count\":3,\"errors\":1,\"p50\":20,\"p95\":30,\"p99\":30,\"max\":30,"
            + "\"final\":true}";

    private static Tuple share(int partition, long... durations) {
        DurationStats s = new DurationStats();
        for (long d : durations) {
            s.add(d, d == 30);
        }
        return tuple(Names.PARTITION_STAGE, "default", PartitionBolt.PARTIAL, B, "org-a", "/a", partition, s);
    }

    private static Tuple watermark(int partition, long watermark) {
        return tuple(Names.PARTITION_STAGE, Names.WATERMARK_STREAM, new Fields(Names.PARTITION, Names.WATERMARK),
                partition, watermark);
    }

    @Test
    void theSharesOfEveryPartitionAddUpOnceTheLowestWatermarkPassesTheWindow() {
        AggregateBolt bolt = new AggregateBolt(new Windows(10_000), 2, "stats", false);
        BoltHarness h = BoltHarness.prepared(bolt);
        bolt.execute(share(0, 10, 20));
        bolt.execute(watermark(0, B + 10_000));
        bolt.execute(share(1, 30));
        bolt.execute(share(1, 30)); // the same share again (a replay): stored under its partition, counted once
        assertEquals(List.of(), h.values(Names.WINDOWS_STREAM));
        Tuple last = watermark(1, B + 12_000);
        bolt.execute(last);
        assertEquals(List.of(List.of("stats", B + "|org-a|/a", WINDOW)), h.values(Names.WINDOWS_STREAM));
        bolt.execute(share(0, 99));
        assertEquals(1, h.counter(Names.M_REPLAYED), "a share of a window already emitted");
        assertEquals(1, h.counter(Names.M_WINDOWS));
    }

    @Test
    void aRestoredAggregatorHoldsTheSharesOfItsCheckpoint() {
        KeyValueState<String, byte[]> state = new InMemoryKeyValueState<>();
        AggregateBolt first = new AggregateBolt(new Windows(10_000), 2, "stats", true);
        BoltHarness.prepared(first);
        first.initState(state);
        first.execute(share(0, 10, 20));
        first.execute(watermark(0, B + 10_000));
        first.execute(share(1, 30));
        first.prePrepare(1);
        AggregateBolt second = new AggregateBolt(new Windows(10_000), 2, "stats", true);
        BoltHarness h = BoltHarness.prepared(second);
        second.initState(state);
        second.execute(watermark(1, B + 12_000));
        assertEquals(List.of(List.of("stats", B + "|org-a|/a", WINDOW)), h.values(Names.WINDOWS_STREAM));
    }
}
