package io.logriver.trident.ops;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

class NotNullTest {
    private static final Fields KEY = new Fields("key");

    private final NotNull notNull = new NotNull();

    @Test
    void keepsASetField() {
        assertTrue(notNull.isKeep(tuple(KEY, "weblogs-0-1")));
        assertTrue(notNull.isKeep(tuple(KEY, "")));
    }

    @Test
    void dropsAnUnsetField() {
        assertFalse(notNull.isKeep(tuple(KEY, (Object) null)));
    }
}
