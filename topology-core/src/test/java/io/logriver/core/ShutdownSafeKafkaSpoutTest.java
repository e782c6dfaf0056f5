package io.logriver.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShutdownSafeKafkaSpoutTest {
    private static final Runnable CLOSED_CONSUMER = () -> {
        throw new IllegalStateException("This consumer has already been closed.");
    };

    @Test
    void anOpenSpoutsFailurePassesOn() {
        assertEquals("This consumer has already been closed.", assertThrows(IllegalStateException.class,
                () -> ShutdownSafeKafkaSpout.unlessClosed(() -> false, CLOSED_CONSUMER)).getMessage());
    }

    @Test
    void aClosedSpoutsLastNextTupleEndsQuietly() {
        ShutdownSafeKafkaSpout.unlessClosed(() -> true, CLOSED_CONSUMER); // Storm's thread, still running after close()
    }

    @Test
    void otherFailuresPassOnEvenAfterClose() {
        assertThrows(ArithmeticException.class, () -> ShutdownSafeKafkaSpout.unlessClosed(() -> true, () -> {
            throw new ArithmeticException();
        }));
    }
}
