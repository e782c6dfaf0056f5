package io.logriver.launcher.cluster;

import java.nio.file.Path;

/**
 * Where the dev cluster keeps everything, under one directory ({@code work/cluster/}): its STORM_HOME, Storm's
 * local state, ZooKeeper's and Kafka's data, the daemons' logs and pid files, and the addresses it listens on.
 */
public record ClusterLayout(Path dir) {

    public static ClusterLayout in(Path workDir) {
        return new ClusterLayout(workDir.resolve("cluster").toAbsolutePath().normalize());
    }

    /** A STORM_HOME as the Supervisor expects it: lib-worker/, extlib/, conf/storm.yaml, log4j2/. */
    Path stormHome() {
        return dir.resolve("storm");
    }

    Path stormYaml() {
        return stormHome().resolve("conf").resolve("storm.yaml");
    }

    /** Storm's {@code storm.local.dir}, shared by Nimbus and the Supervisor, as on a one-machine installation. */
    Path localDir() {
        return dir.resolve("storm-local");
    }

    /** Where Storm keeps each running worker's pid files: {@code workers/WORKER-ID/pids/PID}. */
    Path workers() {
        return localDir().resolve("workers");
    }

    /** Where the workers' CSV metrics reporter writes (its default: {@code storm.local.dir/csvmetrics}). */
    public Path csvMetrics() {
        return localDir().resolve("csvmetrics");
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path zookeeper() {
        return dir.resolve("zookeeper");
    }

    Path kafka() {
        return dir.resolve("kafka");
    }

    Path redis() {
        return dir.resolve("redis");
    }

    /** Where Redis keeps its append-only file. */
    public Path redisData() {
        return redis().resolve("data");
    }

    public Path pidFile(String daemon) {
        return switch (daemon) {
            case ClusterState.KAFKA -> kafka().resolve("broker.pid");
            case ClusterState.REDIS -> redis().resolve("redis.pid");
            default -> dir.resolve(daemon + ".pid");
        };
    }

    Path stateFile() {
        return dir.resolve("cluster.properties");
    }
}
