package io.logriver.trident.ops;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.Request;
import io.logriver.names.Names;
import io.logriver.trident.TridentHarness;
import java.util.HashMap;
import java.util.List;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

class AcceptedTest {
    private static final Fields INPUT = new Fields(Names.CONTROL, Names.REQUEST);

    private final Accepted accepted = new Accepted(new FilterRules(List.of("debug"), List.of("/health")));
    private final TridentHarness h = new TridentHarness();

    AcceptedTest() {
        accepted.prepare(new HashMap<>(), h.context);
    }

    private static TridentTuple request(String url, String level) {
        return tuple(INPUT, false, new Request(1_000L, url, "s-1", 10, level, 200));
    }

    @Test
    void keepsARequestTheRulesAccept() {
        assertTrue(accepted.isKeep(request("/app/page", "INFO")));
        assertEquals(0, h.counter(Names.M_FILTERED));
    }

    @Test
    void dropsAndCountsARequestAtADroppedLevelInAnyCase() {
        assertFalse(accepted.isKeep(request("/app/page", "Debug")));
        assertEquals(1, h.counter(Names.M_FILTERED));
    }

    @Test
    void dropsAndCountsARequestUnderADroppedUrlPrefix() {
        assertFalse(accepted.isKeep(request("/health/live", "INFO")));
        assertFalse(accepted.isKeep(request("/healthz", "INFO")));
        assertEquals(2, h.counter(Names.M_FILTERED));
    }

    @Test
    void dropsAnInvalidRecordWithoutCountingItAsFiltered() {
        assertFalse(accepted.isKeep(tuple(INPUT, false, null)));
        assertEquals(0, h.counter(Names.M_FILTERED));
    }

    @Test
    void keepsAControlRecord() {
        assertTrue(accepted.isKeep(tuple(INPUT, true, null)));
        assertEquals(0, h.counter(Names.M_FILTERED));
    }
}
