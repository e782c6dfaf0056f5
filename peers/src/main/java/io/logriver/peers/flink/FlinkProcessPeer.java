package io.logriver.peers.flink;

import io.logriver.peers.Latencies;
import io.logriver.peers.Peer;
import io.logriver.peers.PeerSettings;
import io.logriver.peers.Processes;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The Flink peer in a JVM of its own ({@link FlinkPeerMain}), so that its CPU and GC are its own: started from this
 * module's class path ({@code peers/target/classpath.txt} under {@code -Dlogriver.home}), with the JVM options of
 * Flink's {@code env.java.opts.all} (default {@code -Xmx1g}). Its log goes to {@code WORKDIR/ID-logs/flink-peer.log};
 * its latency probe reaches this JVM ten times a second.
 */
public final class FlinkProcessPeer implements Peer {
    static final String JVM_OPTIONS = "env.java.opts.all";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final PeerSettings settings;
    private final Histogram inTopology = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram endToEnd = new Histogram(HIGHEST_MICROS, 3);
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile String failure;
    private volatile long applied;
    private Process process;
    private Path logDir;

    public FlinkProcessPeer(PeerSettings settings) {
        this.settings = settings;
    }

    @Override
    public String engine() {
        return FlinkPeer.ENGINE;
    }

    @Override
    public void start() throws InterruptedException {
        try {
            Path work = Files.createDirectories(Path.of(settings.workDir()));
            Path settingsFile = work.resolve(settings.id() + "-settings.bin");
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(settingsFile))) {
                out.writeObject(settings);
            }
            logDir = work.resolve(settings.id() + "-logs");
            process = new ProcessBuilder(command(settingsFile))
                    .redirectError(Files.createDirectories(logDir).resolve("stderr.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Flink peer's JVM: " + e.getMessage(), e);
        }
        Thread reader = new Thread(this::readReports, "flink-peer-" + settings.id());
        reader.setDaemon(true);
        reader.start();
        if (!started.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || failure != null) {
            String why = failure != null ? failure : "no answer within " + START_TIMEOUT.toSeconds() + " s";
            close();
            throw new IllegalStateException("Flink peer " + settings.id() + " did not start: " + why + " (log: "
                    + logDir + ")");
        }
    }

    private List<String> command(Path settingsFile) {
        Path home = Path.of(System.getProperty("logriver.home", ".")).toAbsolutePath().normalize();
        Path cpFile = home.resolve("peers/target/classpath.txt");
        String classpath;
        try {
            classpath = home.resolve("peers/target/classes") + File.pathSeparator + Files.readString(cpFile).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + cpFile + ": build first (mvn -q install -DskipTests)", e);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Arrays.asList(settings.engine().getOrDefault(JVM_OPTIONS, "-Xmx1g").trim().split("\\s+")));
        cmd.addAll(List.of("-Dlogriver.home=" + home, "-Dlogriver.logdir=" + logDir,
                "-Dlog4j2.configurationFile=log4j2-flink-peer.xml", "-cp", classpath,
                FlinkPeerMain.class.getName(), Long.toString(ProcessHandle.current().pid()), settingsFile.toString()));
        return cmd;
    }

    private void readReports() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                ProbeLine p = ProbeLine.decode(line);
                if (p != null) {
                    add(p);
                } else if (line.equals(FlinkPeerMain.STARTED)) {
                    started.countDown();
                } else if (line.startsWith(FlinkPeerMain.FAILED)) {
                    failure = line.substring(FlinkPeerMain.FAILED.length());
                    started.countDown();
                }
            }
        } catch (IOException e) {
            failure = "lost its output: " + e.getMessage();
        }
        if (started.getCount() > 0) {
            failure = "its JVM exited";
            started.countDown();
        }
    }

    private synchronized void add(ProbeLine p) {
        applied = p.applied();
        inTopology.add(p.inTopology());
        endToEnd.add(p.endToEnd());
    }

    /** Latencies as the peer's JVM reported them, up to 100 ms ago. */
    @Override
    public Latencies latencies() {
        return new Latencies() {
            @Override
            public Histogram takeInTopology() {
                return take(inTopology);
            }

            @Override
            public Histogram takeEndToEnd() {
                return take(endToEnd);
            }

            @Override
            public long applied() {
                return applied;
            }
        };
    }

    private synchronized Histogram take(Histogram h) {
        Histogram copy = h.copy();
        h.reset();
        return copy;
    }

    /** The CPU time the peer's JVM has used, as the operating system counts it (zero when unknown). */
    public Duration cpuTime() {
        return process == null ? Duration.ZERO : process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Asks the peer's JVM to stop its job, and waits for it to exit (30 s, then it is killed). */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try (OutputStream commands = process.getOutputStream()) {
            commands.write((FlinkPeerMain.STOP + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // its JVM has already gone
        }
        Processes.awaitExit(process, Duration.ofSeconds(30));
        process = null;
    }
}
