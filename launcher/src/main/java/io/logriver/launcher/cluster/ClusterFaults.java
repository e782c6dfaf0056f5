package io.logriver.launcher.cluster;

import io.logriver.broker.KafkaBroker;
import io.logriver.process.Processes;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.redis.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Faults done to a dev cluster's processes, for the soak and the fault tests: a topology's worker JVM killed with
 * {@code kill -9} or stopped and continued ({@code SIGSTOP}/{@code SIGCONT}); the broker stopped and started again;
 * Redis killed and started again. Also where a topology's workers log their collections.
 */
public final class ClusterFaults {
    private final ClusterLayout layout;
    private final ClusterState state;
    private final Progress progress;

    public ClusterFaults(ClusterLayout layout, ClusterState state, Progress progress) {
        this.layout = layout;
        this.state = state;
        this.progress = progress;
    }

    /** The live worker JVMs of topology {@code name} (its LogWriters left out). */
    public List<ProcessHandle> workersOf(String name) throws IOException {
        return new ClusterProcesses(layout).workers().stream()
                .filter(p -> ClusterProcesses.commandLine(p).contains(" " + name + "-")
                        && !ClusterProcesses.commandLine(p).contains("org.apache.storm.LogWriter"))
                .toList();
    }

    /**
     * Asks each worker JVM of topology {@code name} for a full collection ({@code jcmd PID GC.run}, as
     * {@code System.gc()}), so that its GC log shows its live set; a worker that does not answer within
     * {@code timeout} (stopped by a fault) is left alone.
     */
    public void collectGarbage(String name, Duration timeout) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (ProcessHandle w : workersOf(name)) {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(w.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Processes.awaitOrKill(p.toHandle(), timeout);
        }
    }

    /** Kills one worker JVM of each topology (picked with {@code random}) with SIGKILL; the pids killed. */
    public List<Long> killWorkers(List<String> names, Random random) throws Exception {
        List<ProcessHandle> victims = pick(names, random);
        victims.forEach(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown hook, no last commit
        for (ProcessHandle w : victims) {
            awaitKilled(w);
        }
        return victims.stream().map(ProcessHandle::pid).toList();
    }

    /**
     * Kills the worker JVMs of each topology with SIGKILL the moment Redis is asked to write one of its state keys
     * ({@code prefixes}: topology name to the prefix of its keys): in the middle of a checkpoint (core) or of a batch's
     * commit (Trident). The pids killed; a topology that wrote nothing within {@code timeout} is an error.
     */
    public List<Long> killWorkersMidWrite(Map<String, String> prefixes, Duration timeout) throws Exception {
        List<Long> killed = new ArrayList<>();
        for (Map.Entry<String, String> t : prefixes.entrySet()) {
            List<ProcessHandle> workers = workersOf(t.getKey());
            boolean struck = WriteWatch.onFirstWrite(ClusterState.HOST, state.redisPort(), t.getValue(), timeout,
                    () -> workers.forEach(ProcessHandle::destroyForcibly));
            if (!struck) {
                throw new IllegalStateException(t.getKey() + " wrote no key " + t.getValue() + "* to Redis within "
                        + timeout.toSeconds() + " s");
            }
            for (ProcessHandle w : workers) {
                awaitKilled(w);
                killed.add(w.pid());
            }
        }
        return killed;
    }

    /** Stops one worker JVM of each topology with SIGSTOP for {@code pause}, then continues it (also when interrupted). */
    public List<Long> pauseWorkers(List<String> names, Random random, Duration pause) throws Exception {
        List<ProcessHandle> victims = pick(names, random);
        List<Long> pids = victims.stream().map(ProcessHandle::pid).toList();
        signal("-STOP", pids);
        try {
            Thread.sleep(pause.toMillis());
        } finally { // a worker the Supervisor killed meanwhile (its heartbeats stopped) needs no SIGCONT
            signal("-CONT", victims.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
        }
        return pids;
    }

    private List<ProcessHandle> pick(List<String> names, Random random) throws IOException {
        List<ProcessHandle> out = new ArrayList<>();
        for (String name : names) {
            List<ProcessHandle> workers = workersOf(name);
            if (workers.isEmpty()) {
                throw new IllegalStateException("topology " + name + " has no live worker JVM to strike");
            }
            out.add(workers.get(random.nextInt(workers.size())));
        }
        return out;
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        if (pids.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("kill", signal));
        pids.forEach(p -> cmd.add(Long.toString(p)));
        Processes.run(cmd, Duration.ofSeconds(10));
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 30 s), and starts it again {@code down} later. */
    public void stopBroker(Duration down) throws Exception {
        ProcessHandle broker = new ClusterProcesses(layout).daemon(ClusterState.KAFKA)
                .orElseThrow(() -> new IllegalStateException("the dev cluster's broker is not running"));
        Processes.stop(broker, Duration.ofSeconds(30));
        Thread.sleep(down.toMillis());
        KafkaBroker.startDetached(layout.kafka(), state.kafkaPort(), progress::say);
    }

    /** Kills Redis with SIGKILL, and starts it again {@code down} later on what its append-only file holds. */
    public void killRedis(Duration down) throws Exception {
        kill(ClusterState.REDIS);
        Thread.sleep(down.toMillis());
        RedisServer.startDetached(layout.redis(), state.redisPort(), progress);
    }

    /**
     * Fills the file system under Redis's append-only file; frees it {@code down} later, and starts Redis again on its
     * files if it stopped meanwhile (fsyncing every write, it stops at the first write it cannot make). What happened,
     * with what Redis said.
     */
    public String fillRedisDisk(Duration down) throws Exception {
        Path data = layout.redisData();
        if (!RedisDisk.mounted(data)) {
            throw new IllegalStateException("Redis's data (" + data + ") is not on a file system of its own");
        }
        ProcessHandle redis = new ClusterProcesses(layout).daemon(ClusterState.REDIS)
                .orElseThrow(() -> new IllegalStateException("the dev cluster's Redis is not running"));
        long t0 = System.nanoTime();
        Path filler = data.resolve("disk-full.filler");
        long filled = RedisDisk.fill(filler);
        boolean stopped;
        try {
            stopped = Processes.awaitExit(redis, down);
            long left = down.toNanos() - (System.nanoTime() - t0);
            if (left > 0) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left));
            }
        } finally {
            Files.deleteIfExists(filler);
        }
        String said = lastLines(layout.redis().resolve("redis.log"), "AOF", 2);
        if (stopped) {
            RedisServer.startDetached(layout.redis(), state.redisPort(), progress);
        }
        return String.format("Redis's file system filled (%,d MB more); Redis %s%s; freed %d s later%s", filled >> 20,
                stopped ? "stopped" : "did not stop", said.isEmpty() ? "" : " (its log: " + said + ")",
                down.toSeconds(), stopped ? ", Redis started again on its files" : "");
    }

    /** The last {@code n} lines of {@code log} that contain {@code text}, without their prefixes, joined. */
    private static String lastLines(Path log, String text, int n) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> hits = Files.readAllLines(log).stream().filter(l -> l.contains(text))
                .map(l -> l.replaceFirst("^\\d+:\\w \\d+ \\w+ \\d{4} [\\d:.]+ . ", "")).toList();
        return String.join(" / ", hits.subList(Math.max(0, hits.size() - n), hits.size()));
    }

    /** Kills Nimbus with SIGKILL, and starts it again {@code down} later. */
    public void killNimbus(Duration down) throws Exception {
        kill(ClusterState.NIMBUS);
        Thread.sleep(down.toMillis());
        new StormDaemons(layout, state).startNimbus();
    }

    /** Kills ZooKeeper with SIGKILL, and starts it again {@code down} later on its data directory. */
    public void killZookeeper(Duration down) throws Exception {
        kill(ClusterState.ZOOKEEPER);
        Thread.sleep(down.toMillis());
        new StormDaemons(layout, state).startZookeeper();
    }

    private void kill(String daemon) throws Exception {
        ProcessHandle p = new ClusterProcesses(layout).daemon(daemon)
                .orElseThrow(() -> new IllegalStateException("the dev cluster's " + daemon + " is not running"));
        p.destroyForcibly();
        awaitKilled(p);
    }

    private static void awaitKilled(ProcessHandle p) throws InterruptedException {
        if (!Processes.awaitExit(p, Duration.ofSeconds(30))) {
            throw new IllegalStateException("process " + p.pid() + " still runs 30 s after SIGKILL");
        }
    }

    /**
     * The newest collection log of topology {@code name}'s workers ({@code workers-artifacts/ID/PORT/gc.log*}, as
     * the dev cluster's {@code worker.childopts} ask), if any.
     */
    public Optional<Path> gcLog(String name) throws IOException {
        Path artifacts = layout.logs().resolve("workers-artifacts");
        if (!Files.isDirectory(artifacts)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(artifacts, 3)) {
            return files.filter(f -> f.getFileName().toString().startsWith("gc.log"))
                    .filter(f -> f.getParent().getParent().getFileName().toString().startsWith(name + "-"))
                    .max(Comparator.comparingLong(ClusterFaults::modified));
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
