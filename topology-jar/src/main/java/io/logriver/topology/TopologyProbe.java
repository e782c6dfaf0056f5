package io.logriver.topology;

/**
 * What a mode reads of one of its topologies while it runs, wherever it runs: the sums of its metrics over every
 * task, and what Nimbus says of it. The launcher reads a local cluster's through JMX and Nimbus.
 */
public interface TopologyProbe {
    /** The sum of a counter (or a numeric gauge) over every task of the topology, or of one {@code component}. */
    long sum(String metric, String component);

    default long sum(String metric) {
        return sum(metric, null);
    }

    /** How many metrics of one component have a name that contains {@code part} (registered ones, any value). */
    int count(String component, String part);

    /** Whether Nimbus reports it ACTIVE with its executors running. */
    boolean active() throws Exception;
}
