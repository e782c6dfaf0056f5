package io.logriver.trident.ops;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.core.bolt.SessionSnapshot;
import io.logriver.logic.parse.Session;
import io.logriver.names.Names;
import io.logriver.trident.TridentHarness;
import java.util.HashMap;
import java.util.List;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

class SessionUpdaterTest {
    private static final Fields INPUT = new Fields(Names.SESSION, Names.PARTITION, Names.OFFSET);

    /** Without bootstrap servers the factory makes an empty table (no Kafka). */
    private final SessionState state = (SessionState) new SessionState.Factory(SessionSnapshot.none())
            .makeState(new HashMap<>(), null, 0, 1);
    private final SessionUpdater updater = new SessionUpdater();
    private final TridentHarness h = new TridentHarness();

    private static TridentTuple session(String id, String org, int partition, long offset) {
        return tuple(INPUT, new Session(id, "u", org), partition, offset);
    }

    private void batch(long txid, TridentTuple... tuples) {
        state.beginCommit(txid);
        updater.updateState(state, List.of(tuples), h.rows);
        state.commit(txid);
    }

    @Test
    void factoryWithoutKafkaStartsEmpty() {
        assertEquals(0, state.table.size());
    }

    @Test
    void appliesSessionsInBatchOrderAndEmitsNothing() {
        batch(1, session("s-1", "acme", 0, 1), session("s-2", "globex", 0, 2), session("s-1", "initech", 0, 3));

        assertEquals(2, state.table.size());
        assertEquals("initech", state.table.get("s-1").orgID());
        assertEquals("globex", state.table.get("s-2").orgID());
        assertEquals(List.of(), h.emitted());
    }

    @Test
    void replayedBatchDoesNotMoveASessionBackInTime() {
        batch(1, session("s-1", "acme", 0, 1));
        batch(2, session("s-1", "initech", 0, 5));
        batch(1, session("s-1", "acme", 0, 1));

        assertEquals("initech", state.table.get("s-1").orgID());
    }
}
