package io.logriver.core;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShutdownSafeKafkaSpoutTest {
    private static final IllegalStateException CLOSED_CONSUMER =
            new IllegalStateException("This consumer has already been closed.");

    @Test
    void anOpenSpoutsFailurePassesOn() {
        assertSame(CLOSED_CONSUMER, assertThrows(IllegalStateException.class,
                () -> ShutdownSafeKafkaSpout.dropIfClosed(false, CLOSED_CONSUMER)));
    }

    @Test
    void aClosedSpoutsLastNextTupleEndsQuietly() {
        ShutdownSafeKafkaSpout.dropIfClosed(true, CLOSED_CONSUMER); // Storm's thread, still running after close()
    }
}
