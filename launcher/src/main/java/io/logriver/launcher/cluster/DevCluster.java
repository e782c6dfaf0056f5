package io.logriver.launcher.cluster;

import io.logriver.process.Processes;
import io.logriver.launcher.cli.Progress;
import io.logriver.broker.KafkaBroker;
import io.logriver.launcher.redis.RedisAddress;
import io.logriver.launcher.redis.RedisServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Storm cluster on this machine for development and tests: ZooKeeper, Nimbus, one Supervisor with N slots
 * that launches real worker JVMs, a Kafka broker and the Storm UI, each a separate JVM listening on 127.0.0.1, with all
 * state
 * and logs under {@code work/cluster/}. {@code down} stops exactly what {@code up} started, found from pid files.
 */
public final class DevCluster {
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final ClusterLayout layout;
    private final Progress progress;

    public DevCluster(ClusterLayout layout, Progress progress) {
        this.layout = layout;
        this.progress = progress;
    }

    ClusterLayout layout() {
        return layout;
    }

    /** Starts every daemon; on any failure stops the ones already started. */
    ClusterState up(ClusterState wanted) throws Exception {
        ClusterProcesses processes = new ClusterProcesses(layout);
        if (!processes.all().isEmpty()) {
            throw new IllegalStateException("the cluster in " + layout.dir() + " is already (partly) running: "
                    + "bin/logriver cluster status shows it, bin/logriver cluster down stops it");
        }
        ClusterState s = withRedis(withKafka(wanted));
        checkFree(s.listenPorts());
        s.save(layout);
        try {
            StormHome.layOut(layout, s);
            if (s.ownKafka()) {
                KafkaBroker.startDetached(layout.kafka(), s.kafkaPort(), progress::say);
            }
            if (s.ownRedis()) {
                RedisServer.startDetached(layout.redis(), s.redisPort(), progress);
            }
            StormDaemons d = new StormDaemons(layout, s);
            progress.say("starting ZooKeeper on " + ClusterState.HOST + ":" + s.zookeeper());
            d.startZookeeper();
            progress.say("starting Nimbus on " + s.nimbusAddress());
            d.startNimbus();
            progress.say("starting a Supervisor with slots " + s.slots());
            d.startSupervisor();
            progress.say("starting the Storm UI on " + s.uiUrl());
            UiDaemon.start(layout, s);
            new NimbusConnection(s.nimbusAddress()).awaitSupervisors(1, Duration.ofSeconds(90));
            return s;
        } catch (Exception e) {
            progress.say("start failed; stopping what was started");
            down();
            throw e;
        }
    }

    /** The broker {@code up} uses: one already answering at the default address, or its own. */
    private ClusterState withKafka(ClusterState s) {
        if (KafkaBroker.answers(s.kafka(), Duration.ofSeconds(3))) {
            progress.say("using the Kafka broker already running at " + s.kafka());
            return s.withKafka(s.kafka(), false);
        }
        return s;
    }

    /** The Redis {@code up} uses: one already answering at the default address, or its own. */
    private ClusterState withRedis(ClusterState s) {
        if (RedisAddress.answers(s.redis(), Duration.ofSeconds(2))) {
            progress.say("using the Redis server already running at " + s.redis());
            return s.withRedis(s.redis(), false);
        }
        return s;
    }

    private static void checkFree(List<Integer> ports) throws IOException {
        for (int port : ports) {
            try {
                new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            } catch (IOException e) {
                throw new IOException("port " + ClusterState.HOST + ":" + port + " is taken (another Storm, ZooKeeper "
                        + "or Kafka?): stop it, or start the dev cluster on free ports with --ports free", e);
            }
        }
    }

    /** Stops every process of the cluster (workers, then daemons in reverse start order); returns how many. */
    public int down() throws IOException, InterruptedException {
        ClusterProcesses processes = new ClusterProcesses(layout);
        int stopped = 0;
        // the supervisor first, so that it launches no worker again; then the workers, then the rest
        for (ProcessHandle p : processes.daemon(ClusterState.SUPERVISOR).stream().toList()) {
            progress.say("stopping pid " + p.pid() + " (Supervisor)");
            Processes.stop(p, GRACE);
            stopped++;
        }
        // the workers together (each takes a second or two), then the daemons one by one, last started first
        List<ProcessHandle> workers = processes.workers();
        if (!workers.isEmpty()) {
            progress.say("stopping " + workers.size() + " worker processes (pids " + workers.stream()
                    .map(p -> String.valueOf(p.pid())).collect(Collectors.joining(", ")) + ")");
            Processes.stopAll(workers, GRACE);
            stopped += workers.size();
        }
        for (ProcessHandle p : processes.all()) {
            progress.say("stopping pid " + p.pid() + " " + describe(p));
            Processes.stop(p, GRACE);
            stopped++;
        }
        for (ProcessHandle p : processes.unlisted()) {
            progress.say("stopping pid " + p.pid() + " " + describe(p) + ", launched without a pid file yet");
            Processes.stop(p, GRACE);
            stopped++;
        }
        for (String d : ClusterState.DAEMONS) {
            Files.deleteIfExists(layout.pidFile(d));
        }
        return stopped;
    }

    /** Whether a daemon or worker of this cluster runs. */
    public boolean running() throws IOException {
        return !new ClusterProcesses(layout).all().isEmpty();
    }

    /** One line per daemon and worker: pid and address, or why it is not running. */
    List<String> status() throws IOException {
        List<String> lines = new ArrayList<>();
        ClusterState s = ClusterState.load(layout);
        if (s == null) {
            lines.add("no dev cluster in " + layout.dir() + " (bin/logriver cluster up starts one)");
            return lines;
        }
        ClusterProcesses processes = new ClusterProcesses(layout);
        Map<String, ProcessHandle> live = processes.daemons();
        for (String d : ClusterState.DAEMONS) {
            String address = address(s, d);
            boolean notOurs = d.equals(ClusterState.KAFKA) && !s.ownKafka() || d.equals(ClusterState.REDIS) && !s.ownRedis();
            String what = notOurs ? "not ours (was already running)"
                    : live.containsKey(d) ? "running, pid " + live.get(d).pid() : "NOT RUNNING";
            lines.add(String.format("%-10s %-16s %s", d, address, what));
        }
        List<ProcessHandle> workers = processes.workers();
        lines.add(String.format("%-10s %-16s %d processes (workers and their log writers)", "workers",
                "slots " + s.slots(), workers.size()));
        return lines;
    }

    private static String address(ClusterState s, String daemon) {
        return switch (daemon) {
            case ClusterState.ZOOKEEPER -> ClusterState.HOST + ":" + s.zookeeper();
            case ClusterState.NIMBUS -> s.nimbusAddress();
            case ClusterState.SUPERVISOR -> ClusterState.HOST + ":" + s.supervisor();
            case ClusterState.REDIS -> s.redis();
            case ClusterState.UI -> s.uiUrl();
            default -> s.kafka();
        };
    }

    private static String describe(ProcessHandle p) {
        String cmd = ClusterProcesses.commandLine(p);
        if (cmd.contains("io.logriver.launcher.Main ui")) {
            return "(Storm UI)";
        }
        for (String main : List.of("LogWriter", "worker.Worker", "Nimbus", "Supervisor", "ZooKeeperServerMain",
                "kafka.Kafka", "redis-server")) {
            if (cmd.contains(main)) {
                return "(" + main + ")";
            }
        }
        return "";
    }
}
