package io.logriver.launcher.local;

import io.logriver.process.Deadline;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.topology.Mode;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Whether a topology in the local cluster takes records as they come ({@link Mode#ready}), so that a generator started
 * then leaves no start-up backlog.
 */
public final class TopologyReady {
    private TopologyReady() {
    }

    /** Waits until it is ready, {@code stopping} or the timeout passed; true when ready. */
    public static boolean await(LocalStorm storm, Mode mode, String name, JmxMetrics metrics, Duration timeout,
                                BooleanSupplier stopping) throws Exception {
        LocalProbe probe = new LocalProbe(storm, name, metrics);
        return Deadline.await(timeout, Duration.ofMillis(100),
                () -> stopping.getAsBoolean() || mode.ready(probe)) && !stopping.getAsBoolean();
    }
}
