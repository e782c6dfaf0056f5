package io.logriver.launcher.local;

import io.logriver.launcher.metrics.MetricsReporters;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.storm.LocalCluster;
import org.apache.storm.generated.KillOptions;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.shade.org.apache.zookeeper.server.NIOServerCnxnFactory;
import org.apache.storm.shade.org.apache.zookeeper.server.ZooKeeperServer;

/**
 * Storm in local mode, in this JVM: LocalCluster with its ZooKeeper bound to loopback (LocalCluster's own would
 * listen on every interface). Closing it kills the topologies and stops everything it started.
 */
public final class LocalStorm implements AutoCloseable {
    private final NIOServerCnxnFactory zookeeper;
    private final ZooKeeperServer zkServer;
    private final LocalCluster cluster;

    private LocalStorm(NIOServerCnxnFactory zookeeper, ZooKeeperServer zkServer, LocalCluster cluster) {
        this.zookeeper = zookeeper;
        this.zkServer = zkServer;
        this.cluster = cluster;
    }

    public static LocalStorm start(Path dir) throws Exception {
        Path zkDir = Files.createDirectories(dir.resolve("zookeeper"));
        File zk = zkDir.toFile();
        ZooKeeperServer server = new ZooKeeperServer(zk, zk, 2000);
        NIOServerCnxnFactory factory = new NIOServerCnxnFactory();
        factory.configure(new InetSocketAddress("127.0.0.1", 0), 100);
        factory.startup(server);
        try {
            LocalCluster cluster = new LocalCluster.Builder()
                    .withDaemonConf(Map.of(
                            "storm.zookeeper.servers", List.of("127.0.0.1"),
                            "storm.zookeeper.port", factory.getLocalPort(),
                            "storm.local.hostname", "127.0.0.1"))
                    .build();
            return new LocalStorm(factory, server, cluster);
        } catch (Exception e) {
            factory.shutdown();
            server.shutdown();
            throw e;
        }
    }

    /** Submits with the JMX metrics reporter on, which the live view and file mode read in this JVM. */
    public void submit(String name, Map<String, Object> conf, StormTopology topology) throws Exception {
        conf.put(MetricsReporters.KEY, MetricsReporters.forLocalRun(conf));
        cluster.submitTopology(name, conf, topology);
    }

    public void kill(String name) throws Exception {
        KillOptions opts = new KillOptions();
        opts.set_wait_secs(0);
        cluster.killTopologyWithOpts(name, opts);
    }

    public LocalCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the local Storm cluster failed", e);
        } finally {
            zookeeper.shutdown();
            zkServer.shutdown();
        }
    }
}
