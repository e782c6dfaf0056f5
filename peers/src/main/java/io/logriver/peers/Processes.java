package io.logriver.peers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending a child process without leaving it behind. */
public final class Processes {
    private Processes() {
    }

    /** Waits for a process that was asked to end; kills it when it takes longer than {@code patience}. */
    public static void awaitExit(Process process, Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
