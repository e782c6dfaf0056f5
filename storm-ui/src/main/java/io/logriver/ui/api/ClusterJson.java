package io.logriver.ui.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.Config;
import org.apache.storm.Constants;
import org.apache.storm.generated.ClusterSummary;
import org.apache.storm.generated.NimbusSummary;
import org.apache.storm.generated.SupervisorSummary;
import org.apache.storm.generated.TopologySummary;
import org.apache.storm.utils.VersionInfo;

/**
 * The cluster's summaries (cluster, Nimbus, supervisors, topologies) under the field names of Storm 2.8.3's
 * {@code UIHelpers}: what scripts and exporters read from {@code /api/v1}.
 */
public final class ClusterJson {
    private ClusterJson() {
    }

    public static Map<String, Object> clusterSummary(ClusterSummary c) {
        Map<String, Object> r = new LinkedHashMap<>();
        List<SupervisorSummary> supervisors = orEmpty(c.get_supervisors());
        List<TopologySummary> topologies = orEmpty(c.get_topologies());
        int used = supervisors.stream().mapToInt(SupervisorSummary::get_num_used_workers).sum();
        int total = supervisors.stream().mapToInt(SupervisorSummary::get_num_workers).sum();
        double totalMem = supervisors.stream().mapToDouble(ClusterJson::totalMem).sum();
        double totalCpu = supervisors.stream().mapToDouble(ClusterJson::totalCpu).sum();
        double usedMem = supervisors.stream().mapToDouble(SupervisorSummary::get_used_mem).sum();
        double usedCpu = supervisors.stream().mapToDouble(SupervisorSummary::get_used_cpu).sum();
        r.put("user", null);
        r.put("stormVersion", VersionInfo.getVersion());
        r.put("supervisors", supervisors.size());
        r.put("topologies", topologies.size());
        r.put("slotsUsed", used);
        r.put("slotsTotal", total);
        r.put("slotsFree", total - used);
        r.put("tasksTotal", topologies.stream().mapToInt(TopologySummary::get_num_tasks).sum());
        r.put("executorsTotal", topologies.stream().mapToInt(TopologySummary::get_num_executors).sum());
        r.put("totalMem", totalMem);
        r.put("totalCpu", totalCpu);
        r.put("availMem", totalMem - usedMem);
        r.put("availCpu", totalCpu - usedCpu);
        r.put("fragmentedMem", supervisors.stream().mapToDouble(SupervisorSummary::get_fragmented_mem).sum());
        r.put("fragmentedCpu", supervisors.stream().mapToDouble(SupervisorSummary::get_fragmented_cpu).sum());
        r.put("schedulerDisplayResource", false);
        r.put("memAssignedPercentUtil", totalMem > 0 ? Pretty.floatStr(usedMem * 100.0 / totalMem) : "0.0");
        r.put("cpuAssignedPercentUtil", totalCpu > 0 ? Pretty.floatStr(usedCpu * 100.0 / totalCpu) : "0.0");
        return r;
    }

    public static Map<String, Object> nimbusSummary(ClusterSummary c) {
        List<Map<String, Object>> nimbuses = new ArrayList<>();
        for (NimbusSummary n : orEmpty(c.get_nimbuses())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", n.get_host());
            m.put("port", n.get_port());
            m.put("status", n.is_isLeader() ? "Leader" : "Not a Leader");
            m.put("version", n.get_version());
            m.put("nimbusUpTimeSeconds", n.get_uptime_secs());
            m.put("nimbusUpTime", Pretty.uptime(n.get_uptime_secs()));
            m.put("nimbusLogLink", null);
            nimbuses.add(m);
        }
        return Map.of("nimbuses", nimbuses);
    }

    public static Map<String, Object> supervisorSummary(ClusterSummary c) {
        List<Map<String, Object>> supervisors = new ArrayList<>();
        for (SupervisorSummary s : orEmpty(c.get_supervisors())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.get_supervisor_id());
            m.put("host", s.get_host());
            m.put("uptime", Pretty.uptime(s.get_uptime_secs()));
            m.put("blacklisted", s.is_blacklisted());
            m.put("uptimeSeconds", s.get_uptime_secs());
            m.put("slotsTotal", s.get_num_workers());
            m.put("slotsUsed", s.get_num_used_workers());
            m.put("slotsFree", Math.max(s.get_num_workers() - s.get_num_used_workers(), 0));
            m.put("totalMem", totalMem(s));
            m.put("totalCpu", totalCpu(s));
            m.put("usedMem", s.get_used_mem());
            m.put("usedCpu", s.get_used_cpu());
            m.put("logLink", null);
            m.put("availMem", totalMem(s) - s.get_used_mem());
            m.put("availCpu", totalCpu(s) - s.get_used_cpu());
            m.put("version", s.get_version());
            supervisors.add(m);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("supervisors", supervisors);
        r.put("schedulerDisplayResource", false);
        return r;
    }

    public static Map<String, Object> topologySummary(List<TopologySummary> topologies) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (TopologySummary t : orEmpty(topologies)) {
            list.add(topology(t));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("topologies", list);
        r.put("schedulerDisplayResource", false);
        return r;
    }

    static Map<String, Object> topology(TopologySummary t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.get_id());
        m.put("encodedId", Encoding.url(t.get_id()));
        m.put("owner", t.get_owner());
        m.put("name", t.get_name());
        m.put("status", t.get_status());
        m.put("uptime", Pretty.uptime(t.get_uptime_secs()));
        m.put("uptimeSeconds", t.get_uptime_secs());
        m.put("tasksTotal", t.get_num_tasks());
        m.put("workersTotal", t.get_num_workers());
        m.put("executorsTotal", t.get_num_executors());
        m.put("replicationCount", t.get_replication_count());
        m.put("schedulerInfo", t.get_sched_status());
        m.put("requestedMemOnHeap", t.get_requested_memonheap());
        m.put("requestedMemOffHeap", t.get_requested_memoffheap());
        m.put("requestedTotalMem", t.get_requested_memonheap() + t.get_requested_memoffheap());
        m.put("requestedCpu", t.get_requested_cpu());
        m.put("assignedMemOnHeap", t.get_assigned_memonheap());
        m.put("assignedMemOffHeap", t.get_assigned_memoffheap());
        m.put("assignedTotalMem", t.get_assigned_memonheap() + t.get_assigned_memoffheap());
        m.put("assignedCpu", t.get_assigned_cpu());
        m.put("topologyVersion", t.get_topology_version());
        m.put("stormVersion", t.get_storm_version());
        return m;
    }

    /** Storm's resource name for the memory capacity, or else the supervisor's configuration key. */
    private static double totalMem(SupervisorSummary s) {
        Map<String, Double> r = s.get_total_resources() == null ? Map.of() : s.get_total_resources();
        return r.getOrDefault(Constants.COMMON_TOTAL_MEMORY_RESOURCE_NAME,
                r.getOrDefault(Config.SUPERVISOR_MEMORY_CAPACITY_MB, 0.0));
    }

    private static double totalCpu(SupervisorSummary s) {
        Map<String, Double> r = s.get_total_resources() == null ? Map.of() : s.get_total_resources();
        return r.getOrDefault(Constants.COMMON_CPU_RESOURCE_NAME,
                r.getOrDefault(Config.SUPERVISOR_CPU_CAPACITY, 0.0));
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
