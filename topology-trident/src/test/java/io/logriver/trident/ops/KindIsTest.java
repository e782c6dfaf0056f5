package io.logriver.trident.ops;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

class KindIsTest {
    private static final Fields KIND = new Fields("kind");

    private final KindIs records = new KindIs("record");

    @Test
    void keepsRowsOfTheKind() {
        assertTrue(records.isKeep(tuple(KIND, "record")));
    }

    @Test
    void dropsRowsOfAnotherKindOrNone() {
        assertFalse(records.isKeep(tuple(KIND, "late")));
        assertFalse(records.isKeep(tuple(KIND, "Record")));
        assertFalse(records.isKeep(tuple(KIND, (Object) null)));
    }
}
