package io.logriver.launcher.cli;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The processes the launcher starts (a broker, Redis, the dev cluster's daemons), stopped the same way. */
public final class Processes {
    private Processes() {
    }

    /** Asks a process to stop (SIGTERM), and kills it if it has not within the grace period. */
    public static void stop(ProcessHandle p, Duration grace) throws InterruptedException {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
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
