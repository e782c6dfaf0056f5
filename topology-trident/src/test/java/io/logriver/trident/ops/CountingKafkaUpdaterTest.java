package io.logriver.trident.ops;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.logriver.names.Names;
import io.logriver.trident.TridentHarness;
import java.util.HashMap;
import java.util.List;
import org.apache.storm.kafka.trident.TridentKafkaState;
import org.apache.storm.topology.FailedException;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

class CountingKafkaUpdaterTest {
    private static final Fields ROW = new Fields(Names.KEY, Names.MESSAGE);

    @SuppressWarnings("unchecked") // a mock of the generic Kafka state
    private final TridentKafkaState<String, String> kafka = mock(TridentKafkaState.class);
    private final CountingKafkaUpdater updater = new CountingKafkaUpdater("stats");
    private final TridentHarness h = new TridentHarness();

    CountingKafkaUpdaterTest() {
        updater.prepare(new HashMap<>(), h.context);
    }

    @Test
    void writesTheBatchThroughTheKafkaStateAndCountsItsRows() {
        List<TridentTuple> rows = List.of(tuple(ROW, "k1", "m1"), tuple(ROW, "k2", "m2"));
        updater.updateState(kafka, rows, h.rows);
        updater.updateState(kafka, List.of(tuple(ROW, "k3", "m3")), h.rows);

        verify(kafka).updateState(rows, h.rows);
        assertEquals(3, h.counter(Names.M_SINK_WRITTEN + ".stats"));
    }

    @Test
    void batchKafkaFailedToWriteIsNotCounted() {
        doThrow(new FailedException("not acknowledged")).when(kafka).updateState(anyList(), any());

        assertThrows(FailedException.class, () -> updater.updateState(kafka, List.of(tuple(ROW, "k", "m")), h.rows));
        assertEquals(0, h.counter(Names.M_SINK_WRITTEN + ".stats"));
    }
}
