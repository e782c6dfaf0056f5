package io.logriver.logic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayOrderTest {
    @Test
    void aPartitionFollowsItsNewestIncarnationAndNeverGoesBack() {
        ReplayOrder order = new ReplayOrder();
        assertTrue(order.accepts(0, 10));
        assertTrue(order.accepts(0, 10));
        assertTrue(order.accepts(0, 12), "a rewind: the new incarnation reads in order from the committed offset");
        assertFalse(order.accepts(0, 10), "a record of the old incarnation still on its way");
        assertTrue(order.accepts(1, 10), "each partition on its own");
    }

    @Test
    void afterARestoreOnlyIncarnationsBegunLaterAreTaken() {
        ReplayOrder order = new ReplayOrder();
        assertTrue(order.accepts(0, 10));
        order.restoredAt(20);
        assertFalse(order.accepts(0, 10));
        assertFalse(order.accepts(0, 20));
        assertFalse(order.accepts(1, 15), "begun before the restore: it may have records past the checkpoint");
        assertTrue(order.accepts(0, 21));
        assertTrue(order.accepts(1, 25));
    }
}
