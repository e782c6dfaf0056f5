package io.logriver.core;

import java.nio.charset.StandardCharsets;
import io.logriver.logic.HostClock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.storm.kafka.spout.RecordTranslator;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;

/**
 * Turns a Kafka record into a tuple (partition, offset, value, emitNanos, schedNanos, control): the raw bytes,
 * stamped with the time of emission on the host's clock (in-topology latency), the time the benchmark scheduled its sending (end-to-end
 * latency; -1 without that header), and whether it is a control record (end of input) rather than data.
 */
public final class KafkaRecordTranslator implements RecordTranslator<String, byte[]> {
    private static final long serialVersionUID = 1L;

    public static final Fields FIELDS =
            new Fields(Names.PARTITION, Names.OFFSET, Names.VALUE, Names.EMIT_NANOS, Names.SCHED_NANOS, Names.CONTROL);

    @Override
    public List<Object> apply(ConsumerRecord<String, byte[]> r) {
        return new Values(r.partition(), r.offset(), r.value(), HostClock.nanos(), scheduled(r), isEndOfInput(r));
    }

    static long scheduled(ConsumerRecord<?, ?> r) {
        Header h = r.headers().lastHeader(Names.SCHED_HEADER);
        return h == null || h.value().length != Long.BYTES ? -1 : java.nio.ByteBuffer.wrap(h.value()).getLong();
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
