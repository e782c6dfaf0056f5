package io.logriver.launcher.cli;

import java.time.Duration;

/** Waiting for something with a deadline: a check polled at a fixed pace, never a blind sleep. */
public final class Deadline {
    private Deadline() {
    }

    /** A condition to poll; it may throw, for instance when the process it waits for has died. */
    public interface Check<E extends Exception> {
        boolean done() throws E;
    }

    /**
     * Polls {@code check} every {@code every} until it holds (true) or {@code timeout} has passed (false); the
     * caller says what did not happen.
     */
    public static <E extends Exception> boolean await(Duration timeout, Duration every, Check<E> check)
            throws E, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(every.toMillis());
        }
        return true;
    }
}
