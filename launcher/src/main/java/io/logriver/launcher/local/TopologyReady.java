package io.logriver.launcher.local;

import io.logriver.launcher.cli.Deadline;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.names.Names;
import io.logriver.topology.Mode;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.storm.generated.TopologyInfo;

/**
 * Whether a topology in the local cluster takes records as they come, so that a generator started then leaves no
 * start-up backlog. Core: once its request spout has its partitions (the KafkaSpout registers its {@code kafkaOffset}
 * metrics then) and the partition stage has read the session table (it registers {@code logriver.sessions} then).
 * Trident: once Nimbus reports it ACTIVE with its executors running.
 */
public final class TopologyReady {
    private TopologyReady() {
    }

    /** Waits until it is ready, {@code stopping} or the timeout passed; true when ready. */
    public static boolean await(LocalStorm storm, Mode mode, String name, JmxMetrics metrics, Duration timeout,
                                BooleanSupplier stopping) throws Exception {
        return Deadline.await(timeout, Duration.ofMillis(100),
                () -> stopping.getAsBoolean() || ready(storm, mode, name, metrics)) && !stopping.getAsBoolean();
    }

    private static boolean ready(LocalStorm storm, Mode mode, String name, JmxMetrics metrics) throws Exception {
        if (mode == Mode.CORE) {
            return metrics.count(Names.WEBLOGS_SPOUT, "kafkaOffset") > 0
                    && metrics.count(Names.PARTITION_STAGE, Names.M_SESSIONS) > 0;
        }
        TopologyInfo info = storm.cluster().getTopologyInfoByName(name);
        return "ACTIVE".equals(info.get_status()) && info.get_executors_size() > 0;
    }
}
