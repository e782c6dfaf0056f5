package io.logriver.peers.flink;

import io.logriver.peers.Incoming;
import io.logriver.peers.PeerSettings;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/** The job's Kafka source and sink, on logriver's topics. */
final class FlinkKafka {
    private FlinkKafka() {
    }

    /**
     * The requests, from the offsets the job committed last (with each checkpoint), else from the earliest: logriver's
     * default first poll ({@code UNCOMMITTED_EARLIEST}).
     */
    @SuppressWarnings("deprecation") // the connector takes Kafka's OffsetResetStrategy, deprecated in kafka-clients 4
    static KafkaSource<Incoming> requests(PeerSettings s) {
        return KafkaSource.<Incoming>builder()
                .setBootstrapServers(s.config().bootstrapServers())
                .setTopics(s.topics().weblogs())
                .setGroupId(s.id() + "-weblogs")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RequestSchema(s.filterRules(), s.futureTimeRule()))
                .build();
    }

    /** The sessions, always from the beginning of the topic, as logriver's join reads them at start-up. */
    static KafkaSource<SessionRead> sessions(PeerSettings s) {
        return KafkaSource.<SessionRead>builder()
                .setBootstrapServers(s.config().bootstrapServers())
                .setTopics(s.topics().sessions())
                .setGroupId(sessionGroup(s))
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new SessionSchema())
                .build();
    }

    /** The consumer group under which the session source commits its offsets at each checkpoint. */
    static String sessionGroup(PeerSettings s) {
        return s.id() + "-sessions";
    }

    /** Window records and dead letters; at least once: pending writes are flushed at each checkpoint. */
    static KafkaSink<Out> sink(PeerSettings s) {
        return KafkaSink.<Out>builder()
                .setBootstrapServers(s.config().bootstrapServers())
                .setRecordSerializer(new OutSchema())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
