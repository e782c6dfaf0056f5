package io.logriver.launcher.bench;

import java.util.function.BooleanSupplier;

/** The benchmark was asked to stop (Ctrl-C): the point under way is dropped, the ones before it are reported. */
final class BenchStopped extends Exception {
    private static final long serialVersionUID = 1L;

    BenchStopped() {
        super("stopped on request (Ctrl-C)", null, false, false);
    }

    @Override
    public String toString() {
        return getMessage();
    }

    /** Sleeps {@code millis}, looking every 50 ms whether a stop was asked for. */
    static void pause(long millis, BooleanSupplier stopRequested) throws InterruptedException, BenchStopped {
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            check(stopRequested);
            Thread.sleep(Math.min(50, left));
        }
        check(stopRequested);
    }

    static void check(BooleanSupplier stopRequested) throws BenchStopped {
        if (stopRequested.getAsBoolean()) {
            throw new BenchStopped();
        }
    }
}
