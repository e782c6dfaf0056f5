package io.logriver.core;

import io.logriver.logic.time.HostClock;
import io.logriver.names.Names;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.storm.kafka.spout.RecordTranslator;
import org.apache.storm.tuple.Fields;

/**
 * Turns a Kafka record into a tuple (partition, offset, value, emitNanos, schedNanos, control, incarnation): the raw
 * bytes, stamped with the time of emission on the host's clock (in-topology latency), the time the benchmark scheduled its sending
 * (end-to-end latency; -1 without that header), whether it is a control record (end of input) rather than data, and
 * the spout incarnation that read it (see {@link RewindingKafkaSpout}).
 */
public final class KafkaRecordTranslator implements RecordTranslator<String, byte[]> {
    private static final long serialVersionUID = 1L;

    public static final Fields FIELDS = new Fields(Names.PARTITION, Names.OFFSET, Names.VALUE, Names.EMIT_NANOS,
            Names.SCHED_NANOS, Names.CONTROL, Names.INCARNATION);
    /** Where the incarnation goes: {@link RewindingKafkaSpout} sets it, it is 0 without that spout. */
    public static final int INCARNATION_INDEX = 6;

    @Override
    public List<Object> apply(ConsumerRecord<String, byte[]> r) {
        return tuple(r.partition(), r.offset(), r.value(), scheduled(r), isEndOfInput(r));
    }

    /**
     * The tuple of a record of {@code partition} at {@code offset}, emitted now, read by no rewinding spout (incarnation
     * 0): what every source of the topologies emits, Kafka's or a test's in memory.
     */
    public static List<Object> tuple(int partition, long offset, byte[] value, long schedNanos, boolean control) {
        // a fixed-size list over the array, not a copy into a Values (the spout only sets the incarnation in it)
        return Arrays.asList(partition, offset, value, HostClock.nanos(), schedNanos, control, 0L);
    }

    static long scheduled(ConsumerRecord<?, ?> r) {
        Header h = r.headers().lastHeader(Names.SCHED_HEADER);
        byte[] b = h == null ? null : h.value();
        if (b == null || b.length != Long.BYTES) {
            return -1;
        }
        long nanos = 0;
        for (byte x : b) { // big-endian, as ByteBuffer writes it
            nanos = (nanos << 8) | (x & 0xff);
        }
        return nanos;
    }

    static boolean isEndOfInput(ConsumerRecord<?, ?> r) {
        Header h = r.headers().lastHeader(Names.CONTROL_HEADER);
        return h != null && Names.END_OF_INPUT.equals(new String(h.value(), StandardCharsets.UTF_8));
    }

    @Override
    public Fields getFieldsFor(String stream) {
        return FIELDS;
    }
}
