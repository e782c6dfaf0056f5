package io.logriver.ui.api;

import java.util.Map;

/**
 * An HTTP request as the API sees it: method, path (still URL-encoded), query parameters, the headers that say where a
 * request comes from ({@code Host}, {@code Origin}, {@code Sec-Fetch-Site}; null when absent), and the body.
 */
public record ApiRequest(String method, String path, Map<String, String> query, String host, String origin,
                         String secFetchSite, String body) {
    public static ApiRequest get(String path, Map<String, String> query) {
        return new ApiRequest("GET", path, query, "127.0.0.1:8080", null, null, "");
    }

    public String param(String name, String absent) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? absent : v;
    }
}
