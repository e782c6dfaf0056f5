package io.logriver.launcher.feed;

import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.StopSignal;
import io.logriver.launcher.kafka.RecordFiles;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The pace of {@code replay}: the n-th request is due at start + n / rate (an open-loop schedule, as the generator's),
 * or at once when the rate is 0 ({@code --rate max}); a progress line every 5 seconds; Ctrl-C stops the sending.
 */
final class ReplayPace implements RecordFiles.Pace {
    private static final long REPORT_NANOS = Duration.ofSeconds(5).toNanos();

    private final int rate;
    private final Progress progress;
    private final StopSignal stop;
    private long start;
    private long nextReport;

    ReplayPace(int rate, Progress progress, StopSignal stop) {
        this.rate = rate;
        this.progress = progress;
        this.stop = stop;
    }

    /** Whether Ctrl-C stopped the sending. */
    boolean stopped() {
        return stop.stopping();
    }

    @Override
    public boolean before(long n) throws InterruptedException {
        long now = System.nanoTime();
        if (n == 0) {
            start = now;
            nextReport = now + REPORT_NANOS;
        }
        long behind = 0;
        if (rate > 0) {
            long due = start + (long) (n * 1e9 / rate);
            while (now < due) {
                if (stop.stopping()) {
                    return false;
                }
                LockSupport.parkNanos(Math.min(due - now, 100_000_000L));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                now = System.nanoTime();
            }
            behind = now - due;
        }
        if (now >= nextReport) {
            progress.say(String.format("wrote %,d requests (%,.0f/s)%s", n, n / ((now - start) / 1e9),
                    rate > 0 ? String.format(", %,d ms behind schedule", behind / 1_000_000) : ""));
            nextReport += REPORT_NANOS;
        }
        return !stop.stopping();
    }
}
