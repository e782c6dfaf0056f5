package io.logriver.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.ui.FakeNimbus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors, JSONP, and the rules for the calls that change a topology. */
class ApiBehaviourTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeNimbus nimbus = new FakeNimbus();
    private final ApiRoutes api = new ApiRoutes(nimbus);

    private static ApiRequest post(String path, String origin, String site, String body) {
        return new ApiRequest("POST", path, Map.of(), "127.0.0.1:8080", origin, site, body);
    }

    private static JsonNode error(ApiResponse r, int status) throws Exception {
        assertEquals(status, r.status(), r.body());
        JsonNode e = JSON.readTree(r.body());
        ApiContractTest.assertHasAll(StormFields.ERROR, e);
        assertFalse(r.body().contains("\\tat "), "no stack trace: " + r.body());
        return e;
    }

    @Test
    void unknownTopologyOrComponentIs404() throws Exception {
        assertEquals("404 Not Found", error(api.handle(ApiRequest.get("/api/v1/topology/nope-1-1", Map.of())), 404)
                .get("error").asText());
        error(api.handle(ApiRequest.get("/api/v1/topology/" + FakeNimbus.CORE + "/component/nope", Map.of())), 404);
        error(api.handle(ApiRequest.get("/api/v1/no/such/path", Map.of())), 404);
    }

    @Test
    void nimbusDownIs503() throws Exception {
        nimbus.down = true;
        for (String path : List.of("/api/v1/cluster/summary", "/api/v1/topology/summary",
                "/api/v1/topology/" + FakeNimbus.CORE)) {
            assertTrue(error(api.handle(ApiRequest.get(path, Map.of())), 503).get("errorMessage").asText()
                    .contains("does not answer"));
        }
        error(api.handle(post("/api/v1/topology/" + FakeNimbus.CORE + "/kill/0", null, null, "")), 503);
    }

    @Test
    void jsonpWrapsInCallbackAndRefusesOtherNames() throws Exception {
        ApiResponse r = api.handle(ApiRequest.get("/api/v1/cluster/summary", Map.of("callback", "cb_1")));
        assertEquals("application/javascript;charset=utf-8", r.contentType());
        assertTrue(r.body().startsWith("cb_1({") && r.body().endsWith("});"), r.body());
        ApiResponse e = api.handle(ApiRequest.get("/api/v1/topology/nope", Map.of("callback", "cb")));
        assertTrue(e.body().startsWith("cb({\"error\":\"404 Not Found\""), e.body());
        error(api.handle(ApiRequest.get("/api/v1/cluster/summary", Map.of("callback", "alert(1)//"))), 400);
    }

    @Test
    void unknownWindowIs400() throws Exception {
        error(api.handle(ApiRequest.get("/api/v1/topology/" + FakeNimbus.CORE, Map.of("window", "7"))), 400);
    }

    @Test
    void actionsOnlyByPost() throws Exception {
        error(api.handle(ApiRequest.get("/api/v1/topology/" + FakeNimbus.CORE + "/kill/0", Map.of())), 405);
        error(api.handle(post("/api/v1/cluster/summary", null, null, "")), 405);
        error(api.handle(new ApiRequest("PUT", "/api/v1/cluster/summary", Map.of(), "127.0.0.1:8080", null, null,
                "")), 405);
        assertEquals(List.of(), nimbus.actions);
    }

    @Test
    void actionsCallNimbusByName() throws Exception {
        String base = "/api/v1/topology/" + FakeNimbus.TRIDENT;
        String origin = "http://127.0.0.1:8080";
        for (String a : List.of("/deactivate", "/activate", "/rebalance/5", "/kill/0")) {
            ApiResponse r = api.handle(post(base + a, origin, "same-origin", ""));
            assertEquals(200, r.status(), r.body());
            JsonNode n = JSON.readTree(r.body());
            ApiContractTest.assertHasAll(StormFields.ACTION, n);
            assertEquals("success", n.get("status").asText());
            assertEquals(FakeNimbus.TRIDENT, n.get("topologyId").asText());
        }
        api.handle(post(base + "/rebalance/0", null, null, "{\"rebalanceOptions\": {\"numWorkers\": 2}}"));
        assertEquals(List.of("deactivate logriver-trident", "activate logriver-trident",
                "rebalance logriver-trident 5 0", "kill logriver-trident 0", "rebalance logriver-trident 0 2"),
                nimbus.actions);
        error(api.handle(post(base + "/kill/-1", null, null, "")), 400);
        error(api.handle(post(base + "/kill", null, null, "")), 404);
        error(api.handle(post("/api/v1/topology/nope-1-1/kill/0", null, null, "")), 404);
    }

    @Test
    void crossOriginActionsAreRefused() throws Exception {
        String kill = "/api/v1/topology/" + FakeNimbus.CORE + "/kill/0";
        error(api.handle(post(kill, "http://evil.example", "cross-site", "")), 403);
        error(api.handle(post(kill, "http://evil.example", null, "")), 403);
        error(api.handle(post(kill, "http://127.0.0.1:9999", null, "")), 403);
        error(api.handle(post(kill, "null", null, "")), 403);
        error(api.handle(post(kill, null, "same-site", "")), 403);
        assertEquals(List.of(), nimbus.actions);
        assertEquals(200, api.handle(post(kill, null, null, "")).status(), "a script without a browser may");
    }
}
