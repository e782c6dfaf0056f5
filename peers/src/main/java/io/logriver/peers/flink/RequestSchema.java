package io.logriver.peers.flink;

import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.peers.Incoming;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a request record with logriver's parser (and its rule for times ahead of the wall clock), in the source. Requests the filter rules drop end here, so they never
 * move the watermark (logriver's watermark is the highest event time among the requests that passed the filter);
 * invalid ones go on to be dead-lettered; control records are not data.
 */
final class RequestSchema implements KafkaRecordDeserializationSchema<Incoming> {
    private static final long serialVersionUID = 1L;

    private final FilterRules rules;
    private final FutureTimeRule future;

    RequestSchema(FilterRules rules, FutureTimeRule future) {
        this.rules = rules;
        this.future = future;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<Incoming> out) {
        Incoming in = Incoming.read(r.value(), r.headers(), r.partition(), r.offset(), future);
        if (in != null && (!in.isValid() || rules.accepts(in.request()))) {
            out.collect(in);
        }
    }

    @Override
    public TypeInformation<Incoming> getProducedType() {
        return TypeInformation.of(Incoming.class);
    }
}
