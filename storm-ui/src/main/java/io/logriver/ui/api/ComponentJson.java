package io.logriver.ui.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.Constants;
import org.apache.storm.generated.BoltAggregateStats;
import org.apache.storm.generated.ComponentAggregateStats;
import org.apache.storm.generated.ComponentPageInfo;
import org.apache.storm.generated.ComponentType;
import org.apache.storm.generated.ErrorInfo;
import org.apache.storm.generated.ExecutorAggregateStats;
import org.apache.storm.generated.ExecutorSummary;
import org.apache.storm.generated.GlobalStreamId;

/**
 * {@code /api/v1/topology/:id/component/:component}: a {@code ComponentPageInfo} under the field names of Storm
 * 2.8.3's {@code UIHelpers.getComponentPage} (bolts: boltStats, inputStats; spouts: spoutSummary; both: outputStats,
 * executorStats, componentErrors).
 */
public final class ComponentJson {
    private ComponentJson() {
    }

    public static Map<String, Object> page(ComponentPageInfo c, String topologyId, String window) {
        boolean bolt = c.get_component_type() == ComponentType.BOLT;
        Map<String, Object> r = new LinkedHashMap<>();
        List<Map<String, Object>> perWindow = new ArrayList<>();
        TopologyJson.orEmpty(c.get_window_to_stats()).forEach((w, a) -> perWindow.add(windowStats(w, a, bolt)));
        perWindow.sort(Comparator.comparingInt(m -> Pretty.WINDOWS.indexOf((String) m.get("window"))));
        r.put(bolt ? "boltStats" : "spoutSummary", perWindow);
        if (bolt) {
            List<Map<String, Object>> inputs = new ArrayList<>();
            TopologyJson.orEmpty(c.get_gsid_to_input_stats()).forEach((g, a) -> inputs.add(input(g, a)));
            r.put("inputStats", inputs);
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        TopologyJson.orEmpty(c.get_sid_to_output_stats()).forEach((s, a) -> outputs.add(output(s, a, bolt)));
        r.put("outputStats", outputs);
        List<Map<String, Object>> executors = new ArrayList<>();
        ClusterJson.orEmpty(c.get_exec_stats()).forEach(e -> executors.add(executor(e, bolt)));
        r.put("executorStats", executors);
        List<ErrorInfo> errors = new ArrayList<>(ClusterJson.orEmpty(c.get_errors()));
        errors.sort(Comparator.comparingInt(ErrorInfo::get_error_time_secs));
        r.put("componentErrors", errors.stream().map(StatsJson::error).toList());
        r.put("user", null);
        r.put("id", c.get_component_id());
        r.put("encodedId", Encoding.url(c.get_component_id()));
        r.put("readableName", TridentNames.readable(c.get_component_id()));
        r.put("name", c.get_topology_name());
        r.put("executors", c.get_num_executors());
        r.put("tasks", c.get_num_tasks());
        Map<String, Double> resources = TopologyJson.orEmpty(c.get_resources_map());
        r.put("requestedMemOnHeap", resources.get(Constants.COMMON_ONHEAP_MEMORY_RESOURCE_NAME));
        r.put("requestedMemOffHeap", resources.get(Constants.COMMON_OFFHEAP_MEMORY_RESOURCE_NAME));
        r.put("requestedCpu", resources.get(Constants.COMMON_CPU_RESOURCE_NAME));
        r.put("schedulerDisplayResource", false);
        r.put("topologyId", topologyId);
        r.put("topologyStatus", c.get_topology_status());
        r.put("encodedTopologyId", Encoding.url(topologyId));
        r.put("window", window);
        r.put("componentType", bolt ? "bolt" : "spout");
        r.put("windowHint", Pretty.windowHint(window));
        r.put("debug", c.is_set_debug_options() && c.get_debug_options().is_enable());
        r.put("samplingPct", c.is_set_debug_options() ? c.get_debug_options().get_samplingpct() : 10.0);
        r.put("profilingAndDebuggingCapable", false);
        r.put("profileActionEnabled", false);
        r.put("profilerActive", List.of());
        return r;
    }

    private static Map<String, Object> windowStats(String window, ComponentAggregateStats a, boolean bolt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", window);
        m.put("windowPretty", Pretty.windowHint(window));
        m.put("emitted", a.get_common_stats().get_emitted());
        m.put("transferred", a.get_common_stats().get_transferred());
        m.put("acked", a.get_common_stats().get_acked());
        m.put("failed", a.get_common_stats().get_failed());
        if (bolt) {
            BoltAggregateStats b = a.get_specific_stats().get_bolt();
            m.put("executeLatency", Pretty.floatStr(b.get_execute_latency_ms()));
            m.put("executed", b.get_executed());
            m.put("processLatency", Pretty.floatStr(b.get_process_latency_ms()));
            m.put("capacity", Pretty.floatStr(b.get_capacity()));
        } else {
            m.put("completeLatency", a.get_specific_stats().get_spout().get_complete_latency_ms());
            m.put("lastError", a.get_last_error() == null ? "" : a.get_last_error().get_error());
        }
        return m;
    }

    private static Map<String, Object> input(GlobalStreamId g, ComponentAggregateStats a) {
        BoltAggregateStats b = a.get_specific_stats().get_bolt();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("component", g.get_componentId());
        m.put("encodedComponentId", Encoding.url(g.get_componentId()));
        m.put("stream", g.get_streamId());
        m.put("executeLatency", Pretty.floatStr(b.get_execute_latency_ms()));
        m.put("processLatency", Pretty.floatStr(b.get_process_latency_ms()));
        m.put("executed", b.get_executed());
        m.put("acked", a.get_common_stats().get_acked());
        m.put("failed", a.get_common_stats().get_failed());
        return m;
    }

    private static Map<String, Object> output(String stream, ComponentAggregateStats a, boolean bolt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stream", stream);
        m.put("emitted", a.get_common_stats().get_emitted());
        m.put("transferred", a.get_common_stats().get_transferred());
        if (!bolt) {
            m.put("completeLatency", Pretty.floatStr(a.get_specific_stats().get_spout().get_complete_latency_ms()));
            m.put("acked", a.get_common_stats().get_acked());
            m.put("failed", a.get_common_stats().get_failed());
        }
        return m;
    }

    private static Map<String, Object> executor(ExecutorAggregateStats e, boolean bolt) {
        ExecutorSummary s = e.get_exec_summary();
        String id = "[" + s.get_executor_info().get_task_start() + "-" + s.get_executor_info().get_task_end() + "]";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("encodedId", Encoding.url(id));
        m.put("uptime", Pretty.uptime(s.get_uptime_secs()));
        m.put("uptimeSeconds", s.get_uptime_secs());
        m.put("host", s.get_host());
        m.put("port", s.get_port());
        ComponentAggregateStats a = e.get_stats();
        m.put("emitted", a.get_common_stats().get_emitted());
        m.put("transferred", a.get_common_stats().get_transferred());
        if (bolt) {
            BoltAggregateStats b = a.get_specific_stats().get_bolt();
            m.put("capacity", Pretty.floatStr(b.get_capacity()));
            m.put("executeLatency", Pretty.floatStr(b.get_execute_latency_ms()));
            m.put("executed", b.get_executed());
            m.put("processLatency", Pretty.floatStr(b.get_process_latency_ms()));
        } else {
            m.put("completeLatency", Pretty.floatStr(a.get_specific_stats().get_spout().get_complete_latency_ms()));
        }
        m.put("acked", a.get_common_stats().get_acked());
        m.put("failed", a.get_common_stats().get_failed());
        m.put("workerLogLink", null);
        return m;
    }
}
