package io.logriver.launcher.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The addresses of a dev cluster (all on 127.0.0.1), kept in {@code cluster.properties} so that the other commands
 * find it: Storm's usual ports, or free ones, the Kafka broker ({@code ownKafka}: whether {@code up} started it), and
 * the port of logriver's Storm UI ({@code bin/logriver ui}, which {@code up} starts too).
 */
public record ClusterState(int zookeeper, int nimbus, int supervisor, List<Integer> slots, String kafka, boolean ownKafka,
                    String redis, boolean ownRedis, int ui) {
    public static final String HOST = "127.0.0.1";
    public static final String ZOOKEEPER = "zookeeper";
    static final String NIMBUS = "nimbus";
    static final String SUPERVISOR = "supervisor";
    static final String KAFKA = "kafka";
    static final String REDIS = "redis";
    static final String UI = "ui";
    /** The daemons {@code up} starts, in start order. */
    static final List<String> DAEMONS = List.of(KAFKA, REDIS, ZOOKEEPER, NIMBUS, SUPERVISOR, UI);

    /** Worker slots of the Supervisor unless {@code --slots} says otherwise. */
    static final int DEFAULT_SLOTS = 4;

    /** Storm's, Kafka's and Redis's default ports, with {@code slots} worker slots from 6700 on. */
    static ClusterState defaults(int slots) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            ports.add(6700 + i);
        }
        return new ClusterState(2181, 6627, 6628, ports, HOST + ":9092", true, HOST + ":6379", true, 8080);
    }

    /** Ports free right now, for a cluster beside others (tests). */
    static ClusterState freePorts(int slots) throws IOException {
        List<Integer> p = freeLoopbackPorts(6 + slots);
        return new ClusterState(p.get(0), p.get(1), p.get(2), p.subList(6, 6 + slots), HOST + ":" + p.get(3), true,
                HOST + ":" + p.get(4), true, p.get(5));
    }

    ClusterState withKafka(String bootstrap, boolean own) {
        return new ClusterState(zookeeper, nimbus, supervisor, slots, bootstrap, own, redis, ownRedis, ui);
    }

    ClusterState withRedis(String address, boolean own) {
        return new ClusterState(zookeeper, nimbus, supervisor, slots, kafka, ownKafka, address, own, ui);
    }

    int redisPort() {
        return Integer.parseInt(redis.substring(redis.lastIndexOf(':') + 1));
    }

    public String nimbusAddress() {
        return HOST + ":" + nimbus;
    }

    /** The URL of the cluster's Storm UI. */
    public String uiUrl() {
        return "http://" + HOST + ":" + ui + "/";
    }

    int kafkaPort() {
        return Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1));
    }

    /** The ports the cluster's own processes listen on: daemons, worker slots, the broker when {@code up} starts it. */
    List<Integer> listenPorts() {
        List<Integer> ports = new ArrayList<>(List.of(zookeeper, nimbus, supervisor, ui));
        ports.addAll(slots);
        if (ownKafka) {
            ports.add(kafkaPort());
        }
        if (ownRedis) {
            ports.add(redisPort());
        }
        return ports;
    }

    void save(ClusterLayout l) throws IOException {
        Properties p = new Properties();
        p.setProperty(ZOOKEEPER, Integer.toString(zookeeper));
        p.setProperty(NIMBUS, Integer.toString(nimbus));
        p.setProperty(SUPERVISOR, Integer.toString(supervisor));
        p.setProperty("slots", String.join(",", slots.stream().map(String::valueOf).toList()));
        p.setProperty(KAFKA, kafka);
        p.setProperty("kafka.own", Boolean.toString(ownKafka));
        p.setProperty(REDIS, redis);
        p.setProperty("redis.own", Boolean.toString(ownRedis));
        p.setProperty(UI, Integer.toString(ui));
        Files.createDirectories(l.dir());
        try (Writer w = Files.newBufferedWriter(l.stateFile())) {
            p.store(w, "the dev cluster's addresses (bin/logriver cluster up), all on " + HOST);
        }
    }

    /** The saved state, or null when there is none. */
    public static ClusterState load(ClusterLayout l) throws IOException {
        if (!Files.exists(l.stateFile())) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(l.stateFile())) {
            p.load(r);
        }
        try {
            return new ClusterState(port(p, ZOOKEEPER), port(p, NIMBUS), port(p, SUPERVISOR),
                    Arrays.stream(p.getProperty("slots").split(",")).map(Integer::valueOf).toList(),
                    p.getProperty(KAFKA), Boolean.parseBoolean(p.getProperty("kafka.own")),
                    p.getProperty(REDIS, HOST + ":6379"), Boolean.parseBoolean(p.getProperty("redis.own", "false")),
                    Integer.parseInt(p.getProperty(UI, "8080").trim()));
        } catch (RuntimeException e) {
            throw new IOException(l.stateFile() + ": unreadable (" + e + "); remove it after cluster down", e);
        }
    }

    private static int port(Properties p, String key) {
        return Integer.parseInt(p.getProperty(key).trim());
    }

    /** Distinct free loopback ports: all held open at once, then released. */
    private static List<Integer> freeLoopbackPorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
