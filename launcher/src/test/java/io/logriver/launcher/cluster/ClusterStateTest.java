package io.logriver.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.launcher.cli.Args;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.storm.utils.StormBoundedExponentialBackoffRetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ClusterStateTest {
    /** Curator's ExponentialBackoffRetry keeps at most this many retries, and warns of more. */
    private static final int CURATOR_MAX_RETRIES = 29;

    @TempDir
    Path work;

    @Test
    void isSavedAndLoadedUnderTheWorkDirectory() throws Exception {
        ClusterLayout l = ClusterLayout.in(work);
        assertNull(ClusterState.load(l));
        ClusterState s = ClusterState.freePorts(3).withKafka("127.0.0.1:9092", false);
        s.save(l);
        assertEquals(s, ClusterState.load(l));
        assertEquals(work.resolve("cluster/cluster.properties"), l.stateFile());
    }

    @Test
    void freePortsAreDistinctAndTheBrokerAndRedisCountOnlyWhenTheyAreOurs() throws Exception {
        ClusterState s = ClusterState.freePorts(3);
        List<Integer> all = new java.util.ArrayList<>(List.of(s.zookeeper(), s.nimbus(), s.supervisor(), s.kafkaPort(),
                s.redisPort(), s.ui()));
        all.addAll(s.slots());
        assertEquals(9, new HashSet<>(all).size());
        assertEquals(3, s.slots().size());
        assertEquals(9, s.listenPorts().size(), "the workers' Netty servers listen on the slots, the UI on its port");
        assertEquals(8, s.withKafka("127.0.0.1:9092", false).listenPorts().size());
        assertEquals(7, s.withKafka("127.0.0.1:9092", false).withRedis("127.0.0.1:6379", false).listenPorts().size());
        assertEquals("http://127.0.0.1:" + s.ui() + "/", s.uiUrl());
    }

    @Test
    void stormYamlPutsEveryServerOnLoopbackAndKeepsStateInTheWorkDirectory() {
        ClusterLayout l = ClusterLayout.in(work);
        java.util.Map<String, Object> conf = new Yaml().load(StormHome.yaml(l, ClusterState.defaults(4)));
        assertEquals(List.of("127.0.0.1"), conf.get("nimbus.seeds"));
        assertEquals("127.0.0.1", conf.get("storm.local.hostname"));
        assertEquals(StormHome.LOOPBACK_TRANSPORT, conf.get("storm.thrift.transport"));
        assertEquals(StormHome.LOOPBACK_MESSAGING, conf.get("storm.messaging.transport"));
        assertEquals(List.of(6700, 6701, 6702, 6703), conf.get("supervisor.slots.ports"));
        assertEquals(l.localDir().toString(), conf.get("storm.local.dir"));
        String childopts = (String) conf.get("worker.childopts");
        assertTrue(childopts.contains("--add-opens=java.base/java.lang=ALL-UNNAMED"), childopts);
        assertTrue(!childopts.contains("PrintGCDetails") && !childopts.contains("Xloggc"), childopts);
        assertEquals(1, conf.get("supervisor.monitor.frequency.secs"), "a killed worker is seen within a second");
        assertZooKeeperRetriesWaitOutARestart(conf);
    }

    /**
     * The daemons' ZooKeeper retries, as Storm's Curator will take them: no more than it keeps, pauses of 40 s or
     * more.
     */
    private static void assertZooKeeperRetriesWaitOutARestart(Map<?, ?> conf) {
        int times = (Integer) conf.get("storm.zookeeper.retry.times");
        int ceiling = (Integer) conf.get("storm.zookeeper.retry.intervalceiling.millis");
        assertTrue(times <= CURATOR_MAX_RETRIES,
                "Curator cuts storm.zookeeper.retry.times " + times + " to " + CURATOR_MAX_RETRIES);
        StormBoundedExponentialBackoffRetry retry = new StormBoundedExponentialBackoffRetry(1000, ceiling, times);
        long pauses = 0;
        for (int i = 0; i < times; i++) {
            pauses += retry.getSleepTimeMs(i, 0);
        }
        assertTrue(pauses >= 40_000, "Nimbus waits out a ZooKeeper restart: " + pauses + " ms of pauses");
    }

    @Test
    void nimbusAddressesTakeStormsDefaultPortAndRejectNonsense() {
        assertEquals("10.0.0.5:6627", new NimbusConnection("10.0.0.5").address());
        assertEquals("nimbus.example:7000", new NimbusConnection("nimbus.example:7000").address());
        assertEquals("--nimbus :x: expected HOST or HOST:PORT",
                assertThrows(Args.UsageException.class, () -> new NimbusConnection(":x")).getMessage());
    }
}
