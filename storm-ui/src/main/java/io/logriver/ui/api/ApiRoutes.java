package io.logriver.ui.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.ui.nimbus.NimbusApi;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.storm.generated.ComponentPageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storm's {@code /api/v1}: the subset scripts use, with Storm's paths, parameters ({@code window}, {@code sys},
 * {@code callback}) and field names. Errors are Storm's {@code {"error", "errorMessage"}} without the stack trace:
 * 404 for a topology or component Nimbus does not know, 503 when Nimbus does not answer.
 */
public final class ApiRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/api/v1/";
    private static final List<String> ACTIONS = List.of("activate", "deactivate", "rebalance", "kill");

    private final NimbusApi nimbus;

    public ApiRoutes(NimbusApi nimbus) {
        this.nimbus = nimbus;
    }

    public ApiResponse handle(ApiRequest r) {
        String callback = r.query().get("callback");
        if (callback != null && !callback.matches("[A-Za-z_$][A-Za-z0-9_$.]{0,63}")) {
            return error(400, "callback: expected a JavaScript function name", null);
        }
        try {
            return respond(200, route(r), callback);
        } catch (HttpError e) {
            return error(e.status, e.getMessage(), callback);
        } catch (NimbusApi.NotFoundException e) {
            return error(404, "not on Nimbus: " + e.getMessage(), callback);
        } catch (NimbusApi.UnavailableException e) {
            return error(503, e.getMessage(), callback);
        } catch (Exception e) {
            LOG.warn("{} {} failed", r.method(), r.path(), e);
            return error(500, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    callback);
        }
    }

    private Object route(ApiRequest r) throws Exception {
        if (!r.path().startsWith(PREFIX)) {
            throw new HttpError(404, "no such API path");
        }
        List<String> p = Arrays.stream(r.path().substring(PREFIX.length()).split("/", -1))
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        boolean action = p.size() >= 3 && p.get(0).equals("topology") && ACTIONS.contains(p.get(2));
        if (!r.method().equals("GET") && !r.method().equals("POST") || action != r.method().equals("POST")) {
            throw new HttpError(405, action ? "a topology action takes POST" : "only GET is served here");
        }
        return action ? act(r, p) : get(r, p);
    }

    private Object get(ApiRequest r, List<String> p) throws Exception {
        String path = String.join("/", p);
        switch (path) {
            case "cluster/configuration":
                return JSON.readValue(nimbus.getNimbusConf(), TreeMap.class);
            case "cluster/summary":
                return ClusterJson.clusterSummary(nimbus.getClusterInfo());
            case "nimbus/summary":
                return ClusterJson.nimbusSummary(nimbus.getClusterInfo());
            case "supervisor/summary":
                return ClusterJson.supervisorSummary(nimbus.getClusterInfo());
            case "topology/summary":
                return ClusterJson.topologySummary(nimbus.getTopologySummaries());
            default:
                break;
        }
        if (p.get(0).equals("topology") && (p.size() == 2 || p.size() == 3 && p.get(2).equals("metrics"))) {
            String window = window(r);
            return TopologyJson.page(nimbus.getTopologyPageInfo(p.get(1), window, sys(r)), window);
        }
        if (p.get(0).equals("topology") && p.size() == 4 && p.get(2).equals("component")) {
            String window = window(r);
            if (!TopologyJson.componentIds(nimbus.getTopologyPageInfo(p.get(1), window, true)).contains(p.get(3))) {
                throw new HttpError(404, "topology " + p.get(1) + " has no component " + p.get(3));
            }
            ComponentPageInfo c = nimbus.getComponentPageInfo(p.get(1), p.get(3), window, sys(r));
            return ComponentJson.page(c, p.get(1), window);
        }
        throw new HttpError(404, "no such API path");
    }

    private Object act(ApiRequest r, List<String> p) throws Exception {
        String refusal = OriginPolicy.refusal(r);
        if (refusal != null) {
            throw new HttpError(403, refusal);
        }
        String id = p.get(1);
        String op = p.get(2);
        boolean takesWait = op.equals("rebalance") || op.equals("kill");
        if (p.size() != (takesWait ? 4 : 3)) {
            throw new HttpError(404, takesWait ? op + " takes a wait time: topology/:id/" + op + "/:wait-time"
                    : "no such API path");
        }
        int wait = takesWait ? waitTime(p.get(3)) : 0;
        String name = nimbus.topologyName(id);
        switch (op) {
            case "activate" -> nimbus.activate(name);
            case "deactivate" -> nimbus.deactivate(name);
            case "rebalance" -> nimbus.rebalance(name, wait, numWorkers(r.body()));
            default -> nimbus.killTopologyWithOpts(name, wait);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topologyOperation", op);
        m.put("topologyId", id);
        m.put("status", "success");
        return m;
    }

    private static int waitTime(String s) throws HttpError {
        if (!s.matches("\\d{1,5}")) {
            throw new HttpError(400, "wait time " + s + ": expected seconds, 0 to 99999");
        }
        return Integer.parseInt(s);
    }

    /** Storm's optional body {@code {"rebalanceOptions": {"numWorkers": N}}}; 0 when absent. */
    private static int numWorkers(String body) throws HttpError {
        if (body == null || body.isBlank()) {
            return 0;
        }
        try {
            JsonNode n = JSON.readTree(body).path("rebalanceOptions").path("numWorkers");
            if (n.isMissingNode()) {
                return 0;
            }
            if (!n.canConvertToInt() || n.asInt() < 1 || n.asInt() > 1000) {
                throw new HttpError(400, "rebalanceOptions.numWorkers: expected a number from 1 to 1000");
            }
            return n.asInt();
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String window(ApiRequest r) throws HttpError {
        String w = r.param("window", Pretty.ALL_TIME);
        if (!Pretty.WINDOWS.contains(w)) {
            throw new HttpError(400, "window " + w + ": expected one of " + Pretty.WINDOWS);
        }
        return w;
    }

    private static boolean sys(ApiRequest r) {
        String s = r.param("sys", "false");
        return s.equals("1") || s.equalsIgnoreCase("true");
    }

    private static ApiResponse respond(int status, Object data, String callback) {
        try {
            String json = JSON.writeValueAsString(data);
            return callback == null ? new ApiResponse(status, "application/json;charset=utf-8", json)
                    : new ApiResponse(status, "application/javascript;charset=utf-8", callback + "(" + json + ");");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 200 answer with {@code data} as JSON. */
    public static ApiResponse ok(Object data) {
        return respond(200, data, null);
    }

    /** Storm's error body, {@code {"error": "404 Not Found", "errorMessage": ...}}, without a stack trace. */
    public static ApiResponse error(int status, String message, String callback) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", status + " " + reason(status));
        m.put("errorMessage", message);
        return respond(status, m, callback);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 503 -> "Service Unavailable";
            default -> "Server Error";
        };
    }

    /** A request the API answers with an error status of its own. */
    static final class HttpError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
