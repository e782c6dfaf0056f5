package io.logriver.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.ui.FakeNimbus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each endpoint's JSON carries every field Storm's REST API documents, for a core and a Trident topology. */
class ApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeNimbus nimbus = new FakeNimbus();
    private final ApiRoutes api = new ApiRoutes(nimbus);

    static JsonNode get(ApiRoutes api, String path, Map<String, String> query) throws Exception {
        ApiResponse r = api.handle(ApiRequest.get(path, query));
        assertEquals(200, r.status(), r.body());
        assertEquals("application/json;charset=utf-8", r.contentType());
        return JSON.readTree(r.body());
    }

    /** The field names of a JSON object, and those of the objects in its lists as {@code list.field}. */
    static Set<String> fields(JsonNode n) {
        Set<String> out = new TreeSet<>();
        n.properties().forEach(e -> {
            out.add(e.getKey());
            if (e.getValue().isArray()) {
                e.getValue().forEach(item -> item.fieldNames().forEachRemaining(f -> out.add(e.getKey() + "." + f)));
            }
        });
        return out;
    }

    static void assertHasAll(List<String> storm, JsonNode json) {
        List<String> missing = new ArrayList<>(storm);
        missing.removeAll(fields(json));
        assertEquals(List.of(), missing, "fields of Storm's REST API missing from " + json);
    }

    @Test
    void clusterSummary() throws Exception {
        JsonNode c = get(api, "/api/v1/cluster/summary", Map.of());
        assertHasAll(StormFields.CLUSTER_SUMMARY, c);
        assertEquals(2, c.get("slotsFree").asInt());
        assertEquals(2, c.get("topologies").asInt());
        assertEquals(3072.0, c.get("availMem").asDouble());
    }

    @Test
    void nimbusSupervisorTopologySummaries() throws Exception {
        JsonNode n = get(api, "/api/v1/nimbus/summary", Map.of());
        assertHasAll(StormFields.NIMBUS_SUMMARY, n);
        assertEquals("Leader", n.get("nimbuses").get(0).get("status").asText());
        assertEquals("5m 0s", n.get("nimbuses").get(0).get("nimbusUpTime").asText());
        assertHasAll(StormFields.SUPERVISOR_SUMMARY, get(api, "/api/v1/supervisor/summary", Map.of()));
        JsonNode t = get(api, "/api/v1/topology/summary", Map.of());
        assertHasAll(StormFields.TOPOLOGY_SUMMARY, t);
        assertEquals("1m 5s", t.get("topologies").get(0).get("uptime").asText());
    }

    @Test
    void clusterConfigurationIsNimbusOwn() throws Exception {
        assertEquals(6627, get(api, "/api/v1/cluster/configuration", Map.of()).get("nimbus.thrift.port").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {FakeNimbus.CORE, FakeNimbus.TRIDENT})
    void topologyAndItsMetrics(String id) throws Exception {
        for (String path : List.of("/api/v1/topology/" + id, "/api/v1/topology/" + id + "/metrics")) {
            JsonNode t = get(api, path, Map.of("window", "600"));
            assertHasAll(StormFields.TOPOLOGY, t);
            assertEquals("600", t.get("window").asText());
            assertEquals("10m 0s", t.get("windowHint").asText());
            assertEquals(30, t.get("msgTimeout").asInt());
            List<String> windows = new ArrayList<>();
            t.get("topologyStats").forEach(w -> windows.add(w.get("windowPretty").asText()));
            assertEquals(List.of("10m 0s", "3h 0m 0s", "1d 0h 0m 0s", "All time"), windows);
            assertEquals("0.250", t.get("bolts").get(0).get("capacity").asText());
            assertEquals(id.equals(FakeNimbus.TRIDENT) ? "trident" : "core", t.get("mode").asText());
        }
    }

    @Test
    void tridentComponentsGetReadableNames() throws Exception {
        JsonNode t = get(api, "/api/v1/topology/" + FakeNimbus.TRIDENT, Map.of());
        assertEquals("Trident master batch coordinator (bg0)", t.get("spouts").get(0).get("readableName").asText());
        assertEquals("Trident bolt 0: parse-filter-join", t.get("bolts").get(1).get("readableName").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {FakeNimbus.CORE + "/component/parse",
        FakeNimbus.TRIDENT + "/component/b-0-parse-filter-join"})
    void boltPage(String path) throws Exception {
        JsonNode c = get(api, "/api/v1/topology/" + path, Map.of("window", "10800"));
        assertHasAll(StormFields.COMPONENT, c);
        assertHasAll(StormFields.BOLT, c);
        assertEquals("bolt", c.get("componentType").asText());
        assertEquals("3h 0m 0s", c.get("windowHint").asText());
        assertEquals(FakeNimbus.HOSTILE_ERROR, c.get("componentErrors").get(0).get("error").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {FakeNimbus.CORE + "/component/kafka-weblogs",
        FakeNimbus.TRIDENT + "/component/%24mastercoord-bg0"})
    void spoutPage(String path) throws Exception {
        JsonNode c = get(api, "/api/v1/topology/" + path, Map.of());
        assertHasAll(StormFields.COMPONENT, c);
        assertHasAll(StormFields.SPOUT, c);
        assertEquals("spout", c.get("componentType").asText());
    }

    @Test
    void systemComponentsOnlyWithSys() throws Exception {
        JsonNode without = get(api, "/api/v1/topology/" + FakeNimbus.CORE, Map.of());
        JsonNode with = get(api, "/api/v1/topology/" + FakeNimbus.CORE, Map.of("sys", "1"));
        assertEquals(2, without.get("bolts").size());
        assertEquals(3, with.get("bolts").size());
    }
}
