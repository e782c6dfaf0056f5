package io.logriver.ui;

import io.logriver.ui.nimbus.NimbusApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.generated.BoltAggregateStats;
import org.apache.storm.generated.ClusterSummary;
import org.apache.storm.generated.CommonAggregateStats;
import org.apache.storm.generated.ComponentAggregateStats;
import org.apache.storm.generated.ComponentPageInfo;
import org.apache.storm.generated.ComponentType;
import org.apache.storm.generated.ErrorInfo;
import org.apache.storm.generated.ExecutorAggregateStats;
import org.apache.storm.generated.ExecutorInfo;
import org.apache.storm.generated.ExecutorSummary;
import org.apache.storm.generated.GlobalStreamId;
import org.apache.storm.generated.NimbusSummary;
import org.apache.storm.generated.SpecificAggregateStats;
import org.apache.storm.generated.SpoutAggregateStats;
import org.apache.storm.generated.SupervisorSummary;
import org.apache.storm.generated.TopologyPageInfo;
import org.apache.storm.generated.TopologyStats;
import org.apache.storm.generated.TopologySummary;
import org.apache.storm.generated.WorkerSummary;

/**
 * A Nimbus in memory, with a core topology and a Trident one shaped as logriver's are; it records the actions asked
 * of it, and can be made unreachable.
 */
public final class FakeNimbus implements NimbusApi {
    public static final String CORE = "logriver-core-1-1765000000";
    public static final String TRIDENT = "logriver-trident-2-1765000001";
    /** An error message a bolt reported, with markup in it. */
    public static final String HOSTILE_ERROR = "java.lang.RuntimeException: <img src=x onerror=alert(1)>";

    public final List<String> actions = new ArrayList<>();
    public volatile boolean down;
    public long executed = 1000;
    private final Map<String, String> names = new LinkedHashMap<>(Map.of(CORE, "logriver-core", TRIDENT,
            "logriver-trident"));

    private void check() throws UnavailableException {
        if (down) {
            throw new UnavailableException("Nimbus at 127.0.0.1:1 does not answer", null);
        }
    }

    private String name(String id) throws Exception {
        check();
        String n = names.get(id);
        if (n == null) {
            throw new NotFoundException(id);
        }
        return n;
    }

    @Override
    public ClusterSummary getClusterInfo() throws Exception {
        check();
        SupervisorSummary s = new SupervisorSummary("127.0.0.1", 120, 4, 2, "sup-1");
        s.set_total_resources(Map.of("memory.mb", 4096.0, "cpu.pcore.percent", 400.0));
        s.set_used_mem(1024.0);
        s.set_used_cpu(100.0);
        s.set_version("2.8.3");
        return new ClusterSummary(List.of(s), getTopologySummaries(),
                List.of(new NimbusSummary("127.0.0.1", 6627, 300, true, "2.8.3")));
    }

    @Override
    public List<TopologySummary> getTopologySummaries() throws Exception {
        check();
        List<TopologySummary> out = new ArrayList<>();
        names.forEach((id, n) -> out.add(new TopologySummary(id, n, 12, 12, 1, 65, "ACTIVE")));
        return out;
    }

    @Override
    public String getNimbusConf() throws Exception {
        check();
        return "{\"nimbus.thrift.port\":6627,\"storm.zookeeper.servers\":[\"127.0.0.1\"]}";
    }

    @Override
    public TopologyPageInfo getTopologyPageInfo(String id, String window, boolean sys) throws Exception {
        TopologyPageInfo t = new TopologyPageInfo(id);
        t.set_name(name(id));
        t.set_status("ACTIVE");
        t.set_uptime_secs(65);
        t.set_num_workers(1);
        t.set_num_executors(12);
        t.set_num_tasks(12);
        t.set_owner("root");
        t.set_topology_conf("{\"topology.message.timeout.secs\":30,\"topology.workers\":1}");
        TopologyStats s = new TopologyStats();
        s.set_window_to_emitted(Map.of(":all-time", 5000L, "600", 4000L, "86400", 5000L, "10800", 5000L));
        s.set_window_to_transferred(Map.of(window, 4000L));
        s.set_window_to_acked(Map.of(window, 900L));
        s.set_window_to_failed(Map.of(window, 0L));
        s.set_window_to_complete_latencies_ms(Map.of(window, 12.5));
        t.set_topology_stats(s);
        WorkerSummary w = new WorkerSummary();
        w.set_supervisor_id("sup-1");
        w.set_host("127.0.0.1");
        w.set_port(6700);
        w.set_topology_id(id);
        w.set_topology_name(name(id));
        w.set_num_executors(12);
        w.set_component_to_num_tasks(Map.of("parse", 2L));
        w.set_uptime_secs(60);
        t.set_workers(List.of(w));
        Map<String, ComponentAggregateStats> spouts = new HashMap<>();
        Map<String, ComponentAggregateStats> bolts = new HashMap<>();
        if (id.equals(TRIDENT)) {
            spouts.put("$mastercoord-bg0", spout());
            bolts.put("$spoutcoord-spout-kafka-weblogs", bolt(null));
            bolts.put("b-0-parse-filter-join", bolt(null));
        } else {
            spouts.put("kafka-weblogs", spout());
            bolts.put("parse", bolt(null));
            bolts.put("aggregate", bolt(new ErrorInfo(HOSTILE_ERROR, 1_765_000_100)));
        }
        if (sys) {
            bolts.put("__acker", bolt(null));
        }
        t.set_id_to_spout_agg_stats(spouts);
        t.set_id_to_bolt_agg_stats(bolts);
        return t;
    }

    private ComponentAggregateStats spout() {
        ComponentAggregateStats a = new ComponentAggregateStats();
        a.set_common_stats(common());
        SpoutAggregateStats s = new SpoutAggregateStats();
        s.set_complete_latency_ms(12.5);
        a.set_specific_stats(SpecificAggregateStats.spout(s));
        return a;
    }

    private ComponentAggregateStats bolt(ErrorInfo lastError) {
        ComponentAggregateStats a = new ComponentAggregateStats();
        a.set_common_stats(common());
        BoltAggregateStats b = new BoltAggregateStats();
        b.set_executed(executed);
        b.set_capacity(0.25);
        b.set_execute_latency_ms(0.125);
        b.set_process_latency_ms(0.5);
        a.set_specific_stats(SpecificAggregateStats.bolt(b));
        if (lastError != null) {
            lastError.set_host("127.0.0.1");
            lastError.set_port(6700);
            a.set_last_error(lastError);
        }
        return a;
    }

    private static CommonAggregateStats common() {
        CommonAggregateStats c = new CommonAggregateStats();
        c.set_num_executors(2);
        c.set_num_tasks(2);
        c.set_emitted(1000);
        c.set_transferred(900);
        c.set_acked(800);
        c.set_failed(1);
        c.set_resources_map(Map.of("onheap.memory.mb", 128.0, "offheap.memory.mb", 0.0, "cpu.pcore.percent", 10.0));
        return c;
    }

    @Override
    public ComponentPageInfo getComponentPageInfo(String id, String component, String window, boolean sys)
            throws Exception {
        ComponentType type = component.equals("kafka-weblogs") || component.startsWith("$mastercoord")
                ? ComponentType.SPOUT : ComponentType.BOLT;
        ComponentPageInfo c = new ComponentPageInfo(component, type);
        c.set_topology_name(name(id));
        c.set_topology_status("ACTIVE");
        c.set_num_executors(2);
        c.set_num_tasks(2);
        ComponentAggregateStats a = type == ComponentType.SPOUT ? spout() : bolt(null);
        c.set_window_to_stats(Map.of(window, a));
        c.set_sid_to_output_stats(Map.of("default", a));
        if (type == ComponentType.BOLT) {
            c.set_gsid_to_input_stats(Map.of(new GlobalStreamId("kafka-weblogs", "default"), a));
        }
        ExecutorAggregateStats e = new ExecutorAggregateStats();
        e.set_exec_summary(new ExecutorSummary(new ExecutorInfo(3, 3), component, "127.0.0.1", 6700, 60));
        e.set_stats(a);
        c.set_exec_stats(List.of(e));
        ErrorInfo err = new ErrorInfo(HOSTILE_ERROR, 1_765_000_100);
        err.set_host("127.0.0.1");
        err.set_port(6700);
        c.set_errors(new ArrayList<>(List.of(err)));
        c.set_resources_map(Map.of("onheap.memory.mb", 128.0, "offheap.memory.mb", 0.0, "cpu.pcore.percent", 10.0));
        return c;
    }

    @Override
    public String topologyName(String id) throws Exception {
        return name(id);
    }

    @Override
    public void activate(String name) throws Exception {
        check();
        actions.add("activate " + name);
    }

    @Override
    public void deactivate(String name) throws Exception {
        check();
        actions.add("deactivate " + name);
    }

    @Override
    public void rebalance(String name, int waitSecs, int numWorkers) throws Exception {
        check();
        actions.add("rebalance " + name + " " + waitSecs + " " + numWorkers);
    }

    @Override
    public void killTopologyWithOpts(String name, int waitSecs) throws Exception {
        check();
        actions.add("kill " + name + " " + waitSecs);
    }
}
