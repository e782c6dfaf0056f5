package io.logriver.peers.host;

import io.logriver.peers.LatencyProbe;
import io.logriver.peers.Latencies;
import io.logriver.peers.PeerSettings;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command loop of an engine in a JVM of its own ({@code MAIN PARENT_PID}): one job at a time, its latency probe
 * reported every {@link #REPORT_MILLIS} ms as a {@link ProbeLine}. Commands, one a line, each answered by one line:
 * <ul>
 *   <li>{@code start ENGINE SETTINGS_FILE}: starts a job (a serialized {@link PeerSettings}); {@code started} once it
 *       takes records, or {@code failed REASON};</li>
 *   <li>{@code stop}: stops it; {@code stopped};</li>
 *   <li>{@code record FILE} and {@code dump}: a flight recording of this JVM ({@link FlightRecording});
 *       {@code recording}, then {@code recorded};</li>
 *   <li>anything else goes to the host's {@link Jobs#call}.</li>
 * </ul>
 * The host ends when its standard input ends, or when the process that started it does.
 */
public final class EngineHost {
    /** How often a running job's probe is reported. */
    static final long REPORT_MILLIS = 50;
    /** What the engines' hooks record in this JVM ({@code logriver.latency.hook} names the probe). */
    private static final Latencies PROBE = LatencyProbe.latencies();
    private static final Logger LOG = LoggerFactory.getLogger(EngineHost.class);

    /** What a host runs: jobs of the engines it knows. */
    public interface Jobs {
        /** Starts a job and returns once it takes records as they come; throws, naming the cause, when it cannot. */
        Job start(String engine, PeerSettings settings) throws Exception;

        /** The answer to a command of this host's own, or null when it knows none such. */
        default String call(String command) throws Exception {
            return null;
        }

        /** Stops what the host started besides its jobs. */
        default void close() {
        }
    }

    /** A running job. */
    public interface Job extends AutoCloseable {
        /** Requests done with since it started: applied, filtered, invalid or late, as the engine counts them. */
        long finished();
    }

    private final Jobs jobs;
    private final PrintStream out;
    private volatile Job job;
    private long appliedBefore;
    private FlightRecording recording;

    private EngineHost(Jobs jobs, PrintStream out) {
        this.jobs = jobs;
        this.out = out;
    }

    /** Serves the commands on standard input until it ends; {@code args[0]} is the parent's process id. */
    public static void serve(String[] args, Jobs jobs) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // standard output is the protocol's: nothing else may write to it
        FlightRecording.startRecorder();
        EngineHost host = new EngineHost(jobs, out);
        ProcessHandle.of(Long.parseLong(args[0])).ifPresentOrElse(
                p -> p.onExit().thenRun(() -> host.end(3)), () -> host.end(3));
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "engine-host-probe");
            t.setDaemon(true);
            return t;
        });
        reporter.scheduleAtFixedRate(host::report, REPORT_MILLIS, REPORT_MILLIS, TimeUnit.MILLISECONDS);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                host.answer(line.trim());
            }
        } catch (Exception e) {
            LOG.error("engine host: lost its commands", e);
        }
        reporter.shutdownNow();
        host.end(0);
    }

    private void answer(String command) {
        String verb = command.contains(" ") ? command.substring(0, command.indexOf(' ')) : command;
        String[] words = command.split(" ");
        try {
            switch (verb) {
                case "start" -> say(start(words[1], Path.of(words[2])));
                case "stop" -> {
                    stopJob();
                    say("stopped");
                }
                case "record" -> {
                    recording = FlightRecording.start(Path.of(words[1]));
                    say("recording");
                }
                case "dump" -> {
                    recording.dump();
                    recording = null;
                    say("recorded");
                }
                default -> {
                    String a = jobs.call(command);
                    say(a != null ? a : "failed unknown command: " + command);
                }
            }
        } catch (Exception e) {
            LOG.error("engine host: {} failed", command, e);
            say("failed " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
    }

    private String start(String engine, Path settingsFile) throws Exception {
        stopJob();
        PeerSettings settings;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(settingsFile))) {
            settings = (PeerSettings) in.readObject();
        }
        Job started = jobs.start(engine, settings);
        synchronized (this) {
            PROBE.takeInTopology(); // what an earlier job left is not this one's
            PROBE.takeEndToEnd();
            PROBE.takeJoinWaits();
            appliedBefore = PROBE.applied();
            job = started;
        }
        return "started";
    }

    private void stopJob() throws Exception {
        Job j = job;
        synchronized (this) {
            job = null;
        }
        if (j != null) {
            j.close();
        }
    }

    private synchronized void report() {
        Job j = job;
        if (j != null) {
            say(new ProbeLine(PROBE.applied() - appliedBefore, j.finished(), PROBE.takeInTopology(),
                    PROBE.takeEndToEnd(), PROBE.takeJoinWaits()).encode());
        }
    }

    private synchronized void say(String line) {
        out.println(line);
    }

    private void end(int status) {
        try {
            stopJob();
            jobs.close();
        } catch (Exception e) {
            LOG.error("engine host: did not stop cleanly", e);
        }
        Runtime.getRuntime().halt(status); // a job's non-daemon threads must not keep the JVM
    }
}
