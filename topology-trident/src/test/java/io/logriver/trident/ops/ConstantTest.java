package io.logriver.trident.ops;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.trident.TridentHarness;
import java.util.Arrays;
import java.util.List;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

class ConstantTest {

    @Test
    void emitsItsValuesForEveryTupleWhateverItHolds() {
        Constant c = new Constant("window", -1, 0L, null);
        TridentHarness h = new TridentHarness();
        c.execute(tuple(new Fields("a"), "x"), h.rows);
        c.execute(tuple(new Fields("b", "c"), 1, 2), h.rows);

        List<Object> expected = Arrays.asList("window", -1, 0L, null);
        assertEquals(List.of(expected, expected), h.emitted());
    }
}
