package io.logriver.trident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.UniformReservoir;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.core.KafkaRecordTranslator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.operation.TridentOperationContext;
import org.apache.storm.trident.state.State;
import org.apache.storm.trident.state.StateUpdater;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.trident.tuple.TridentTupleView;
import org.apache.storm.tuple.Fields;

/**
 * Runs one Trident operation outside Storm: a mocked {@link TridentOperationContext} whose metrics are real (and
 * kept, by name, for the assertions) and a collector that records, in order, every row emitted.
 */
public final class TridentHarness {

    /** Every row an operation emitted, in order. */
    public static final class Rows implements TridentCollector {
        final List<List<Object>> emitted = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();

        @Override
        public void emit(List<Object> values) {
            emitted.add(new ArrayList<>(values));
        }

        @Override
        public void flush() {
        }

        @Override
        public void reportError(Throwable t) {
            errors.add(t);
        }
    }

    public final Rows rows = new Rows();
    public final TridentOperationContext context = mock(TridentOperationContext.class);
    public final Map<String, Counter> counters = new HashMap<>();
    public final Map<String, Histogram> histograms = new HashMap<>();

    public TridentHarness() {
        when(context.registerCounter(anyString())).thenAnswer(i -> counters.computeIfAbsent(i.getArgument(0),
                n -> new Counter()));
        when(context.registerHistogram(anyString())).thenAnswer(i -> histograms.computeIfAbsent(i.getArgument(0),
                n -> new Histogram(new UniformReservoir())));
    }

    public long counter(String name) {
        Counter c = counters.get(name);
        return c == null ? 0 : c.getCount();
    }

    public long histogramCount(String name) {
        Histogram h = histograms.get(name);
        return h == null ? 0 : h.getCount();
    }

    public List<List<Object>> emitted() {
        return rows.emitted;
    }

    /** The rows whose first value (the kind of row, or the sink) is {@code kind}. */
    public List<List<Object>> rows(String kind) {
        return rows.emitted.stream().filter(r -> kind.equals(r.get(0))).toList();
    }

    public void clear() {
        rows.emitted.clear();
    }

    /**
     * Runs one batch through a state and its updater as Trident's commit does (begin, update, commit) and returns
     * the rows emitted, each checked to hold one value per output field.
     */
    public <S extends State> List<List<Object>> commit(S state, StateUpdater<S> updater, Fields output, long txid,
                                               TridentTuple... tuples) {
        clear();
        state.beginCommit(txid);
        updater.updateState(state, List.of(tuples), rows);
        state.commit(txid);
        for (List<Object> row : emitted()) {
            assertEquals(output.size(), row.size(), "one value per output field: " + row);
        }
        return emitted();
    }

    // ---- tuples

    public static TridentTuple tuple(Fields fields, Object... values) {
        assertEquals(fields.size(), values.length, "one value per field of " + fields);
        return TridentTupleView.createFreshTuple(fields, values);
    }

    /** A tuple of the Kafka spouts: (partition, offset, value, emitNanos, schedNanos, control, incarnation). */
    public static TridentTuple spoutRecord(int partition, long offset, String json) {
        return tuple(KafkaRecordTranslator.FIELDS, partition, offset, json.getBytes(StandardCharsets.UTF_8), 1_000L,
                500L, false, 0L);
    }

    /** The end-of-input control record of a Kafka spout. */
    public static TridentTuple spoutControl(int partition, long offset) {
        return tuple(KafkaRecordTranslator.FIELDS, partition, offset, new byte[0], 0L, -1L, true, 0L);
    }

    // ---- JSON

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Map<String, Object> json(Object text) {
        try {
            return JSON.readValue((String) text, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
