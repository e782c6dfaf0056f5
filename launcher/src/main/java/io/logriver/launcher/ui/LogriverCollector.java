package io.logriver.launcher.ui;

import io.logriver.launcher.cluster.ClusterLayout;
import io.logriver.launcher.metrics.Accounting;
import io.logriver.launcher.metrics.CsvMetrics;
import io.logriver.names.Names;
import io.logriver.ui.api.Pretty;
import io.logriver.ui.api.TopologyJson;
import io.logriver.ui.api.TridentNames;
import io.logriver.ui.metrics.Snapshots;
import io.logriver.ui.nimbus.NimbusApi;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.storm.generated.TopologyPageInfo;
import org.apache.storm.generated.TopologySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * logriver's own metrics on {@code /metrics}, per topology of the dev cluster, from its workers' latest CSV reports:
 * the records by outcome ({@code read}, {@code aggregated}, {@code filtered}, {@code invalid}, {@code late}) and the
 * processing latency and join wait quantiles, labelled {@code topology} and {@code mode}.
 */
final class LogriverCollector implements MultiCollector {
    private static final Logger LOG = LoggerFactory.getLogger(LogriverCollector.class);
    private final NimbusApi nimbus;
    private final ClusterLayout layout;

    LogriverCollector(NimbusApi nimbus, ClusterLayout layout) {
        this.nimbus = nimbus;
        this.layout = layout;
    }

    @Override
    public MetricSnapshots collect() {
        Snapshots s = new Snapshots();
        try {
            for (TopologySummary t : nimbus.getTopologySummaries()) {
                CsvMetrics m = CsvMetrics.read(layout.csvMetrics(), t.get_id());
                if (!m.isEmpty()) {
                    TopologyPageInfo page = nimbus.getTopologyPageInfo(t.get_id(), Pretty.ALL_TIME, false);
                    String mode = TridentNames.isTrident(TopologyJson.componentIds(page)) ? "trident" : "core";
                    topology(s, m, t.get_name(), mode);
                }
            }
        } catch (Exception e) {
            LOG.debug("scrape: logriver's metrics left out", e);
        }
        return s.build();
    }

    private static void topology(Snapshots s, CsvMetrics m, String topology, String mode) {
        Accounting a = Accounting.of(m::total);
        String help = "request records by outcome: read = aggregated + filtered + invalid + late";
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("read", a.read());
        outcomes.put("aggregated", a.aggregated());
        outcomes.put("filtered", a.filtered());
        outcomes.put("invalid", a.invalid());
        outcomes.put("late", a.late());
        outcomes.forEach((outcome, n) -> s.counter("logriver_records", help, n, "topology", topology, "mode", mode,
                "outcome", outcome));
        quantiles(s, m, "logriver_latency_ms", "processing latency, spout to window", Names.M_LATENCY_US, topology,
                mode);
        quantiles(s, m, "logriver_join_wait_ms", "how long requests waited for their session", Names.M_JOIN_WAIT_US,
                topology, mode);
    }

    private static void quantiles(Snapshots s, CsvMetrics m, String name, String help, String metric, String topology,
                                  String mode) {
        if (m.total(metric) == 0) {
            return;
        }
        for (String[] q : new String[][] {{"0.5", "p50"}, {"0.99", "p99"}, {"0.999", "p999"}}) {
            s.gauge(name, help + " (the largest of the tasks' quantiles, last report)",
                    m.maxOverComponents(metric, q[1]) / 1000, "topology", topology, "mode", mode, "quantile", q[0]);
        }
    }
}
