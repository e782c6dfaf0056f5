package io.logriver.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.storm.LocalCluster;
import org.apache.storm.generated.KillOptions;
import org.apache.storm.shade.org.apache.zookeeper.server.NIOServerCnxnFactory;
import org.apache.storm.shade.org.apache.zookeeper.server.ZooKeeperServer;

/**
 * Storm's LocalCluster in this JVM with its ZooKeeper bound to 127.0.0.1 (LocalCluster's own listens on every
 * interface), for {@code run}, file mode and the bench, and for the topology tests. Closing it kills the topologies
 * and stops everything it started; a temporary one also removes its ZooKeeper directory.
 */
public final class LoopbackLocalCluster implements AutoCloseable {
    private final Path dir;
    private final boolean temporary;
    private final NIOServerCnxnFactory zookeeper;
    private final ZooKeeperServer zkServer;
    private final LocalCluster cluster;

    private LoopbackLocalCluster(Path dir, boolean temporary) throws Exception {
        this.dir = dir;
        this.temporary = temporary;
        File zk = dir.toFile();
        this.zkServer = new ZooKeeperServer(zk, zk, 2000);
        this.zookeeper = new NIOServerCnxnFactory();
        zookeeper.configure(new InetSocketAddress("127.0.0.1", 0), 100);
        zookeeper.startup(zkServer);
        try {
            this.cluster = new LocalCluster.Builder()
                    .withDaemonConf(Map.of("storm.zookeeper.servers", List.of("127.0.0.1"),
                            "storm.zookeeper.port", zookeeper.getLocalPort(), "storm.local.hostname", "127.0.0.1"))
                    .build();
        } catch (Exception e) {
            stopZookeeper();
            throw e;
        }
    }

    /** Keeps ZooKeeper's data in {@code zookeeperDir} (created if need be). */
    public static LoopbackLocalCluster start(Path zookeeperDir) throws Exception {
        return new LoopbackLocalCluster(Files.createDirectories(zookeeperDir), false);
    }

    /** ZooKeeper's data in a temporary directory, removed on close. */
    public static LoopbackLocalCluster startTemporary() throws Exception {
        return new LoopbackLocalCluster(Files.createTempDirectory("logriver-zookeeper"), true);
    }

    public LocalCluster cluster() {
        return cluster;
    }

    /** Kills topology {@code name} at once (no wait for tuples in flight). */
    public void kill(String name) throws Exception {
        KillOptions now = new KillOptions();
        now.set_wait_secs(0);
        cluster.killTopologyWithOpts(name, now);
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the local Storm cluster failed", e);
        } finally {
            stopZookeeper();
        }
    }

    private void stopZookeeper() {
        zookeeper.shutdown();
        zkServer.shutdown();
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
