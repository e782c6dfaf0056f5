package io.logriver.storm.trident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.storm.Config;
import org.apache.storm.kafka.spout.trident.KafkaTridentSpoutBatchMetadata;
import org.apache.storm.kafka.spout.trident.TopicPartitionSerializer;
import org.apache.storm.shade.org.apache.zookeeper.server.NIOServerCnxnFactory;
import org.apache.storm.shade.org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.storm.trident.spout.IOpaquePartitionedTridentSpout;
import org.apache.storm.trident.topology.state.RotatingTransactionalState;
import org.apache.storm.trident.topology.state.TransactionalState;
import org.apache.storm.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator reads what the spout's committed batches reached where Storm's opaque spout executor writes it:
 * written here with Storm's own {@link RotatingTransactionalState}, as the executor does, on a real ZooKeeper.
 */
class CaughtUpCoordinatorTest {
    private static final String TX_ID = "group-trident-weblogs";
    private static final TopicPartition P0 = new TopicPartition("weblogs", 0);
    private static final TopicPartition P1 = new TopicPartition("weblogs", 1);
    private static final Set<String> BOTH = Set.of(CaughtUpCoordinator.id(P0), CaughtUpCoordinator.id(P1));

    private ZooKeeperServer server;
    private NIOServerCnxnFactory zookeeper;
    private Map<String, Object> conf;

    @BeforeEach
    void startZookeeper(@TempDir File dir) throws Exception {
        server = new ZooKeeperServer(dir, dir, 2000);
        zookeeper = new NIOServerCnxnFactory();
        zookeeper.configure(new InetSocketAddress("127.0.0.1", 0), 10);
        zookeeper.startup(server);
        conf = new HashMap<>(Utils.readDefaultConfig());
        conf.put(Config.STORM_ZOOKEEPER_SERVERS, List.of("127.0.0.1"));
        conf.put(Config.STORM_ZOOKEEPER_PORT, zookeeper.getLocalPort());
    }

    @AfterEach
    void stopZookeeper() {
        zookeeper.shutdown();
        server.shutdown();
    }

    @Test
    void readsTheLastCommittedBatchOfEachPartitionWrittenByThisTopology() {
        TransactionalState spout = TransactionalState.newUserState(conf, TX_ID);
        try {
            RotatingTransactionalState p0 = new RotatingTransactionalState(spout, CaughtUpCoordinator.id(P0));
            p0.overrideState(6, new KafkaTridentSpoutBatchMetadata(0, 99, "logriver-trident-1-1").toMap());
            p0.overrideState(7, new KafkaTridentSpoutBatchMetadata(100, 199, "logriver-trident-1-1").toMap());
            RotatingTransactionalState p1 = new RotatingTransactionalState(spout, CaughtUpCoordinator.id(P1));
            p1.overrideState(7, new KafkaTridentSpoutBatchMetadata(0, 49, "logriver-trident-0-1").toMap());
        } finally {
            spout.close();
        }

        try (CaughtUpCoordinator c = coordinator("logriver-trident-1-1")) {
            assertEquals(Map.of("weblogs@0", 199L), c.committed(BOTH),
                    "partition 1's batch was written by an earlier topology under the same consumer group");
        }
        try (CaughtUpCoordinator c = coordinator("logriver-trident-0-1")) {
            assertEquals(Map.of("weblogs@1", 49L), c.committed(BOTH));
        }
    }

    private CaughtUpCoordinator coordinator(String stormId) {
        TopicPartitionSerializer tps = new TopicPartitionSerializer();
        List<Map<String, Object>> partitions = List.of(tps.toMap(P0), tps.toMap(P1));
        IOpaquePartitionedTridentSpout.Coordinator<List<Map<String, Object>>> storms =
                new IOpaquePartitionedTridentSpout.Coordinator<>() {
                    @Override
                    public boolean isReady(long txid) {
                        return true;
                    }

                    @Override
                    public List<Map<String, Object>> getPartitionsForBatch() {
                        return partitions;
                    }

                    @Override
                    public void close() {
                    }
                };
        return new CaughtUpCoordinator(storms, conf, "127.0.0.1:1", TX_ID, stormId);
    }
}
