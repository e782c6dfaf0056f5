package io.logriver.peers.flink;

import io.logriver.logic.LatencyProbe;
import io.logriver.peers.PeerSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Flink peer in a JVM of its own: {@code FlinkPeerMain PARENT_PID SETTINGS_FILE}. It starts a {@link FlinkPeer},
 * prints {@code started} (or {@code failed REASON}), a {@link ProbeLine} every second, and stops the job when its
 * standard input says {@code stop} or ends, or when the process that started it ends.
 */
public final class FlinkPeerMain {
    static final String STARTED = "started";
    static final String FAILED = "failed ";
    static final String STOP = "stop";

    private FlinkPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(args[0]));
        PeerSettings settings;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(args[1])))) {
            settings = (PeerSettings) in.readObject();
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        FlinkPeer peer = new FlinkPeer(settings);
        parent.ifPresentOrElse(p -> p.onExit().thenRun(() -> stop(peer, 3)), () -> System.exit(3));
        try {
            peer.start();
        } catch (RuntimeException e) {
            out.println(FAILED + String.valueOf(e.getMessage()).replace('\n', ' '));
            System.exit(1);
        }
        out.println(STARTED);
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
        // ten times a second: the benchmark compares the records applied with the records sent at the same moment
        reporter.scheduleAtFixedRate(() -> report(out), 100, 100, TimeUnit.MILLISECONDS);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null && !line.trim().equals(STOP); line = commands.readLine()) {
            // nothing else is a command
        }
        reporter.shutdown();
        reporter.awaitTermination(10, TimeUnit.SECONDS);
        peer.close();
        report(out);
        System.exit(0);
    }

    private static synchronized void report(PrintStream out) {
        out.println(new ProbeLine(LatencyProbe.applied(), LatencyProbe.takeInTopology(), LatencyProbe.takeEndToEnd())
                .encode());
    }

    private static void stop(FlinkPeer peer, int status) {
        peer.close();
        System.exit(status);
    }
}
