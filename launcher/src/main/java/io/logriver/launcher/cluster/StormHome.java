package io.logriver.launcher.cluster;

import io.logriver.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Lays out the STORM_HOME a Supervisor builds its workers' class path and logging from (Storm's BasicContainer):
 * lib-worker/ links to the Maven-resolved storm-client jars, extlib/ the loopback Thrift and Netty transports,
 * conf/storm.yaml,
 * and log4j2/cluster.xml and worker.xml.
 */
final class StormHome {
    /** Java 17: Kryo serializes JDK classes by reflection when tuples cross workers; Netty uses direct buffers. */
    static final String JAVA17_OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED"
            + " --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
            + " --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String LOOPBACK_TRANSPORT = "io.logriver.cluster.LoopbackTransportPlugin";
    static final String LOOPBACK_MESSAGING = "io.logriver.cluster.LoopbackMessaging";
    static final List<String> ZOOKEEPER_RETRIES =
            List.of("storm.zookeeper.retry.times", "storm.zookeeper.retry.intervalceiling.millis");

    private StormHome() {
    }

    static void layOut(ClusterLayout l, ClusterState s) throws IOException {
        Path home = l.stormHome();
        linkAll(home.resolve("lib-worker"), StormClasspath.worker());
        linkAll(home.resolve("extlib"), List.of(StormClasspath.clusterJar()));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(l.stormYaml(), yaml(l, s));
        Path log4j2 = Files.createDirectories(home.resolve("log4j2"));
        for (String name : List.of("cluster.xml", "worker.xml")) {
            try (InputStream in = StormHome.class.getResourceAsStream("/cluster/" + name)) {
                Files.copy(in, log4j2.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The cluster's storm.yaml: everything on 127.0.0.1, state under the work directory, Java 17 workers. */
    static String yaml(ClusterLayout l, ClusterState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storm.zookeeper.servers", List.of(ClusterState.HOST));
        m.put("storm.zookeeper.port", s.zookeeper());
        m.put("storm.local.dir", l.localDir().toString());
        m.put("storm.local.hostname", ClusterState.HOST);
        m.put("storm.log.dir", l.logs().toString());
        m.put("nimbus.seeds", List.of(ClusterState.HOST));
        m.put("nimbus.thrift.port", s.nimbus());
        m.put("supervisor.thrift.port", s.supervisor());
        m.put("supervisor.slots.ports", s.slots());
        // servers on 127.0.0.1 only: Thrift through our transport, the workers' Netty servers through our messaging
        m.put("storm.thrift.transport", LOOPBACK_TRANSPORT);
        m.put("storm.messaging.transport", LOOPBACK_MESSAGING);
        m.put("worker.heap.memory.mb", 768);
        m.put("worker.childopts", "-Xmx%HEAP-MEM%m -XX:+UseG1GC -Xlog:gc*:file=artifacts/gc.log:time,uptime:filecount=5,"
                + "filesize=1M -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=artifacts/heapdump " + JAVA17_OPENS);
        m.put("supervisor.worker.shutdown.sleep.secs", 1);
        // The Supervisor looks at a running worker (is its process alive, its heartbeat fresh) every this many s
        // (default 3): a killed worker is started again up to that much later.
        m.put("supervisor.monitor.frequency.secs", 1);
        // Nimbus assigns a submitted topology to slots on its monitor timer only (Nimbus.mkAssignments): every 10 s by
        // default, so a submission waited 5 s on average before a worker started. One machine's few topologies are
        // cheap to look at every second.
        m.put("nimbus.monitor.freq.secs", 1);
        // The daemons wait out a ZooKeeper restart as the topologies do (resources/logriver.yaml): with Storm's 5
        // retries, Nimbus's assignment timer gave up a few seconds into a 15 s outage and halted Nimbus, and nothing
        // starts the dev cluster's Nimbus again (a production cluster runs its daemons under a supervisor).
        Map<String, Object> topologies = ConfigLoader.load(null, List.of()).storm();
        for (String key : ZOOKEEPER_RETRIES) {
            m.put(key, topologies.get(key));
        }
        m.put("executor.metrics.frequency.secs", 10); // how often Nimbus gets the figures the UI shows (default 60)
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "# The dev cluster's Storm configuration, written by bin/logriver cluster up.\n" + new Yaml(o).dump(m);
    }

    private static void linkAll(Path dir, List<Path> jars) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        for (Path jar : jars) {
            Files.createSymbolicLink(dir.resolve(jar.getFileName()), jar.toAbsolutePath());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
