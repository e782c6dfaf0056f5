package io.logriver.ui.server;

import java.util.Map;

/**
 * logriver's own view of one of its topologies, what Storm's UI never had (the accounting identity, latency
 * percentiles, the latest windows, the dead letters): supplied by the launcher, which knows where they are.
 */
public interface LogriverView {
    /** The view of the topology named {@code name}, as JSON-ready maps and lists. */
    Map<String, Object> topology(String name) throws Exception;
}
