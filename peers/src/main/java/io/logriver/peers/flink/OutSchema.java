package io.logriver.peers.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes each {@link Out} to its own topic, key and value in UTF-8. */
final class OutSchema implements KafkaRecordSerializationSchema<Out> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Out out, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(out.topic(), out.key().getBytes(StandardCharsets.UTF_8),
                out.value().getBytes(StandardCharsets.UTF_8));
    }
}
