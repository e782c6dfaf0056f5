package io.logriver.process;

import java.time.Duration;

/**
 * A point in time to wait until, on the monotonic clock: {@link #await} polls a check at a fixed pace until it holds or
 * the time is up, never a blind sleep; a loop that must do more between checks (read on, report, look for Ctrl-C) asks
 * {@link #passed()} instead of adding nanoseconds itself.
 */
public final class Deadline {
    private final Duration timeout;
    private final long endNanos;

    private Deadline(Duration timeout) {
        this.timeout = timeout;
        this.endNanos = System.nanoTime() + timeout.toNanos();
    }

    /** The deadline {@code timeout} from now. */
    public static Deadline in(Duration timeout) {
        return new Deadline(timeout);
    }

    /** Whether the time is up. */
    public boolean passed() {
        return System.nanoTime() - endNanos > 0;
    }

    /** The time left, zero once it has passed. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** How long it gave (for messages: "within 30 s"). */
    public Duration timeout() {
        return timeout;
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
        Deadline deadline = in(timeout);
        while (!check.done()) {
            if (deadline.passed()) {
                return false;
            }
            Thread.sleep(every.toMillis());
        }
        return true;
    }
}
