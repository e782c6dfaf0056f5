package io.logriver.trident;

import io.logriver.core.SessionBootstrap;
import io.logriver.logic.SessionTable;
import java.time.Duration;
import java.util.Map;
import org.apache.storm.task.IMetricsContext;
import org.apache.storm.trident.state.State;
import org.apache.storm.trident.state.StateFactory;

/**
 * The session table as Trident state: filled from the session topic when it is made (as the core join does), then
 * fed by the session stream. Updates are idempotent (the table ignores records older than the one it holds), so a
 * replayed batch changes nothing.
 */
final class SessionState implements State {
    final SessionTable table;

    SessionState(SessionTable table) {
        this.table = table;
    }

    @Override
    public void beginCommit(Long txid) {
        // updates are idempotent: nothing to prepare
    }

    @Override
    public void commit(Long txid) {
        // kept in memory, restored from the topic when the state is made again
    }

    static final class Factory implements StateFactory {
        private static final long serialVersionUID = 1L;
        private final String bootstrapServers;
        private final String topic;

        /** {@code bootstrapServers} null: start empty (tests without Kafka). */
        Factory(String bootstrapServers, String topic) {
            this.bootstrapServers = bootstrapServers;
            this.topic = topic;
        }

        @Override
        public State makeState(Map<String, Object> conf, IMetricsContext metrics, int partitionIndex, int numPartitions) {
            SessionTable table = new SessionTable();
            if (bootstrapServers != null) {
                SessionBootstrap.load(bootstrapServers, topic, table, Duration.ofMinutes(2));
            }
            return new SessionState(table);
        }
    }
}
