package io.logriver.ui.server;

import io.logriver.ui.api.ApiRequest;
import io.logriver.ui.api.ApiResponse;
import io.logriver.ui.api.ApiRoutes;
import io.logriver.ui.api.Pretty;
import io.logriver.ui.api.TopologyJson;
import io.logriver.ui.api.TridentNames;
import io.logriver.ui.nimbus.NimbusApi;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.storm.generated.TopologyPageInfo;

/**
 * {@code GET /api/logriver/topology/:id}: the {@link LogriverView} of the topology with that id, and its
 * {@link Timeline} ({@code timeline}: the points of its charts).
 */
final class ViewRoutes {
    private static final String PREFIX = "/api/logriver/topology/";
    private final NimbusApi nimbus;
    private final LogriverView view;
    private final Timeline timeline;

    ViewRoutes(NimbusApi nimbus, LogriverView view, Timeline timeline) {
        this.nimbus = nimbus;
        this.view = view;
        this.timeline = timeline;
    }

    ApiResponse handle(ApiRequest r) {
        if (!r.method().equals("GET") || !r.path().startsWith(PREFIX) || view == null) {
            return ApiRoutes.error(404, view == null ? "no logriver view here" : "no such API path", null);
        }
        String id = URLDecoder.decode(r.path().substring(PREFIX.length()), StandardCharsets.UTF_8);
        try {
            TopologyPageInfo page = nimbus.getTopologyPageInfo(id, Pretty.ALL_TIME, false);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topology", page.get_name());
            m.put("mode", TridentNames.isTrident(TopologyJson.componentIds(page)) ? "trident" : "core");
            m.putAll(view.topology(id, page.get_name(), TopologyJson.configuration(page)));
            m.put("timeline", timeline.series(id));
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
