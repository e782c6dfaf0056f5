package io.logriver.trident.state;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.storm.Config;
import org.apache.storm.cluster.DaemonType;
import org.apache.storm.shade.org.apache.curator.framework.CuratorFramework;
import org.apache.storm.shade.org.apache.zookeeper.KeeperException;
import org.apache.storm.shade.org.apache.zookeeper.data.ACL;
import org.apache.storm.utils.CuratorUtils;
import org.apache.storm.utils.Utils;
import org.apache.storm.utils.ZookeeperAuthInfo;

/**
 * The Redis key prefix of a topology's Trident states: {@code logriver:trident:TXID:EPOCH}. TXID is the transactional id
 * of the request spout (made from the consumer group), under which Trident keeps its transaction ids and spout offsets
 * in Storm's ZooKeeper; EPOCH is a random id kept in that ZooKeeper beside them ({@code
 * <transactional.zookeeper.root>/TXID/logriver-state-epoch}), made by the first state that looks for it. So the states
 * go with the transaction ids: a worker restarted on the same cluster, or the topology submitted again under the same
 * consumer group, finds its state, while a new ZooKeeper (a new local cluster, whose transaction ids start again at 1)
 * starts from a new, empty namespace and never reads the state of an earlier run.
 */
public final class StateNamespace {
    public static final String EPOCH_NODE = "logriver-state-epoch";
    /** What every Trident state key of logriver starts with. */
    public static final String PREFIX = "logriver:trident:";

    private StateNamespace() {
    }

    public static String of(Map<String, Object> conf, String txId) {
        return PREFIX + txId + ":" + epoch(conf, txId);
    }

    /** Creates the epoch node unless it exists (ZooKeeper's create is atomic), then reads it: every task reads one id. */
    @SuppressWarnings("unchecked") // Storm's configuration holds the ZooKeeper servers as a list of host names
    private static String epoch(Map<String, Object> conf, String txId) {
        String path = conf.get(Config.TRANSACTIONAL_ZOOKEEPER_ROOT) + "/" + txId + "/" + EPOCH_NODE;
        List<String> servers = (List<String>) either(conf, Config.TRANSACTIONAL_ZOOKEEPER_SERVERS,
                Config.STORM_ZOOKEEPER_SERVERS);
        Object port = either(conf, Config.TRANSACTIONAL_ZOOKEEPER_PORT, Config.STORM_ZOOKEEPER_PORT);
        List<ACL> acls = Utils.getWorkerACL(conf);
        try (CuratorFramework zk = CuratorUtils.newCuratorStarted(conf, servers, port, new ZookeeperAuthInfo(conf),
                DaemonType.WORKER.getDefaultZkAcls(conf))) {
            byte[] candidate = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
            try {
                if (acls == null) {
                    zk.create().creatingParentsIfNeeded().forPath(path, candidate);
                } else {
                    zk.create().creatingParentsIfNeeded().withACL(acls).forPath(path, candidate);
                }
            } catch (KeeperException.NodeExistsException e) {
                // made earlier, or by another task just now: read it
            }
            return new String(zk.getData().forPath(path), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("the Trident state's epoch at ZooKeeper " + servers + ":" + port + path
                    + ": " + e.getMessage(), e);
        }
    }

    private static Object either(Map<String, Object> conf, String key, String fallback) {
        Object v = conf.get(key);
        return v == null ? conf.get(fallback) : v;
    }
}
