package io.logriver.launcher.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for a command that runs until stopped: the signal sets {@link #stopping()}, and the JVM waits (up to a
 * minute) until the command has closed this, so that it stops what it started and says what it did before the JVM
 * ends.
 */
public final class StopSignal implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean stopping;

    public StopSignal() {
        hook = new Thread(() -> {
            stopping = true;
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "logriver-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once Ctrl-C (or any signal that ends the JVM) came. */
    public boolean stopping() {
        return stopping;
    }

    /** Lets the JVM end: the command has stopped everything it started. */
    @Override
    public void close() {
        finished.countDown();
        if (!stopping) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already
            }
        }
    }
}
