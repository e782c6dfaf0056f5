package io.logriver.trident;

import com.codahale.metrics.Counter;
import io.logriver.core.Names;
import io.logriver.logic.Request;
import io.logriver.logic.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.operation.TridentOperationContext;
import org.apache.storm.trident.state.BaseQueryFunction;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Values;

/**
 * The session join as a state query: a request takes its session's orgID from the table as the batches before it
 * left it; a request whose session is not there goes on as {@code unknown} (a join miss).
 */
final class SessionLookup extends BaseQueryFunction<SessionState, String> {
    private static final long serialVersionUID = 1L;

    private transient Counter misses;

    @Override
    public void prepare(Map<String, Object> conf, TridentOperationContext context) {
        misses = context.registerCounter(Names.M_JOIN_MISSES);
    }

    @Override
    public List<String> batchRetrieve(SessionState state, List<TridentTuple> tuples) {
        List<String> orgs = new ArrayList<>(tuples.size());
        for (TridentTuple t : tuples) {
            Session s = state.table.get(((Request) t.getValueByField(Names.REQUEST)).sessionID());
            if (s == null) {
                misses.inc();
                orgs.add(Session.UNKNOWN);
            } else {
                orgs.add(s.orgID());
            }
        }
        return orgs;
    }

    @Override
    public void execute(TridentTuple tuple, String orgID, TridentCollector collector) {
        collector.emit(new Values(orgID));
    }
}
