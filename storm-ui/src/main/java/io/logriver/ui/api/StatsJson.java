package io.logriver.ui.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.storm.Constants;
import org.apache.storm.generated.CommonAggregateStats;
import org.apache.storm.generated.ErrorInfo;

/** The parts shared by the topology and component pages: a component's common figures, an error. */
final class StatsJson {
    private StatsJson() {
    }

    static Map<String, Object> common(CommonAggregateStats c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("executors", c.get_num_executors());
        m.put("tasks", c.get_num_tasks());
        m.put("emitted", c.get_emitted());
        m.put("transferred", c.get_transferred());
        m.put("acked", c.get_acked());
        m.put("failed", c.get_failed());
        if (c.is_set_resources_map()) {
            m.put("requestedMemOnHeap", c.get_resources_map().get(Constants.COMMON_ONHEAP_MEMORY_RESOURCE_NAME));
            m.put("requestedMemOffHeap", c.get_resources_map().get(Constants.COMMON_OFFHEAP_MEMORY_RESOURCE_NAME));
            m.put("requestedCpu", c.get_resources_map().get(Constants.COMMON_CPU_RESOURCE_NAME));
        }
        return m;
    }

    /** Storm's last-error fields: empty strings and nulls when there is none; the message cut at 200 characters. */
    static Map<String, Object> lastError(ErrorInfo e) {
        Map<String, Object> m = new HashMap<>();
        m.put("lastError", "");
        m.put("errorHost", "");
        m.put("errorPort", null);
        m.put("errorWorkerLogLink", "");
        m.put("errorTime", null);
        m.put("errorLapsedSecs", null);
        if (e != null) {
            m.putAll(error(e));
            m.remove("error");
            m.put("lastError", e.get_error().substring(0, Math.min(e.get_error().length(), 200)));
        }
        return m;
    }

    static Map<String, Object> error(ErrorInfo e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errorTime", e.get_error_time_secs());
        m.put("errorHost", e.get_host());
        m.put("errorPort", e.get_port());
        m.put("errorWorkerLogLink", "");
        m.put("errorLapsedSecs", (int) (System.currentTimeMillis() / 1000) - e.get_error_time_secs());
        m.put("error", e.get_error());
        return m;
    }
}
