package io.logriver.launcher.cluster;

import io.logriver.process.Deadline;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the dev cluster's Storm daemons, each in its own JVM from the Maven-resolved class path, as Storm's own
 * {@code storm nimbus} and {@code storm supervisor} would, and ZooKeeper (the shaded server inside Storm) on
 * 127.0.0.1. Each writes its pid file and its output to {@code logs/NAME.out}; none outlives a failed start.
 */
final class StormDaemons {
    static final String ZOOKEEPER_MAIN = "org.apache.storm.shade.org.apache.zookeeper.server.ZooKeeperServerMain";
    static final String NIMBUS_MAIN = "org.apache.storm.daemon.nimbus.Nimbus";
    static final String SUPERVISOR_MAIN = "org.apache.storm.daemon.supervisor.Supervisor";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ClusterLayout layout;
    private final ClusterState state;

    StormDaemons(ClusterLayout layout, ClusterState state) {
        this.layout = layout;
        this.state = state;
    }

    void startZookeeper() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(layout.zookeeper());
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, String.join("\n", "dataDir=" + dir.resolve("data"), "clientPort=" + state.zookeeper(),
                "clientPortAddress=" + ClusterState.HOST, "tickTime=2000", "maxClientCnxns=100",
                "admin.enableServer=false", "autopurge.purgeInterval=1", ""));
        Process p = launch(ClusterState.ZOOKEEPER, "-Xmx256m", ZOOKEEPER_MAIN, List.of(cfg.toString()));
        awaitPort(ClusterState.ZOOKEEPER, p, state.zookeeper());
    }

    void startNimbus() throws IOException, InterruptedException {
        Process p = launch(ClusterState.NIMBUS, "-Xmx512m", NIMBUS_MAIN, List.of());
        awaitPort(ClusterState.NIMBUS, p, state.nimbus());
    }

    void startSupervisor() throws IOException, InterruptedException {
        Process p = launch(ClusterState.SUPERVISOR, "-Xmx256m", SUPERVISOR_MAIN, List.of());
        awaitPort(ClusterState.SUPERVISOR, p, state.supervisor());
    }

    private Process launch(String name, String heap, String main, List<String> args) throws IOException {
        Files.createDirectories(layout.logs());
        Path home = layout.stormHome();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseG1GC", "-Djava.net.preferIPv4Stack=true", "-Dstorm.home=" + home,
                "-Dstorm.log.dir=" + layout.logs(), "-Dlogfile.name=" + name + ".log", "-Ddaemon.name=" + name,
                "-Dlog4j.configurationFile=" + home.resolve("log4j2/cluster.xml"),
                "-Dzookeeper.admin.enableServer=false"));
        cmd.addAll(List.of(StormHome.JAVA17_OPENS.split(" ")));
        cmd.addAll(List.of("-cp", home.resolve("conf") + java.io.File.pathSeparator + StormClasspath.daemons(), main));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(layout.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(layout.logs().resolve(name + ".out").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home")); // the workers' java
        pb.environment().remove("STORM_CONF_DIR");
        pb.environment().remove("STORM_EXT_CLASSPATH");
        Process p = pb.start();
        Files.writeString(layout.pidFile(name), Long.toString(p.pid()));
        return p;
    }

    private void awaitPort(String name, Process p, int port) throws IOException, InterruptedException {
        boolean up = Deadline.await(START_TIMEOUT, Duration.ofMillis(200), () -> {
            if (answers(port)) {
                return true;
            }
            if (!p.isAlive()) {
                throw new IOException(name + " exited with " + p.exitValue() + " at start; see "
                        + layout.logs().resolve(name + ".log") + " and " + name + ".out");
            }
            return false;
        });
        if (!up) {
            throw new IOException(name + " did not listen on " + ClusterState.HOST + ":" + port + " within "
                    + START_TIMEOUT.toSeconds() + " s; see " + layout.logs().resolve(name + ".log"));
        }
    }

    static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ClusterState.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
