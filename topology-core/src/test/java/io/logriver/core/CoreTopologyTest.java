package io.logriver.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.names.Names;
import io.logriver.storm.wait.ParkThenSleep;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.storm.generated.ComponentCommon;
import org.apache.storm.generated.StormTopology;
import org.junit.jupiter.api.Test;

/** The topology as built: which components wait as the requests' path does, and which park longer. */
class CoreTopologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> parks(LogriverConfig c) throws Exception {
        StormTopology t = CoreTopology.build(c);
        Map<String, Object> parks = new TreeMap<>();
        for (Map.Entry<String, org.apache.storm.generated.SpoutSpec> s : t.get_spouts().entrySet()) {
            parks.put(s.getKey(), park(s.getValue().get_common()));
        }
        for (Map.Entry<String, org.apache.storm.generated.Bolt> b : t.get_bolts().entrySet()) {
            parks.put(b.getKey(), park(b.getValue().get_common()));
        }
        return parks;
    }

    private static Object park(ComponentCommon common) throws Exception {
        String json = common.get_json_conf();
        Object v = json == null ? null : JSON.readValue(json, Map.class).get(ParkThenSleep.COMPONENT_PARK_MICROS);
        return v == null ? "the topology's" : ((Number) v).intValue();
    }

    @Test
    void onlyTheComponentsOffTheRequestsPathParkLonger() throws Exception {
        for (String backend : List.of("memory", "redis")) {
            LogriverConfig c = ConfigLoader.load(null, List.of("logriver.state.backend=" + backend,
                    "logriver.core.quiet.park.microsec=2500"));
            Map<String, Object> parks = parks(c);
            for (String quiet : List.of(Names.SESSIONS_SPOUT, Names.CLOCK_SPOUT, Names.PARSE_SESSIONS, Names.AGGREGATE,
                    Names.SINK)) {
                assertEquals(2500, parks.get(quiet), backend + " " + quiet);
            }
            for (String path : List.of(Names.WEBLOGS_SPOUT, Names.PARSE, Names.PARTITION_STAGE)) {
                assertEquals("the topology's", parks.get(path), backend + " " + path);
            }
        }
    }
}
