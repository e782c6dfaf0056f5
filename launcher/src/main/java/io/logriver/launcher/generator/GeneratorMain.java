package io.logriver.launcher.generator;

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

/**
 * The benchmark's generator in a JVM of its own ({@code GeneratorMain PARENT_PID SETTINGS_FILE RATE COUNT_REJECTS}):
 * a {@link LoadGenerator} into the topics of a serialized {@link PeerSettings}, at RATE records/s, sending from the
 * start. Every {@link #REPORT_MILLIS} ms it prints {@code gen SENT NEVER_APPLIED FAILED MAX_BEHIND_MS} (NEVER_APPLIED
 * counted only when COUNT_REJECTS is true); {@code reset} starts the furthest-behind figure from 0 again and is
 * answered {@code reset}; {@code now} prints that line at once and is answered {@code now}, so that the parent reads
 * counts no older than its question. It ends when its standard input ends, or when the process that started it does.
 */
public final class GeneratorMain {
    static final long REPORT_MILLIS = 50;
    static final String PREFIX = "gen ";

    private GeneratorMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // standard output is the protocol's
        PeerSettings s;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(args[1])))) {
            s = (PeerSettings) in.readObject();
        }
        LoadGenerator g = new LoadGenerator(s.config().bootstrapServers(), s.topics().weblogs(), s.topics().sessions(),
                Integer.parseInt(args[2]), new RecordGenerator(s.config().generator().seed(),
                s.config().generator().sessions(), true),
                Boolean.parseBoolean(args[3]) ? LoadGenerator.reachesWindow(s.futureTimeRule(), s.filterRules()) : null);
        ProcessHandle.of(Long.parseLong(args[0])).ifPresentOrElse(p -> p.onExit().thenRun(() -> end(g, 3)),
                () -> end(g, 3));
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
        reporter.scheduleAtFixedRate(() -> report(out, g), REPORT_MILLIS, REPORT_MILLIS, TimeUnit.MILLISECONDS);
        g.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.trim().equals("reset")) {
                    synchronized (GeneratorMain.class) {
                        g.maxBehindMillis(true);
                        out.println("reset");
                    }
                } else if (line.trim().equals("now")) {
                    synchronized (GeneratorMain.class) {
                        report(out, g);
                        out.println("now");
                    }
                }
            }
        }
        reporter.shutdownNow();
        end(g, 0);
    }

    private static synchronized void report(PrintStream out, LoadGenerator g) {
        out.println(PREFIX + g.sent() + " " + g.neverApplied() + " " + g.failed() + " " + g.maxBehindMillis(false));
    }

    private static void end(LoadGenerator g, int status) {
        g.close();
        Runtime.getRuntime().halt(status);
    }
}
