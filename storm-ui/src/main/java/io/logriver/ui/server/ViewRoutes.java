package io.logriver.ui.server;

import io.logriver.ui.api.ApiRequest;
import io.logriver.ui.api.ApiResponse;
import io.logriver.ui.api.ApiRoutes;
import io.logriver.ui.nimbus.NimbusApi;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /api/logriver/topology/:id}: the {@link LogriverView} of the topology with that id. */
final class ViewRoutes {
    private static final String PREFIX = "/api/logriver/topology/";
    private final NimbusApi nimbus;
    private final LogriverView view;

    ViewRoutes(NimbusApi nimbus, LogriverView view) {
        this.nimbus = nimbus;
        this.view = view;
    }

    ApiResponse handle(ApiRequest r) {
        if (!r.method().equals("GET") || !r.path().startsWith(PREFIX) || view == null) {
            return ApiRoutes.error(404, view == null ? "no logriver view here" : "no such API path", null);
        }
        String id = URLDecoder.decode(r.path().substring(PREFIX.length()), StandardCharsets.UTF_8);
        try {
            Map<String, Object> m = view.topology(nimbus.topologyName(id));
            return ApiRoutes.ok(m);
        } catch (NimbusApi.NotFoundException e) {
            return ApiRoutes.error(404, "not on Nimbus: " + e.getMessage(), null);
        } catch (NimbusApi.UnavailableException e) {
            return ApiRoutes.error(503, e.getMessage(), null);
        } catch (Exception e) {
            return ApiRoutes.error(500, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }
}
