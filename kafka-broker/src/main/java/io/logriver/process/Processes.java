package io.logriver.process;

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
        try {
            p.onExit().get(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e2) {
                throw new IllegalStateException("process " + p.pid() + " did not die after SIGKILL", e2);
            }
        }
    }
}
