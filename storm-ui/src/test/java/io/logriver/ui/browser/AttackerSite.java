package io.logriver.ui.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A page of another site (localhost on a port of its own, where the UI is 127.0.0.1) that posts a form to a URL as
 * soon as it loads: a cross-site request forgery.
 */
public final class AttackerSite implements AutoCloseable {
    private final HttpServer server;

    private AttackerSite(HttpServer server) {
        this.server = server;
    }

    public static AttackerSite posting(String target) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = ("<!DOCTYPE html><html><body><form id=f method=POST action=\"" + target + "\"></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        s.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        s.start();
        return new AttackerSite(s);
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
