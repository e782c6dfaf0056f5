package io.logriver.ui.metrics;

import io.logriver.ui.api.Pretty;
import io.logriver.ui.api.TopologyJson;
import io.logriver.ui.api.TridentNames;
import io.logriver.ui.nimbus.NimbusApi;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import org.apache.storm.generated.BoltAggregateStats;
import org.apache.storm.generated.CommonAggregateStats;
import org.apache.storm.generated.ComponentAggregateStats;
import org.apache.storm.generated.TopologyPageInfo;
import org.apache.storm.generated.TopologyStats;
import org.apache.storm.generated.TopologySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of each topology's {@code getTopologyPageInfo} (all time), scraped from Nimbus at each Prometheus
 * scrape: per topology and per component, labelled {@code topology}, {@code component} and {@code mode}.
 * {@code storm_nimbus_up} is 0 when Nimbus does not answer, so that a scrape says so rather than failing.
 */
public final class StormCollector implements MultiCollector {
    private static final Logger LOG = LoggerFactory.getLogger(StormCollector.class);
    private final NimbusApi nimbus;

    public StormCollector(NimbusApi nimbus) {
        this.nimbus = nimbus;
    }

    @Override
    public MetricSnapshots collect() {
        Snapshots s = new Snapshots();
        try {
            for (TopologySummary t : nimbus.getTopologySummaries()) {
                try {
                    topology(s, nimbus.getTopologyPageInfo(t.get_id(), Pretty.ALL_TIME, false));
                } catch (NimbusApi.NotFoundException e) {
                    LOG.debug("topology {} went away during a scrape", t.get_id());
                }
            }
            s.gauge("storm_nimbus_up", "1 when Nimbus answered this scrape, else 0", 1);
        } catch (Exception e) {
            LOG.debug("scrape: Nimbus does not answer", e);
            s.gauge("storm_nimbus_up", "1 when Nimbus answered this scrape, else 0", 0);
        }
        return s.build();
    }

    private static void topology(Snapshots s, TopologyPageInfo t) {
        String mode = TridentNames.isTrident(TopologyJson.componentIds(t)) ? "trident" : "core";
        String[] labels = {"topology", t.get_name(), "mode", mode};
        s.gauge("storm_topology_uptime_seconds", "seconds since the topology was submitted", t.get_uptime_secs(),
                labels);
        s.gauge("storm_topology_workers", "worker processes of the topology", t.get_num_workers(), labels);
        s.gauge("storm_topology_executors", "executors of the topology", t.get_num_executors(), labels);
        s.gauge("storm_topology_active", "1 while the topology is ACTIVE", "ACTIVE".equals(t.get_status()) ? 1 : 0,
                labels);
        TopologyStats ts = t.get_topology_stats();
        if (ts != null) {
            s.counter("storm_topology_emitted", "tuples emitted, all time", at(ts.get_window_to_emitted()), labels);
            s.counter("storm_topology_transferred", "tuples transferred, all time",
                    at(ts.get_window_to_transferred()), labels);
            s.counter("storm_topology_acked", "spout tuples acked, all time", at(ts.get_window_to_acked()), labels);
            s.counter("storm_topology_failed", "spout tuples failed, all time", at(ts.get_window_to_failed()), labels);
            Double latency = ts.get_window_to_complete_latencies_ms() == null ? null
                    : ts.get_window_to_complete_latencies_ms().get(Pretty.ALL_TIME);
            s.gauge("storm_topology_complete_latency_ms", "spout tuples' complete latency, all time",
                    latency == null ? 0 : latency, labels);
        }
        components(s, t.get_name(), mode, t.get_id_to_spout_agg_stats());
        components(s, t.get_name(), mode, t.get_id_to_bolt_agg_stats());
    }

    private static void components(Snapshots s, String topology, String mode, Map<String, ComponentAggregateStats> m) {
        if (m == null) {
            return;
        }
        m.forEach((id, a) -> {
            String[] labels = {"topology", topology, "component", id, "mode", mode};
            CommonAggregateStats c = a.get_common_stats();
            s.counter("storm_component_emitted", "tuples the component emitted, all time", c.get_emitted(), labels);
            s.counter("storm_component_transferred", "tuples the component transferred, all time",
                    c.get_transferred(), labels);
            s.counter("storm_component_acked", "tuples the component acked, all time", c.get_acked(), labels);
            s.counter("storm_component_failed", "tuples the component failed, all time", c.get_failed(), labels);
            if (a.get_specific_stats().is_set_bolt()) {
                BoltAggregateStats b = a.get_specific_stats().get_bolt();
                s.counter("storm_bolt_executed", "tuples the bolt executed, all time", b.get_executed(), labels);
                s.gauge("storm_bolt_capacity", "share of the last 10 minutes the bolt's busiest executor was busy",
                        b.get_capacity(), labels);
                s.gauge("storm_bolt_execute_latency_ms", "mean execute latency, all time", b.get_execute_latency_ms(),
                        labels);
                s.gauge("storm_bolt_process_latency_ms", "mean process latency, all time", b.get_process_latency_ms(),
                        labels);
            } else if (a.get_specific_stats().is_set_spout()) {
                s.gauge("storm_spout_complete_latency_ms", "mean complete latency, all time",
                        a.get_specific_stats().get_spout().get_complete_latency_ms(), labels);
            }
        });
    }

    private static long at(Map<String, Long> byWindow) {
        return byWindow == null ? 0 : byWindow.getOrDefault(Pretty.ALL_TIME, 0L);
    }
}
