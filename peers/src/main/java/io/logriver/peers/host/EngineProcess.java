package io.logriver.peers.host;

import io.logriver.peers.Latencies;
import io.logriver.peers.PeerSettings;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * An engine host ({@link EngineHost}) in a JVM of its own, seen from the JVM that started it: its jobs are started and
 * stopped by command, and its latency probe arrives every {@link EngineHost#REPORT_MILLIS} ms.
 */
public final class EngineProcess implements AutoCloseable {
    private static final Duration ANSWER = Duration.ofSeconds(60);
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final String name;
    private final Path workDir;
    private final Histogram inTopology = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram endToEnd = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram joinWaits = new Histogram(HIGHEST_MICROS, 3);
    private volatile long applied;
    private volatile long finished;
    private ChildJvm jvm;

    private EngineProcess(String name, Path workDir) {
        this.name = name;
        this.workDir = workDir;
    }

    /**
     * Starts the host {@code mainClass} of {@code module}'s class path, with these JVM options; its logs and the
     * settings of its jobs go under {@code workDir}.
     *
     * @param log4jConfig the host's logging configuration (a file, or a resource of its class path)
     * @param args        the host's own arguments, after the parent's process id
     */
    public static EngineProcess start(String name, String module, String mainClass, List<String> jvmOptions,
                                      String log4jConfig, Path workDir, List<String> args) {
        EngineProcess e = new EngineProcess(name, workDir);
        e.jvm = ChildJvm.start(name, ChildJvm.classpath(module), jvmOptions, workDir.resolve(name + "-logs"),
                log4jConfig, mainClass, args, e::report);
        return e;
    }

    private boolean report(String line) {
        ProbeLine p = ProbeLine.decode(line);
        if (p == null) {
            return false;
        }
        synchronized (this) {
            applied = p.applied();
            finished = p.finished();
            inTopology.add(p.inTopology());
            endToEnd.add(p.endToEnd());
            joinWaits.add(p.joinWaits());
        }
        return true;
    }

    /** Starts a job of {@code engine} and returns once it takes records; throws, naming the cause, if it cannot. */
    public void startJob(String engine, PeerSettings settings, Duration timeout) throws InterruptedException {
        Path file = workDir.resolve(settings.id() + "-settings.bin");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(settings);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            applied = 0;
            finished = 0;
            inTopology.reset();
            endToEnd.reset();
            joinWaits.reset();
        }
        expect("start " + engine + " " + file, "started", timeout, settings.id() + " did not start");
    }

    /** Stops the running job. */
    public void stopJob() throws InterruptedException {
        expect("stop", "stopped", ANSWER, "its job did not stop");
    }

    /** Starts a flight recording of the host's JVM, which {@link #dump} writes to {@code file}. */
    public void record(Path file) throws InterruptedException {
        expect("record " + file, "recording", ANSWER, "no flight recording");
    }

    public void dump() throws InterruptedException {
        expect("dump", "recorded", ANSWER, "the flight recording was not written");
    }

    /** A command of the host's own, and its answer. */
    public String call(String command, Duration timeout) throws InterruptedException {
        return jvm.call(command, timeout);
    }

    private void expect(String command, String answer, Duration timeout, String what) throws InterruptedException {
        String a = jvm.call(command, timeout);
        if (!a.equals(answer)) {
            throw new IllegalStateException(name + ": " + what + ": " + a.replaceFirst("^failed ", "")
                    + " (logs: " + workDir.resolve(name + "-logs") + ")");
        }
    }

    /** The latencies the host reported, up to {@link EngineHost#REPORT_MILLIS} ms ago. */
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
            public Histogram takeJoinWaits() {
                return take(joinWaits);
            }

            @Override
            public long applied() {
                return applied;
            }
        };
    }

    /** Requests the running job is done with, as it last reported. */
    public long finished() {
        return finished;
    }

    private synchronized Histogram take(Histogram h) {
        Histogram copy = h.copy();
        h.reset();
        return copy;
    }

    /** The CPU time the host's JVM has used so far. */
    public Duration cpuTime() {
        return jvm.cpuTime();
    }

    /** Ends the host (its job too), and waits for its JVM to exit. */
    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
            jvm = null;
        }
    }
}
