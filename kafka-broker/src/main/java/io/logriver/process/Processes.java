package io.logriver.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The processes logriver starts (a broker, Redis, the dev cluster's daemons, the peers' engines), stopped one way. */
public final class Processes {
    private Processes() {
    }

    /** Asks a process to stop (SIGTERM), and kills it if it has not within the grace period. */
    public static void stop(ProcessHandle p, Duration grace) throws InterruptedException {
        stopAll(List.of(p), grace);
    }

    /**
     * Asks every process to stop at once (SIGTERM), then waits for each, and kills one that has not stopped within the
     * grace period: processes that take a second or two each to shut down stop together, not one after another.
     */
    public static void stopAll(List<ProcessHandle> processes, Duration grace) throws InterruptedException {
        processes.forEach(ProcessHandle::destroy);
        Deadline deadline = Deadline.in(grace);
        for (ProcessHandle p : processes) {
            awaitOrKill(p, deadline.remaining());
        }
    }

    /**
     * Waits for a process that was asked to end (a signal, its standard input closed) and kills it (SIGKILL) if it has
     * not ended within {@code grace}.
     */
    public static void awaitOrKill(ProcessHandle p, Duration grace) throws InterruptedException {
        if (!p.isAlive()) {
            return;
        }
        if (!awaitExit(p, grace)) {
            p.destroyForcibly();
            if (!awaitExit(p, Duration.ofSeconds(10))) {
                throw new IllegalStateException("process " + p.pid() + " did not die after SIGKILL");
            }
        }
    }

    /**
     * Whether the process ended within {@code within}. It waits for the exit itself ({@link ProcessHandle#onExit}): a
     * process killed a moment ago already reports itself not alive before it is reaped.
     */
    public static boolean awaitExit(ProcessHandle p, Duration within) throws InterruptedException {
        try {
            p.onExit().get(within.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for process " + p.pid(), e.getCause());
        }
    }

    /**
     * Runs a short command (its error output with its output) and returns what it printed, trimmed.
     *
     * @throws IOException when it cannot be started, exits with a status other than 0 ({@code CMD failed (exit N):
     *     what it printed}) or has not ended within {@code timeout} (then it is killed)
     */
    public static String run(List<String> cmd, Duration timeout) throws IOException, InterruptedException {
        String name = String.join(" ", cmd);
        Path out = Files.createTempFile("logriver-run", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!awaitExit(p.toHandle(), timeout)) {
                awaitOrKill(p.toHandle(), Duration.ZERO);
                throw new IOException(name + ": no end within " + (timeout.toMillis() % 1000 == 0
                        ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
            }
            String said = Files.readString(out).trim();
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IOException(name + " failed (exit " + exit + ")" + (said.isEmpty() ? "" : ": " + said));
            }
            return said;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
