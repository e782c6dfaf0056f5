package io.logriver.ui.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.ui.FakeNimbus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server on a free port with a fake Nimbus: pages, API, logriver's view and /metrics over real HTTP. */
class UiServerTest {
    private final FakeNimbus nimbus = new FakeNimbus();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private UiServer server;

    @BeforeEach
    void start() throws Exception {
        server = UiServer.start("127.0.0.1", 0, nimbus, List.of(),
                (id, name, conf) -> Map.of("timeout", conf.get("topology.message.timeout.secs")));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesForbidInlineScriptsAndFraming() throws Exception {
        for (String page : List.of("/", "/topology.html", "/component.html", "/ui.js")) {
            HttpResponse<String> r = get(page);
            assertEquals(200, r.statusCode(), page);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
        }
        assertTrue(get("/ui.js").body().contains("textContent"));
        assertTrue(get("/../pom.xml").statusCode() >= 400);
        assertEquals(404, get("/io/logriver/ui/static/ui.js").statusCode());
    }

    @Test
    void apiAndView() throws Exception {
        HttpResponse<String> r = get("/api/v1/topology/" + FakeNimbus.CORE + "?window=600");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"windowHint\":\"10m 0s\""), r.body());
        assertEquals("no-cache, no-store", r.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> v = get("/api/logriver/topology/" + FakeNimbus.CORE);
        assertEquals("{\"topology\":\"logriver-core\",\"mode\":\"core\",\"timeout\":30,\"timeline\":[]}", v.body());
        assertEquals(404, get("/api/logriver/topology/nope-1-1").statusCode());
        nimbus.down = true;
        assertEquals(503, get("/api/v1/cluster/summary").statusCode());
    }

    @Test
    void theSamplerKeepsATimelineOfEachTopologyOnNimbus() throws Exception {
        server.close();
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        server = UiServer.start("127.0.0.1", 0, nimbus, List.of(), new LogriverView() {
            @Override
            public Map<String, Object> topology(String id, String name, Map<String, Object> conf) {
                return Map.of();
            }

            @Override
            public Sample sample(String id, String name) {
                asked.add(name);
                return new Sample(System.currentTimeMillis(), 1000, 1.5, 4.0, 9.0);
            }
        });
        long end = System.nanoTime() + 10_000_000_000L;
        while (!asked.containsAll(List.of("logriver-core", "logriver-trident")) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(asked.containsAll(List.of("logriver-core", "logriver-trident")), asked.toString());
        String body = get("/api/logriver/topology/" + FakeNimbus.CORE).body();
        assertTrue(body.matches(".*\"timeline\":\\[\\{\"t\":\\d+,\"perSecond\":null,\"p50\":1.5,\"p99\":4.0,"
                + "\"p999\":9.0}.*"), body);
    }

    @Test
    void crossOriginKillRefusedSameOriginAllowed() throws Exception {
        URI kill = URI.create(server.url() + "api/v1/topology/" + FakeNimbus.CORE + "/kill/0");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(kill).header("Origin", "http://evil.example")
                .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(List.of(), nimbus.actions);
        String self = server.url().substring(0, server.url().length() - 1);
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(kill).header("Origin", self)
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals(List.of("kill logriver-core 0"), nimbus.actions);
    }

    @Test
    void prometheusTextWithTopologyComponentAndModeLabels() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                r.headers().toString());
        String body = r.body();
        assertTrue(body.contains("# TYPE storm_bolt_executed_total counter"), body);
        assertTrue(body.contains("storm_bolt_executed_total{component=\"parse\",mode=\"core\","
                + "topology=\"logriver-core\"} 1000.0"), body);
        assertTrue(body.contains("storm_bolt_capacity{component=\"b-0-parse-filter-join\",mode=\"trident\","
                + "topology=\"logriver-trident\"} 0.25"), body);
        assertTrue(body.contains("storm_topology_workers{mode=\"core\",topology=\"logriver-core\"} 1.0"), body);
        assertTrue(body.contains("storm_nimbus_up 1.0"), body);
        nimbus.down = true;
        assertTrue(get("/metrics").body().contains("storm_nimbus_up 0.0"));
    }
}
