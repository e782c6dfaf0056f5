package io.logriver.trident;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.core.Names;
import io.logriver.logic.Request;
import io.logriver.logic.Session;
import io.logriver.logic.SessionTable;
import java.util.HashMap;
import java.util.List;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

class SessionLookupTest {
    private static final Fields INPUT = new Fields(Names.REQUEST);

    private final SessionTable table = new SessionTable();
    private final SessionState state = new SessionState(table);
    private final SessionLookup lookup = new SessionLookup();
    private final TridentHarness h = new TridentHarness();

    SessionLookupTest() {
        lookup.prepare(new HashMap<>(), h.context);
        table.apply(new Session("s-1", "u-1", "acme"), 0, 1);
        table.apply(new Session("s-2", "u-2", "globex"), 1, 1);
    }

    private static TridentTuple request(String sessionID) {
        return tuple(INPUT, new Request(1_000L, "/a", sessionID, 10, "INFO", 200));
    }

    @Test
    void requestTakesItsSessionsOrgIdInTupleOrder() {
        assertEquals(List.of("globex", "acme", "acme"),
                lookup.batchRetrieve(state, List.of(request("s-2"), request("s-1"), request("s-1"))));
        assertEquals(0, h.counter(Names.M_JOIN_MISSES));
    }

    @Test
    void requestOfAnUnknownSessionIsUnknownAndCountedAsAMiss() {
        assertEquals(List.of("acme", Session.UNKNOWN, Session.UNKNOWN),
                lookup.batchRetrieve(state, List.of(request("s-1"), request("s-9"), request("s-8"))));
        assertEquals(2, h.counter(Names.M_JOIN_MISSES));
    }

    @Test
    void sessionKnownByALaterBatchIsFound() {
        assertEquals(List.of(Session.UNKNOWN), lookup.batchRetrieve(state, List.of(request("s-3"))));
        table.apply(new Session("s-3", "u-3", "initech"), 0, 2);
        assertEquals(List.of("initech"), lookup.batchRetrieve(state, List.of(request("s-3"))));
        assertEquals(1, h.counter(Names.M_JOIN_MISSES));
    }

    @Test
    void executeEmitsTheOrgId() {
        lookup.execute(request("s-1"), "acme", h.rows);
        assertEquals(List.of(List.of("acme")), h.emitted());
    }
}
