package io.logriver.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void aDeadlineHasPassedOnlyOnceItsTimeIsUp() throws InterruptedException {
        Deadline later = Deadline.in(Duration.ofMinutes(1));
        assertFalse(later.passed());
        assertTrue(later.remaining().compareTo(Duration.ofSeconds(59)) > 0);
        assertEquals(Duration.ofMinutes(1), later.timeout());
        Deadline soon = Deadline.in(Duration.ofMillis(20));
        Thread.sleep(40);
        assertTrue(soon.passed());
        assertEquals(Duration.ZERO, soon.remaining());
    }

    @Test
    void awaitReturnsOnceTheCheckHoldsAndPollsNoMore() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        assertTrue(Deadline.await(Duration.ofSeconds(10), Duration.ofMillis(1), () -> polls.incrementAndGet() == 3));
        assertEquals(3, polls.get());
    }

    @Test
    void awaitGivesUpAtTheDeadline() throws Exception {
        long start = System.nanoTime();
        assertFalse(Deadline.await(Duration.ofMillis(50), Duration.ofMillis(5), () -> false));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 50 && tookMs < 5_000, () -> tookMs + " ms");
    }

    @Test
    void aCheckThatThrowsEndsTheWait() {
        IOException dead = new IOException("the process died");
        IOException e = assertThrows(IOException.class, () -> Deadline.await(Duration.ofSeconds(10),
                Duration.ofMillis(1), () -> {
                    throw dead;
                }));
        assertSame(dead, e);
    }
}
