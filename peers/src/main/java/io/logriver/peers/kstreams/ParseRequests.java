package io.logriver.peers.kstreams;

import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.peers.Incoming;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Parses each request record with logriver's parser (and its rule for times ahead of the wall clock) and forwards it
 * with where it was read. A valid request's
 * timestamp becomes its event time: that is the time the windowed aggregate, behind the repartition topic, sees.
 * Control records (logriver's end-of-input marker) are not data and go no further.
 */
final class ParseRequests extends ContextualProcessor<String, byte[], String, Incoming> {
    private final FutureTimeRule future;

    ParseRequests(FutureTimeRule future) {
        this.future = future;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata at = context().recordMetadata().orElseThrow();
        Incoming in = Incoming.read(record.value(), record.headers(), at.partition(), at.offset(), future);
        if (in == null) {
            return;
        }
        Record<String, Incoming> out = record.withValue(in);
        context().forward(in.isValid() ? out.withTimestamp(in.request().eventTime()) : out);
    }
}
