package io.logriver.ui.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.storm.generated.ComponentAggregateStats;
import org.apache.storm.generated.TopologyPageInfo;
import org.apache.storm.generated.TopologyStats;
import org.apache.storm.generated.WorkerSummary;

/**
 * {@code /api/v1/topology/:id} (and {@code /metrics}): a {@code TopologyPageInfo} under the field names of Storm
 * 2.8.3's {@code UIHelpers.getTopologySummary}, plus {@code readableName} beside each Trident component's id.
 */
public final class TopologyJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopologyJson() {
    }

    public static Map<String, Object> page(TopologyPageInfo t, String window) throws JsonProcessingException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", t.get_id());
        r.put("encodedId", Encoding.url(t.get_id()));
        r.put("owner", t.get_owner());
        r.put("name", t.get_name());
        r.put("status", t.get_status());
        r.put("uptime", Pretty.uptime(t.get_uptime_secs()));
        r.put("uptimeSeconds", t.get_uptime_secs());
        r.put("tasksTotal", t.get_num_tasks());
        r.put("workersTotal", t.get_num_workers());
        r.put("executorsTotal", t.get_num_executors());
        r.put("schedulerInfo", t.get_sched_status());
        r.put("requestedMemOnHeap", t.get_requested_memonheap());
        r.put("requestedMemOffHeap", t.get_requested_memoffheap());
        r.put("requestedCpu", t.get_requested_cpu());
        r.put("requestedTotalMem", t.get_requested_memonheap() + t.get_requested_memoffheap());
        r.put("assignedMemOnHeap", t.get_assigned_memonheap());
        r.put("assignedMemOffHeap", t.get_assigned_memoffheap());
        r.put("assignedTotalMem", t.get_assigned_memonheap() + t.get_assigned_memoffheap());
        r.put("assignedCpu", t.get_assigned_cpu());
        r.put("topologyStats", stats(t.get_topology_stats()));
        r.put("workers", workers(t));
        r.put("spouts", components(t.get_id_to_spout_agg_stats(), true));
        r.put("bolts", components(t.get_id_to_bolt_agg_stats(), false));
        boolean debug = t.is_set_debug_options() && t.get_debug_options().is_enable();
        r.put("debug", debug);
        r.put("samplingPct", debug ? t.get_debug_options().get_samplingpct() : 10.0);
        r.put("replicationCount", t.get_replication_count());
        r.put("topologyVersion", t.get_topology_version());
        r.put("stormVersion", t.get_storm_version());
        r.put("user", null);
        r.put("window", window);
        r.put("windowHint", Pretty.windowHint(window));
        Map<String, Object> conf = configuration(t);
        r.put("msgTimeout", conf.get("topology.message.timeout.secs"));
        r.put("configuration", conf);
        r.put("visualizationTable", List.of());
        r.put("schedulerDisplayResource", false);
        r.put("mode", TridentNames.isTrident(componentIds(t)) ? "trident" : "core");
        return r;
    }

    /** The topology's configuration, from the JSON text Nimbus returns. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> configuration(TopologyPageInfo t) throws JsonProcessingException {
        return t.get_topology_conf() == null ? Map.of()
                : new TreeMap<>(JSON.readValue(t.get_topology_conf(), Map.class));
    }

    public static List<String> componentIds(TopologyPageInfo t) {
        List<String> ids = new ArrayList<>();
        if (t.get_id_to_spout_agg_stats() != null) {
            ids.addAll(t.get_id_to_spout_agg_stats().keySet());
        }
        if (t.get_id_to_bolt_agg_stats() != null) {
            ids.addAll(t.get_id_to_bolt_agg_stats().keySet());
        }
        return ids;
    }

    private static List<Map<String, Object>> stats(TopologyStats s) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        List<String> windows = new ArrayList<>(orEmpty(s.get_window_to_emitted()).keySet());
        windows.sort(Comparator.comparingInt(Pretty.WINDOWS::indexOf));
        for (String window : windows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("windowPretty", Pretty.windowHint(window));
            m.put("window", window);
            m.put("emitted", s.get_window_to_emitted().get(window));
            m.put("transferred", orEmpty(s.get_window_to_transferred()).getOrDefault(window, 0L));
            m.put("completeLatency", Pretty.floatStr(orEmpty(s.get_window_to_complete_latencies_ms()).get(window)));
            m.put("acked", orEmpty(s.get_window_to_acked()).getOrDefault(window, 0L));
            m.put("failed", orEmpty(s.get_window_to_failed()).getOrDefault(window, 0L));
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> workers(TopologyPageInfo t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WorkerSummary w : ClusterJson.orEmpty(t.get_workers())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("supervisorId", w.get_supervisor_id());
            m.put("host", w.get_host());
            m.put("port", w.get_port());
            m.put("topologyId", w.get_topology_id());
            m.put("topologyName", w.get_topology_name());
            m.put("executorsTotal", w.get_num_executors());
            m.put("assignedMemOnHeap", w.get_assigned_memonheap());
            m.put("assignedMemOffHeap", w.get_assigned_memoffheap());
            m.put("assignedCpu", w.get_assigned_cpu());
            m.put("componentNumTasks", orEmpty(w.get_component_to_num_tasks()));
            m.put("uptime", Pretty.uptime(w.get_uptime_secs()));
            m.put("uptimeSeconds", w.get_uptime_secs());
            m.put("workerLogLink", null);
            m.put("owner", w.get_owner());
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> components(Map<String, ComponentAggregateStats> byId, boolean spouts) {
        List<Map<String, Object>> out = new ArrayList<>();
        new TreeMap<>(orEmpty(byId)).forEach((id, a) -> {
            Map<String, Object> m = new LinkedHashMap<>(StatsJson.common(a.get_common_stats()));
            m.put(spouts ? "spoutId" : "boltId", id);
            m.put(spouts ? "encodedSpoutId" : "encodedBoltId", Encoding.url(id));
            m.put("readableName", TridentNames.readable(id));
            if (spouts) {
                m.put("completeLatency", Pretty.floatStr(a.get_specific_stats().get_spout().get_complete_latency_ms()));
            } else {
                var b = a.get_specific_stats().get_bolt();
                m.put("capacity", Pretty.floatStr(b.get_capacity()));
                m.put("executeLatency", Pretty.floatStr(b.get_execute_latency_ms()));
                m.put("executed", b.get_executed());
                m.put("processLatency", Pretty.floatStr(b.get_process_latency_ms()));
            }
            m.putAll(StatsJson.lastError(a.get_last_error()));
            out.add(m);
        });
        return out;
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }
}
