package io.logriver.trident.ops;

import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.names.Names;
import java.util.ArrayList;
import java.util.List;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.state.BaseQueryFunction;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Values;

/**
 * The session join as a state query: a request takes its session from the table as the batches before it left it,
 * or null when the session is not there (the partition stage counts that as a join miss, unless the request is late).
 * The end-of-input control record (no request) gets null.
 */
public final class SessionLookup extends BaseQueryFunction<SessionState, Session> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<Session> batchRetrieve(SessionState state, List<TridentTuple> tuples) {
        List<Session> sessions = new ArrayList<>(tuples.size());
        for (TridentTuple t : tuples) {
            Request r = (Request) t.getValueByField(Names.REQUEST);
            sessions.add(r == null ? null : state.table.get(r.sessionID()));
        }
        return sessions;
    }

    @Override
    public void execute(TridentTuple tuple, Session session, TridentCollector collector) {
        collector.emit(new Values(session));
    }
}
