package io.logriver.ui.server;

import io.logriver.ui.api.ApiRequest;
import io.logriver.ui.api.ApiResponse;
import io.logriver.ui.api.ApiRoutes;
import io.logriver.ui.metrics.StormCollector;
import io.logriver.ui.nimbus.NimbusApi;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The UI's HTTP server (Jetty, core handlers): Storm's REST API under {@code /api/v1}, logriver's own view under
 * {@code /api/logriver}, {@code /metrics} for Prometheus, and the pages. Every answer forbids framing and inline
 * scripts (the pages load their script from the server and write data into the page as text only).
 */
public final class UiServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final Sampler sampler;

    private UiServer(Server server, ServerConnector connector, Sampler sampler) {
        this.server = server;
        this.connector = connector;
        this.sampler = sampler;
    }

    /**
     * Starts serving on {@code host:port} (port 0: a free one); {@code extra}: more Prometheus collectors (logriver's
     * metrics), {@code view}: logriver's own view of a topology, or null.
     */
    public static UiServer start(String host, int port, NimbusApi nimbus, List<MultiCollector> extra,
                                 LogriverView view) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("ui");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new StormCollector(nimbus));
        extra.forEach(registry::register);
        Timeline timeline = new Timeline();
        server.setHandler(new Routes(new ApiRoutes(nimbus), registry, new ViewRoutes(nimbus, view, timeline)));
        server.start();
        return new UiServer(server, connector, view == null ? null : new Sampler(nimbus, view, timeline));
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String url() {
        String host = connector.getHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.close();
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the UI's server", e);
        }
    }

    private static final class Routes extends Handler.Abstract {
        private final ApiRoutes api;
        private final PrometheusRegistry registry;
        private final ViewRoutes view;
        private final PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();

        Routes(ApiRoutes api, PrometheusRegistry registry, ViewRoutes view) {
            this.api = api;
            this.registry = registry;
            this.view = view;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getPath();
            secure(response);
            if (path.startsWith("/api/")) {
                ApiRequest r = apiRequest(request, path);
                ApiResponse a = path.startsWith("/api/logriver/") ? view.handle(r) : api.handle(r);
                response.setStatus(a.status());
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, no-store");
                send(response, callback, a.contentType(), a.body().getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/metrics")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                text.write(out, registry.scrape());
                send(response, callback, text.getContentType(), out.toByteArray());
            } else {
                StaticFiles.File f = StaticFiles.get(path);
                if (f == null) {
                    response.setStatus(404);
                    send(response, callback, "text/plain;charset=utf-8",
                            "not found\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(response, callback, f.contentType(), f.bytes());
                }
            }
            return true;
        }

        private static ApiRequest apiRequest(Request request, String path) throws Exception {
            Map<String, String> query = new HashMap<>();
            Fields fields = Request.extractQueryParameters(request);
            fields.forEach(f -> query.put(f.getName(), f.getValue()));
            String body = request.getMethod().equals("POST") ? Content.Source.asString(request, StandardCharsets.UTF_8)
                    : "";
            return new ApiRequest(request.getMethod(), path, query, request.getHeaders().get(HttpHeader.HOST),
                    request.getHeaders().get(HttpHeader.ORIGIN), request.getHeaders().get("Sec-Fetch-Site"), body);
        }

        private static void secure(Response response) {
            response.getHeaders().put("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                    + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put("X-Frame-Options", "DENY");
            response.getHeaders().put("Referrer-Policy", "no-referrer");
        }

        private static void send(Response response, Callback callback, String type, byte[] body) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
