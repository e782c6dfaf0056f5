package io.logriver.trident.ops;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.SessionTable;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.names.Names;
import io.logriver.trident.TridentHarness;
import java.util.Arrays;
import java.util.List;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

class SessionLookupTest {
    private static final Fields INPUT = new Fields(Names.REQUEST);
    private static final Session ACME = new Session("s-1", "u-1", "acme");
    private static final Session GLOBEX = new Session("s-2", "u-2", "globex");

    private final SessionTable table = new SessionTable();
    private final SessionState state = new SessionState(table);
    private final SessionLookup lookup = new SessionLookup();
    private final TridentHarness h = new TridentHarness();

    SessionLookupTest() {
        table.apply(ACME, 0, 1);
        table.apply(GLOBEX, 1, 1);
    }

    private static TridentTuple request(String sessionID) {
        return tuple(INPUT, new Request(1_000L, "/a", sessionID, 10, "INFO", 200));
    }

    @Test
    void requestTakesItsSessionInTupleOrder() {
        assertEquals(List.of(GLOBEX, ACME, ACME),
                lookup.batchRetrieve(state, List.of(request("s-2"), request("s-1"), request("s-1"))));
    }

    @Test
    void requestOfAnUnknownSessionAndTheControlRecordGetNull() {
        assertEquals(Arrays.asList(ACME, null, null),
                lookup.batchRetrieve(state, List.of(request("s-1"), request("s-9"), tuple(INPUT, (Object) null))));
    }

    @Test
    void sessionKnownByALaterBatchIsFound() {
        assertEquals(Arrays.asList((Session) null), lookup.batchRetrieve(state, List.of(request("s-3"))));
        Session initech = new Session("s-3", "u-3", "initech");
        table.apply(initech, 0, 2);
        assertEquals(List.of(initech), lookup.batchRetrieve(state, List.of(request("s-3"))));
    }

    @Test
    void executeEmitsTheSession() {
        lookup.execute(request("s-1"), ACME, h.rows);
        lookup.execute(request("s-9"), null, h.rows);
        assertEquals(List.of(List.of(ACME), Arrays.asList((Object) null)), h.emitted());
    }
}
