package io.logriver.launcher.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.logriver.launcher.cli.Progress;
import io.logriver.process.Deadline;
import java.time.Duration;
import java.time.LocalTime;
import java.util.function.Predicate;

/** Waiting in integration tests: poll until a value passes, or fail at a deadline showing the last value seen. */
public final class Await {
    private Await() {
    }

    /** Something to poll. */
    public interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls every 500 ms; prints how long it waited (the IT's output says where a suite's time goes). */
    public static <T> T until(String what, Duration deadline, Probe<T> probe, Predicate<T> done) throws Exception {
        long start = System.nanoTime();
        Deadline end = Deadline.in(deadline);
        T last = probe.get();
        while (!done.test(last)) {
            assertFalse(end.passed(), "no " + what + " within " + deadline + "; last:\n" + last);
            Thread.sleep(500);
            last = probe.get();
        }
        System.out.println(Progress.line(LocalTime.now(),
                String.format("waited %.1f s for %s", (System.nanoTime() - start) / 1e9, what)));
        return last;
    }
}
