package io.logriver.launcher.submit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.storm.generated.BoltAggregateStats;
import org.apache.storm.generated.CommonAggregateStats;
import org.apache.storm.generated.ComponentAggregateStats;
import org.apache.storm.generated.ComponentPageInfo;
import org.apache.storm.generated.GlobalStreamId;
import org.apache.storm.generated.TopologyPageInfo;
import org.apache.storm.generated.TopologyStats;
import org.apache.storm.generated.WorkerSummary;

/**
 * The figures the Storm UI shows, from the same Nimbus calls (getTopologyPageInfo, getComponentPageInfo), as text:
 * the topology, its workers, each spout and bolt, and each component's streams, over one window (all time by default).
 */
final class StormStats {
    static final String ALL_TIME = ":all-time";

    private StormStats() {
    }

    static List<String> topology(TopologyPageInfo t) {
        TopologyStats s = t.get_topology_stats();
        List<String> out = new ArrayList<>();
        out.add(String.format("topology %s (%s) %s, up %ds, %d workers, %d executors, %d tasks", t.get_name(),
                t.get_id(), t.get_status(), t.get_uptime_secs(), t.get_num_workers(), t.get_num_executors(),
                t.get_num_tasks()));
        out.add(String.format("  %-22s emitted %,d  transferred %,d  acked %,d  failed %,d  complete latency %.3f ms",
                "all time", at(s.get_window_to_emitted()), at(s.get_window_to_transferred()),
                at(s.get_window_to_acked()), at(s.get_window_to_failed()),
                s.get_window_to_complete_latencies_ms().getOrDefault(ALL_TIME, 0.0)));
        return out;
    }

    /** Each worker: its host and port, uptime, and its executors' tasks per component (system ones left out). */
    static List<String> workers(TopologyPageInfo t) {
        List<String> out = new ArrayList<>(List.of("workers"));
        List<WorkerSummary> workers = t.get_workers() == null ? List.of() : new ArrayList<>(t.get_workers());
        workers.sort(Comparator.comparing(WorkerSummary::get_host).thenComparingInt(WorkerSummary::get_port));
        for (WorkerSummary w : workers) {
            StringBuilder tasks = new StringBuilder();
            new TreeMap<>(orEmpty(w.get_component_to_num_tasks())).forEach((component, n) ->
                    tasks.append(tasks.isEmpty() ? "" : ", ").append(component).append(" ").append(n));
            out.add(String.format("  %-22s up %ds, %d executors; tasks: %s", w.get_host() + ":" + w.get_port(),
                    w.get_uptime_secs(), w.get_num_executors(), tasks));
        }
        return out;
    }

    static List<String> spouts(TopologyPageInfo t) {
        List<String> out = new ArrayList<>(List.of("spouts"));
        new TreeMap<>(t.get_id_to_spout_agg_stats()).forEach((id, a) -> out.add(String.format(
                "  %-22s %s  complete latency %.3f ms", id, common(a.get_common_stats()),
                a.get_specific_stats().get_spout().get_complete_latency_ms())));
        return out;
    }

    static List<String> bolts(TopologyPageInfo t) {
        List<String> out = new ArrayList<>(List.of("bolts"));
        new TreeMap<>(t.get_id_to_bolt_agg_stats()).forEach((id, a) -> out.add(String.format("  %-22s %s  %s", id,
                common(a.get_common_stats()), bolt(a.get_specific_stats().get_bolt()))));
        return out;
    }

    /** A component's streams: what it emits on each, and what it executes from each input. */
    static List<String> streams(ComponentPageInfo c) {
        List<String> out = new ArrayList<>();
        orEmpty(c.get_sid_to_output_stats()).forEach((stream, a) -> out.add(String.format(
                "  %-22s out %-26s emitted %,d  transferred %,d  acked %,d  failed %,d", c.get_component_id(), stream,
                a.get_common_stats().get_emitted(), a.get_common_stats().get_transferred(),
                a.get_common_stats().get_acked(), a.get_common_stats().get_failed())));
        Map<String, ComponentAggregateStats> inputs = new TreeMap<>();
        orEmpty(c.get_gsid_to_input_stats()).forEach((GlobalStreamId g, ComponentAggregateStats a) ->
                inputs.put(g.get_componentId() + ":" + g.get_streamId(), a));
        inputs.forEach((stream, a) -> out.add(String.format("  %-22s in  %-26s %s  acked %,d  failed %,d",
                c.get_component_id(), stream, a.get_specific_stats().is_set_bolt()
                        ? input(a.get_specific_stats().get_bolt()) : "", a.get_common_stats().get_acked(),
                a.get_common_stats().get_failed())));
        return out;
    }

    private static String common(CommonAggregateStats c) {
        return String.format("executors %d tasks %d  emitted %,d  transferred %,d  acked %,d  failed %,d",
                c.get_num_executors(), c.get_num_tasks(), c.get_emitted(), c.get_transferred(), c.get_acked(),
                c.get_failed());
    }

    private static String bolt(BoltAggregateStats b) {
        return String.format("executed %,d  execute latency %.3f ms  process latency %.3f ms  capacity %.3f",
                b.get_executed(), b.get_execute_latency_ms(), b.get_process_latency_ms(), b.get_capacity());
    }

    /** Thrift leaves a map unset (null) where the component has none, such as a spout's inputs. */
    private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
        return m == null ? Map.of() : new TreeMap<>(m);
    }

    private static String input(BoltAggregateStats b) {
        return String.format("executed %,d  execute latency %.3f ms  process latency %.3f ms", b.get_executed(),
                b.get_execute_latency_ms(), b.get_process_latency_ms());
    }

    private static long at(Map<String, Long> byWindow) {
        return byWindow.getOrDefault(ALL_TIME, 0L);
    }
}
