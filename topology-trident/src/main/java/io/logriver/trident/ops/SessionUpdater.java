package io.logriver.trident.ops;

import io.logriver.logic.parse.Session;
import io.logriver.names.Names;
import java.util.List;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.state.BaseStateUpdater;
import org.apache.storm.trident.tuple.TridentTuple;

/** Applies session records to the session table, in batch order. */
public final class SessionUpdater extends BaseStateUpdater<SessionState> {
    private static final long serialVersionUID = 1L;

    @Override
    public void updateState(SessionState state, List<TridentTuple> tuples, TridentCollector collector) {
        for (TridentTuple t : tuples) {
            state.table.apply((Session) t.getValueByField(Names.SESSION), t.getIntegerByField(Names.PARTITION),
                    t.getLongByField(Names.OFFSET));
        }
    }
}
