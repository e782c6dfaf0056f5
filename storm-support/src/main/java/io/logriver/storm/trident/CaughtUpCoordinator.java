package io.logriver.storm.trident;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.storm.Config;
import org.apache.storm.kafka.spout.trident.KafkaTridentSpoutBatchMetadata;
import org.apache.storm.kafka.spout.trident.TopicPartitionSerializer;
import org.apache.storm.trident.spout.IOpaquePartitionedTridentSpout;
import org.apache.storm.trident.topology.state.TransactionalState;

/**
 * Storm's Kafka coordinator behind a {@link BatchGate}: batches start only while the topic may hold records the spout
 * has not emitted (and once a second when idle). The end offsets come from the broker; what the spout's committed
 * batches reached comes from where Storm's opaque spout executor keeps it, the spout's transactional state in
 * ZooKeeper ({@code <transactional.zookeeper.root>/TXID/user/TOPIC@PARTITION/TXID}), and counts only when written by
 * this topology (a topology submitted again under the same consumer group may start over from the beginning).
 */
final class CaughtUpCoordinator implements IOpaquePartitionedTridentSpout.Coordinator<List<Map<String, Object>>>,
        BatchGate.Offsets, AutoCloseable {
    static final long HEARTBEAT_MS = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final IOpaquePartitionedTridentSpout.Coordinator<List<Map<String, Object>>> coordinator;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TransactionalState spoutState;
    private final String stormId;
    private final BatchGate gate;
    private final TopicPartitionSerializer partitions = new TopicPartitionSerializer();

    /**
     * @param txId the spout's transactional id (Trident's {@code newStream} id)
     * @param stormId the running topology's id, which the spout writes into each batch's metadata
     */
    CaughtUpCoordinator(IOpaquePartitionedTridentSpout.Coordinator<List<Map<String, Object>>> coordinator,
                        Map<String, Object> conf, String bootstrapServers, String txId, String stormId) {
        this.coordinator = coordinator;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.spoutState = TransactionalState.newUserState(conf, txId);
        this.stormId = stormId;
        long interval = ((Number) conf.getOrDefault(Config.TOPOLOGY_TRIDENT_BATCH_EMIT_INTERVAL_MILLIS, 50)).longValue();
        this.gate = new BatchGate(this, Math.max(interval, 20), HEARTBEAT_MS);
    }

    @Override
    public List<Map<String, Object>> getPartitionsForBatch() {
        return coordinator.getPartitionsForBatch();
    }

    @Override
    public boolean isReady(long txid) {
        return gate.ready(txid, System.currentTimeMillis());
    }

    @Override
    public Map<String, Long> ends() {
        List<TopicPartition> tps = getPartitionsForBatch().stream().map(partitions::fromMap).toList();
        Map<String, Long> ends = new HashMap<>();
        consumer.endOffsets(tps, TIMEOUT).forEach((tp, end) -> ends.put(id(tp), end));
        return ends;
    }

    @Override
    @SuppressWarnings("unchecked") // the spout writes each batch's metadata as a JSON map
    public Map<String, Long> committed(Set<String> partitions) {
        Map<String, Long> committed = new HashMap<>();
        for (String partition : partitions) {
            long last = spoutState.list(partition).stream().mapToLong(Long::parseLong).max().orElse(-1);
            Object meta = last < 0 ? null : spoutState.getData(partition + "/" + last);
            if (meta instanceof Map<?, ?> m) {
                KafkaTridentSpoutBatchMetadata batch = KafkaTridentSpoutBatchMetadata.fromMap((Map<String, Object>) m);
                if (stormId.equals(batch.getTopologyId())) {
                    committed.put(partition, batch.getLastOffset());
                }
            }
        }
        return committed;
    }

    /** The partition's id in the spout's state, as {@code KafkaTridentSpoutTopicPartition.getId()} makes it. */
    static String id(TopicPartition tp) {
        return tp.topic() + "@" + tp.partition();
    }

    @Override
    public void close() {
        try {
            consumer.close();
            spoutState.close();
        } finally {
            coordinator.close();
        }
    }
}
