package io.logriver.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/** A Redis that cannot be reached is waited for (a restart, a full disk); what Redis answered is not. */
class RedisWaitTest {
    private static final String ADDRESS = "redis://127.0.0.1:1 (logriver.redis.url)";

    /** A call that fails {@code failures} times with what {@code error} makes, then answers "ok". */
    private static Supplier<String> failing(int failures, AtomicInteger calls, Supplier<RuntimeException> error) {
        return () -> {
            if (calls.incrementAndGet() <= failures) {
                throw error.get();
            }
            return "ok";
        };
    }

    /** A call that cannot connect {@code failures} times, then answers "ok". */
    private static Supplier<String> away(int failures, AtomicInteger calls) {
        return failing(failures, calls,
                () -> new IllegalStateException("pool", new JedisConnectionException("Failed to connect to 127.0.0.1:1.")));
    }

    @Test
    void aRedisBackWithinTheWaitAnswersTheCall() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("ok", new RedisStateProvider.Redis(ADDRESS, 10_000).call(away(3, calls)));
        assertEquals(4, calls.get(), "tried again until it answered");
    }

    @Test
    void aRedisAwayLongerThanTheWaitFailsTheCallNamingRedisAndTheKey() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RedisStateProvider.Redis(ADDRESS, 600).call(away(1_000, calls)));
        assertTrue(e.getMessage().matches("Redis at \\Q" + ADDRESS + "\\E: JedisConnectionException: Failed to connect to "
                + "127\\.0\\.0\\.1:1\\. \\(after (6\\d\\d|[7-9]\\d\\d|\\d{4,}) ms of waiting for it, "
                + "logriver\\.redis\\.wait\\.ms: 600\\)"), e.getMessage());
        assertTrue(calls.get() >= 2, "tried more than once: " + calls.get());
    }

    @Test
    void noWaitFailsAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RedisStateProvider.Redis(ADDRESS, 0).call(away(1, calls)));
        assertEquals("Redis at " + ADDRESS + ": JedisConnectionException: Failed to connect to 127.0.0.1:1.",
                e.getMessage());
        assertEquals(1, calls.get());
    }

    @Test
    void aRedisStillLoadingItsFileIsWaitedFor() {
        assertWaitedFor(() -> new JedisDataException("LOADING Redis is loading the dataset in memory"));
    }

    @Test
    void aPoolWithoutAConnectionThatPassesItsCheckIsWaitedFor() {
        assertWaitedFor(() -> new IllegalStateException("Redis at x", new JedisException(
                "Could not get a resource from the pool", new java.util.NoSuchElementException("Unable to validate object"))));
    }

    private static void assertWaitedFor(Supplier<RuntimeException> error) {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("ok", new RedisStateProvider.Redis(ADDRESS, 10_000).call(failing(2, calls, error)));
        assertEquals(3, calls.get(), "tried again until it answered");
    }

    @Test
    void whatRedisAnsweredIsNotWaitedFor() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> new RedisStateProvider.Redis(ADDRESS, 10_000).call(() -> {
            calls.incrementAndGet();
            throw new JedisDataException("MISCONF Redis is configured to save RDB snapshots");
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void aCheckKeepsItsOwnErrorThatNamesRedis() {
        IllegalStateException lost = new IllegalStateException("Redis at x has lost logriver's state");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RedisStateProvider.Redis(ADDRESS, 10_000).check(() -> {
                    throw lost;
                }));
        assertSame(lost, e, "not waited for, not wrapped");
    }
}
