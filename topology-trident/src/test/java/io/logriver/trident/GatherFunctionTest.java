package io.logriver.trident;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.core.bolt.PartitionBolt;
import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.parse.Request;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operations that gather a batch for a state ({@link CollectArrivals}, {@link MergerInput}) and split its output ({@link StageRows}). */
class GatherFunctionTest {
    private final TridentHarness h = new TridentHarness();

    private static Object[] record(int partition, long offset) {
        return new Object[] {partition, offset, new byte[0], new Request(1_000, "/a", "s", 1, "INFO", 200), null, 5L, -1L,
            false};
    }

    @Test
    void collectArrivalsGivesOneRowPerBatchInOffsetOrderPerPartition() {
        CollectArrivals c = new CollectArrivals();
        List<Arrival> batch = c.init(1L, h.rows);
        for (Object[] r : List.of(record(1, 7), record(0, 9), record(1, 3), record(0, 2))) {
            c.aggregate(batch, tuple(CollectArrivals.INPUT, r), h.rows);
        }
        c.complete(batch, h.rows);

        assertEquals(1, h.emitted().size());
        @SuppressWarnings("unchecked")
        List<Arrival> row = (List<Arrival>) h.emitted().get(0).get(0);
        assertEquals(List.of("0@2", "0@9", "1@3", "1@7"), row.stream().map(a -> a.partition() + "@" + a.offset()).toList());
    }

    @Test
    void anEmptyBatchStillGivesARowSoTheStateSeesEveryBatch() {
        CollectArrivals c = new CollectArrivals();
        c.complete(c.init(1L, h.rows), h.rows);
        MergerInput m = new MergerInput();
        m.complete(m.init(h.rows), h.rows);

        assertEquals(List.of(List.of(List.of()), List.of(new StageOutput())), h.emitted());
    }

    @Test
    void mergerInputGathersSharesAndWatermarksOfBothStreams() {
        MergerInput m = new MergerInput();
        StageOutput batch = m.init(h.rows);
        DurationStats stats = new DurationStats();
        stats.add(5, false);
        m.execute(batch, 0, tuple(PartitionBolt.PARTIAL, 10_000L, "acme", "/a", 1, stats), h.rows);
        m.execute(batch, 1, tuple(StageRows.Part.WATERMARKS.fields, 1, 20_000L), h.rows);

        assertEquals(List.of(new StageOutput.Share(1, new WindowKey(10_000, "acme", "/a"), stats)), batch.shares());
        assertEquals(List.of(new StageOutput.Watermark(1, 20_000)), batch.watermarks());
    }

    @Test
    void stageRowsSplitTheStageOutputIntoPlainRows() {
        StageOutput out = new StageOutput();
        DurationStats stats = new DurationStats();
        out.shares().add(new StageOutput.Share(0, new WindowKey(0, "acme", "/a"), stats));
        out.watermarks().add(new StageOutput.Watermark(0, 15_000));
        DeadLetter late = new DeadLetter(DeadLetter.LATE, "weblogs", 0, 4, "{}");
        out.late().add(late);

        assertEquals(List.of(List.of(0L, "acme", "/a", 0, stats)), rows(out, StageRows.Part.SHARES));
        assertEquals(List.of(List.of(0, 15_000L)), rows(out, StageRows.Part.WATERMARKS));
        assertEquals(List.of(List.of(late.kafkaKey(), late.toJson())), rows(out, StageRows.Part.LATE));
    }

    private List<List<Object>> rows(StageOutput out, StageRows.Part part) {
        h.clear();
        new StageRows(part).execute(tuple(StageUpdater.OUTPUT, out), h.rows);
        h.emitted().forEach(r -> assertEquals(part.fields.size(), r.size()));
        return List.copyOf(h.emitted());
    }
}
