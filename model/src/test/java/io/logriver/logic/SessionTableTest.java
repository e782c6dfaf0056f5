package io.logriver.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.parse.Session;
import org.junit.jupiter.api.Test;

class SessionTableTest {

    private final SessionTable table = new SessionTable();

    @Test
    void unknownSessionIsNull() {
        assertNull(table.get("s-1"));
        assertEquals(0, table.size());
    }

    @Test
    void appliedSessionIsKnown() {
        Session s = new Session("s-1", "u-1", "org-1");
        assertTrue(table.apply(s, 0, 10));
        assertEquals(s, table.get("s-1"));
        assertNull(table.get("s-2"));
        assertEquals(1, table.size());
    }

    @Test
    void newerOffsetReplaces() {
        table.apply(new Session("s-1", "u-1", "org-1"), 0, 10);
        assertTrue(table.apply(new Session("s-1", "u-2", "org-2"), 0, 11));
        assertEquals(new Session("s-1", "u-2", "org-2"), table.get("s-1"));
        assertEquals(1, table.size());
    }

    @Test
    void olderOrEqualOffsetIsIgnored() {
        table.apply(new Session("s-1", "u-1", "org-1"), 0, 10);
        assertFalse(table.apply(new Session("s-1", "u-old", "org-old"), 0, 9));
        assertFalse(table.apply(new Session("s-1", "u-same", "org-same"), 0, 10));
        assertEquals(new Session("s-1", "u-1", "org-1"), table.get("s-1"));
    }

    @Test
    void replayFromTheBeginningNeverMovesBack() {
        for (long o = 0; o < 5; o++) {
            table.apply(new Session("s-1", "u-" + o, "org"), 1, o);
        }
        for (long o = 0; o < 5; o++) {
            assertFalse(table.apply(new Session("s-1", "u-" + o, "org"), 1, o));
        }
        assertEquals("u-4", table.get("s-1").userID());
    }

    @Test
    void sessionsAreIndependent() {
        table.apply(new Session("s-1", "u-1", "o-1"), 0, 100);
        assertTrue(table.apply(new Session("s-2", "u-2", "o-2"), 0, 1));
        assertEquals(2, table.size());
        assertEquals("o-1", table.get("s-1").orgID());
        assertEquals("o-2", table.get("s-2").orgID());
    }
}
