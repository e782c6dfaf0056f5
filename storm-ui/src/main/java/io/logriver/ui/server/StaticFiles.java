package io.logriver.ui.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The pages, their script and style, from the class path; nothing else is served as a file. */
final class StaticFiles {
    record File(String contentType, byte[] bytes) {
    }

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/topology.html", "topology.html",
            "/component.html", "component.html",
            "/ui.js", "ui.js",
            "/ui.css", "ui.css");

    private StaticFiles() {
    }

    static File get(String path) {
        String name = FILES.get(path);
        if (name == null) {
            return null;
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream("/io/logriver/ui/static/" + name)) {
            if (in == null) {
                return null;
            }
            return new File(type(name), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".html")) {
            return "text/html;charset=utf-8";
        }
        return name.endsWith(".js") ? "text/javascript;charset=utf-8" : "text/css;charset=utf-8";
    }
}
