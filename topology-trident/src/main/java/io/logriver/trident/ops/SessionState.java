package io.logriver.trident.ops;

import io.logriver.core.bolt.SessionSnapshot;
import io.logriver.logic.SessionTable;
import java.util.Map;
import org.apache.storm.task.IMetricsContext;
import org.apache.storm.trident.state.State;
import org.apache.storm.trident.state.StateFactory;

/**
 * The session table as Trident state: filled from the session snapshot when it is made (as the core join does), then
 * fed by the session stream. Updates are idempotent (the table ignores records older than the one it holds), so a
 * replayed batch changes nothing.
 */
public final class SessionState implements State {
    public final SessionTable table;

    public SessionState(SessionTable table) {
        this.table = table;
    }

    @Override
    public void beginCommit(Long txid) {
        // updates are idempotent: nothing to prepare
    }

    @Override
    public void commit(Long txid) {
        // kept in memory, restored from the snapshot when the state is made again
    }

    public static final class Factory implements StateFactory {
        private static final long serialVersionUID = 1L;
        private final SessionSnapshot snapshot;

        public Factory(SessionSnapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public State makeState(Map<String, Object> conf, IMetricsContext metrics, int partitionIndex, int numPartitions) {
            SessionTable table = new SessionTable();
            snapshot.load(table);
            return new SessionState(table);
        }
    }
}
