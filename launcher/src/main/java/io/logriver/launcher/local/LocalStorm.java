package io.logriver.launcher.local;

import io.logriver.cluster.LoopbackLocalCluster;
import io.logriver.launcher.metrics.MetricsReporters;
import java.nio.file.Path;
import java.util.Map;
import org.apache.storm.LocalCluster;
import org.apache.storm.generated.StormTopology;

/**
 * Storm in local mode, in this JVM, for {@code run}, file mode and the bench: a {@link LoopbackLocalCluster} whose
 * topologies report their metrics where the live view and file mode read them. Closing it kills the topologies and
 * stops everything it started.
 */
public final class LocalStorm implements AutoCloseable {
    private final LoopbackLocalCluster storm;

    private LocalStorm(LoopbackLocalCluster storm) {
        this.storm = storm;
    }

    public static LocalStorm start(Path dir) throws Exception {
        return new LocalStorm(LoopbackLocalCluster.start(dir.resolve("zookeeper")));
    }

    /** Submits with the JMX metrics reporter on, which the live view and file mode read in this JVM. */
    public void submit(String name, Map<String, Object> conf, StormTopology topology) throws Exception {
        conf.put(MetricsReporters.KEY, MetricsReporters.forLocalRun(conf));
        storm.cluster().submitTopology(name, conf, topology);
    }

    public void kill(String name) throws Exception {
        storm.kill(name);
    }

    public LocalCluster cluster() {
        return storm.cluster();
    }

    @Override
    public void close() {
        storm.close();
    }
}
