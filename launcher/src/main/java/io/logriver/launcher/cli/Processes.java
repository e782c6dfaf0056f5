package io.logriver.launcher.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The processes the launcher starts (a broker, Redis, the dev cluster's daemons), stopped the same way. */
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
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : processes) {
            awaitOrKill(p, Math.max(0, deadline - System.nanoTime()));
        }
    }

    private static void awaitOrKill(ProcessHandle p, long graceNanos) throws InterruptedException {
        if (!p.isAlive()) {
            return;
        }
        try {
            p.onExit().get(graceNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e2) {
                throw new IllegalStateException("process " + p.pid() + " did not die after SIGKILL", e2);
            }
        }
    }
}
