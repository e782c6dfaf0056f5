package io.logriver.ui.nimbus;

import java.util.List;
import org.apache.storm.generated.ClusterSummary;
import org.apache.storm.generated.ComponentPageInfo;
import org.apache.storm.generated.TopologyPageInfo;
import org.apache.storm.generated.TopologySummary;

/**
 * The Nimbus calls the UI makes, the same ones Storm's UI makes. A topology Nimbus does not know is a
 * {@link NotFoundException}; a Nimbus that does not answer, a {@link UnavailableException}.
 */
public interface NimbusApi {
    ClusterSummary getClusterInfo() throws Exception;

    List<TopologySummary> getTopologySummaries() throws Exception;

    /** Nimbus's configuration, as the JSON text Nimbus returns. */
    String getNimbusConf() throws Exception;

    TopologyPageInfo getTopologyPageInfo(String id, String window, boolean sys) throws Exception;

    ComponentPageInfo getComponentPageInfo(String id, String component, String window, boolean sys) throws Exception;

    /** The name of the topology with this id (activate, deactivate, rebalance and kill take names). */
    String topologyName(String id) throws Exception;

    void activate(String name) throws Exception;

    void deactivate(String name) throws Exception;

    /** Rebalances after {@code waitSecs}; {@code numWorkers} 0 keeps the number of workers. */
    void rebalance(String name, int waitSecs, int numWorkers) throws Exception;

    void killTopologyWithOpts(String name, int waitSecs) throws Exception;

    /** A topology or component Nimbus does not know: the API answers 404. */
    final class NotFoundException extends Exception {
        private static final long serialVersionUID = 1L;

        public NotFoundException(String message) {
            super(message);
        }
    }

    /** Nimbus does not answer: the API answers 503 and the pages say so. */
    final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
