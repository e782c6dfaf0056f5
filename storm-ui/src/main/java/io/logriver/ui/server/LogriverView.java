package io.logriver.ui.server;

import java.util.Map;

/**
 * logriver's own view of one of its topologies, what Storm's UI never had (the accounting identity, latency
 * percentiles, the latest windows, the dead letters): supplied by the launcher, which knows where they are.
 */
public interface LogriverView {
    /**
     * The view of a topology, as JSON-ready maps and lists; {@code conf}: its configuration on Nimbus (logriver's
     * settings, its topics among them).
     */
    Map<String, Object> topology(String id, String name, Map<String, Object> conf) throws Exception;
}
