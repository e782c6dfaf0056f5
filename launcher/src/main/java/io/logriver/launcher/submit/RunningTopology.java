package io.logriver.launcher.submit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.launcher.cluster.NimbusConnection;
import io.logriver.topology.Mode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.generated.TopologySummary;

/**
 * A logriver topology running on Nimbus: its id, its mode (a Trident topology has Storm's batch coordinator spout,
 * {@code $mastercoord-...}) and the configuration it was submitted with, which holds every logriver setting.
 */
public record RunningTopology(String name, String id, Mode mode, Map<String, Object> conf) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static RunningTopology find(NimbusConnection nimbus, String name) throws Exception {
        List<TopologySummary> all = nimbus.topologies();
        TopologySummary t = all.stream().filter(s -> s.get_name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalStateException("no topology named " + name + " on Nimbus at " + nimbus.address()
                        + " (running: " + all.stream().map(TopologySummary::get_name).toList() + ")"));
        String confJson = nimbus.call(n -> n.getTopologyConf(t.get_id()));
        StormTopology topology = nimbus.call(n -> n.getUserTopology(t.get_id()));
        Map<String, Object> conf = JSON.readValue(confJson, new TypeReference<Map<String, Object>>() { });
        return new RunningTopology(name, t.get_id(), Mode.of(topology), conf);
    }

    /** Its logriver settings ({@code logriver.*}), sorted by key. */
    public Map<String, Object> logriverSettings() {
        Map<String, Object> m = new TreeMap<>();
        conf.forEach((k, v) -> {
            if (k.startsWith("logriver.")) {
                m.put(k, v);
            }
        });
        return m;
    }

    /** A setting, as a string (null when absent). */
    public String setting(String key) {
        Object v = conf.get(key);
        return v == null ? null : v.toString();
    }
}
