package io.logriver.peers.flink;

import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Session;
import io.logriver.logic.parse.SessionParser;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a session record with logriver's parser: a session, or the dead letter of an invalid record. */
final class SessionSchema implements KafkaRecordDeserializationSchema<SessionRead> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<SessionRead> out) {
        ParseResult<Session> s = SessionParser.parse(r.value());
        out.collect(s.isOk() ? new SessionRead(s.value(), null)
                : new SessionRead(null, DeadLetter.of(s.reason(), r.topic(), r.partition(), r.offset(), r.value())));
    }

    @Override
    public TypeInformation<SessionRead> getProducedType() {
        return TypeInformation.of(SessionRead.class);
    }
}
