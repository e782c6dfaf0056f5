package io.logriver.core.bolt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricSet;
import com.codahale.metrics.UniformReservoir;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.ConfigLoader;
import io.logriver.core.KafkaRecordTranslator;
import io.logriver.names.Names;
import io.logriver.storm.testing.RecordingCollector;
import io.logriver.storm.testing.RecordingCollector.Emit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.storm.Testing;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.testing.MkTupleParam;
import org.apache.storm.topology.IRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;

/**
 * Runs one bolt outside Storm: a mocked {@link TopologyContext} whose metrics are real (and kept, by name, for the
 * assertions) and a real {@link OutputCollector} around a {@link RecordingCollector}.
 */
final class BoltHarness {

    final RecordingCollector rec = new RecordingCollector();
    final OutputCollector collector = new OutputCollector(rec);
    final TopologyContext context = mock(TopologyContext.class);
    final Map<String, Counter> counters = new HashMap<>();
    final Map<String, Histogram> histograms = new HashMap<>();
    final Map<String, Gauge<?>> gauges = new HashMap<>();

    BoltHarness() {
        when(context.registerCounter(anyString())).thenAnswer(i -> counters.computeIfAbsent(i.getArgument(0),
                n -> new Counter()));
        when(context.registerHistogram(anyString())).thenAnswer(i -> histograms.computeIfAbsent(i.getArgument(0),
                n -> new Histogram(new UniformReservoir())));
        doAnswer(i -> { // histograms on logriver's own reservoir come as a metric set
            String prefix = i.getArgument(0);
            ((MetricSet) i.getArgument(1)).getMetrics().forEach((name, m) -> histograms.put(prefix + "." + name,
                    (Histogram) m));
            return null;
        }).when(context).registerMetricSet(anyString(), any());
        when(context.registerGauge(anyString(), any())).thenAnswer(i -> {
            Gauge<?> g = i.getArgument(1);
            gauges.put(i.getArgument(0), g);
            return g;
        });
    }

    static BoltHarness prepared(IRichBolt bolt) {
        BoltHarness h = new BoltHarness();
        bolt.prepare(new HashMap<>(ConfigLoader.defaultConfig().topologyMap()), h.context, h.collector);
        return h;
    }

    // ---- tuples

    static Tuple tuple(String component, String stream, Fields fields, Object... values) {
        assertEquals(fields.size(), values.length, "one value per field of " + fields);
        MkTupleParam p = new MkTupleParam();
        p.setComponent(component);
        p.setStream(stream);
        p.setFieldsList(fields.toList());
        return Testing.testTuple(Arrays.asList(values), p);
    }

    /** A tuple of the Kafka spouts: (partition, offset, value, emitNanos, schedNanos, control, incarnation). */
    static Tuple spoutRecord(String spout, int partition, long offset, String json, long emitNanos) {
        return tuple(spout, "default", KafkaRecordTranslator.FIELDS, partition, offset,
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8), emitNanos, emitNanos - 500, false, 0L);
    }

    /** The end-of-input control record of a Kafka spout. */
    static Tuple spoutControl(String spout, int partition, long offset) {
        return tuple(spout, "default", KafkaRecordTranslator.FIELDS, partition, offset, new byte[0], 0L, -1L, true, 0L);
    }

    /** An end-of-input marker from {@code component}. */
    static Tuple endOfInput(String component, int partition) {
        return tuple(component, Names.END_STREAM, EndOfInput.FIELDS, partition);
    }

    // ---- what was emitted

    List<Emit> emits(String stream) {
        return rec.emits.stream().filter(e -> e.stream().equals(stream)).collect(Collectors.toList());
    }

    List<List<Object>> values(String stream) {
        return emits(stream).stream().map(Emit::values).collect(Collectors.toList());
    }

    /** The streams emitted to, in order. */
    List<String> streams() {
        return rec.emits.stream().map(Emit::stream).collect(Collectors.toList());
    }

    void clear() {
        rec.emits.clear();
    }

    long counter(String name) {
        Counter c = counters.get(name);
        return c == null ? 0 : c.getCount();
    }

    Object gauge(String name) {
        return gauges.get(name).getValue();
    }

    // ---- acks

    static int count(List<Tuple> tuples, Tuple t) {
        int n = 0;
        for (Tuple x : tuples) {
            if (x == t) {
                n++;
            }
        }
        return n;
    }

    void assertAckedOnce(Tuple... tuples) {
        for (Tuple t : tuples) {
            assertEquals(1, count(rec.acked, t), "acks of " + t.getValues());
            assertEquals(0, count(rec.failed, t), "fails of " + t.getValues());
        }
    }

    void assertPending(Tuple... tuples) {
        for (Tuple t : tuples) {
            assertEquals(0, count(rec.acked, t) + count(rec.failed, t), "acked or failed: " + t.getValues());
        }
    }

    /** The emit is anchored to exactly these tuples. */
    static void assertAnchors(Emit e, Tuple... anchors) {
        assertEquals(anchors.length, e.anchors().size(), "anchors of " + e);
        for (int i = 0; i < anchors.length; i++) {
            assertTrue(e.anchors().get(i) == anchors[i], "anchor " + i + " of " + e);
        }
    }

    void assertNoEmitAnchoredToAckedTuple() {
        assertEquals(List.of(), rec.anchoredAfterAck);
    }

    // ---- JSON

    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Object> json(Object text) {
        try {
            return JSON.readValue((String) text, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
