package io.logriver.trident;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.core.Names;
import io.logriver.logic.Request;
import java.util.List;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

class ToAggregateTest {
    private static final Fields INPUT = new Fields(Names.REQUEST);

    private final ToAggregate toAggregate = new ToAggregate();
    private final TridentHarness h = new TridentHarness();

    @Test
    void emitsTheUrlKeyWithoutQueryTheDurationAndWhetherItFailed() {
        toAggregate.execute(tuple(INPUT, new Request(1L, "/app/page?id=7", "s-1", 120, "INFO", 200)), h.rows);
        toAggregate.execute(tuple(INPUT, new Request(1L, "/app/page", "s-1", 30, "INFO", 503)), h.rows);
        toAggregate.execute(tuple(INPUT, new Request(1L, "/other", "s-1", 0, "error", Request.NO_STATUS)), h.rows);

        assertEquals(List.of(List.of("/app/page", 120L, false), List.of("/app/page", 30L, true),
                List.of("/other", 0L, true)), h.emitted());
    }
}
