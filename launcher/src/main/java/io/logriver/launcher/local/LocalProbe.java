package io.logriver.launcher.local;

import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.topology.TopologyProbe;
import org.apache.storm.generated.TopologyInfo;

/** A topology of the local cluster in this JVM, as its mode reads it: its metrics through JMX, its status from Nimbus. */
public record LocalProbe(LocalStorm storm, String name, JmxMetrics metrics) implements TopologyProbe {

    @Override
    public long sum(String metric, String component) {
        return metrics.sum(metric, component);
    }

    @Override
    public int count(String component, String part) {
        return metrics.count(component, part);
    }

    @Override
    public boolean active() throws Exception {
        TopologyInfo info = storm.cluster().getTopologyInfoByName(name);
        return "ACTIVE".equals(info.get_status()) && info.get_executors_size() > 0;
    }
}
