package io.logriver.ui.server;

import java.util.Map;

/**
 * logriver's own view of one of its topologies, what Storm's UI never had (the accounting identity, latency
 * percentiles, the latest windows, the dead letters, and their course over the last minutes): supplied by the
 * launcher, which knows where they are.
 */
public interface LogriverView {
    /**
     * The view of a topology, as JSON-ready maps and lists; {@code conf}: its configuration on Nimbus (logriver's
     * settings, its topics among them).
     */
    Map<String, Object> topology(String id, String name, Map<String, Object> conf) throws Exception;

    /**
     * The topology's figures now, for the charts of the last minutes; null when it has none. The server asks every
     * {@link Timeline#SAMPLE_PERIOD} for each topology on Nimbus, whether or not a page is open.
     */
    default Sample sample(String id, String name) throws Exception {
        return null;
    }

    /**
     * A topology's figures at one time: the records read since its workers started, and the processing latency's
     * percentiles in milliseconds (null when no task reports them).
     */
    record Sample(long epochMillis, long read, Double p50, Double p99, Double p999) {
    }
}
