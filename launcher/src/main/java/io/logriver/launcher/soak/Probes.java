package io.logriver.launcher.soak;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;
import redis.clients.jedis.Jedis;

/**
 * What the soak reads of Redis and the broker every sample, each with a short timeout (the part may be down): Redis's
 * {@code used_memory}, and the bytes of each topic on the broker's disk.
 */
final class Probes implements AutoCloseable {
    private final String redisHost;
    private final int redisPort;
    private final Admin admin;

    Probes(String redisAddress, String bootstrapServers) {
        this.redisHost = redisAddress.substring(0, redisAddress.lastIndexOf(':'));
        this.redisPort = Integer.parseInt(redisAddress.substring(redisAddress.lastIndexOf(':') + 1));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        this.admin = Admin.create(p);
    }

    /** Redis's {@code used_memory} in bytes, or -1. */
    long redisUsedMemory() {
        try (Jedis jedis = new Jedis(redisHost, redisPort, 1000)) {
            for (String line : jedis.info("memory").split("\r?\n")) {
                if (line.startsWith("used_memory:")) {
                    return Long.parseLong(line.substring("used_memory:".length()).trim());
                }
            }
            return -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The bytes of each topic on the broker's log directories; empty when the broker does not answer. */
    Map<String, Long> topicBytes() {
        Map<String, Long> out = new HashMap<>();
        try {
            Collection<Node> nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            List<Integer> ids = nodes.stream().map(Node::id).toList();
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(ids).allDescriptions()
                    .get(3, TimeUnit.SECONDS).values()) {
                for (LogDirDescription d : dirs.values()) {
                    d.replicaInfos().forEach((tp, info) -> out.merge(tp.topic(), info.size(), Long::sum));
                }
            }
            return out;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
