package io.logriver.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** A Redis that came back empty stops a core task at its start, or at its next checkpoint, with an error saying so. */
class StateSentinelTest {
    private static final String KEY = "logriver:g:state-since";
    private final JedisPooled redis = mock(JedisPooled.class);

    @Test
    void aNewGroupWritesTheSentinel() {
        when(redis.exists(KEY)).thenReturn(false);
        new StateSentinel(redis, "redis://127.0.0.1:1", "g", () -> false).checkAtStart();
        verify(redis).setnx(eq(KEY), anyString());
    }

    @Test
    void aSentinelThereMeansTheStateIsThere() {
        when(redis.exists(KEY)).thenReturn(true);
        StateSentinel s = new StateSentinel(redis, "redis://127.0.0.1:1", "g", () -> {
            throw new AssertionError("Kafka asked although the sentinel is there");
        });
        assertDoesNotThrow(s::checkAtStart);
        assertDoesNotThrow(s::checkAtCheckpoint);
        verify(redis, never()).setnx(anyString(), anyString());
    }

    @Test
    void noSentinelWhileKafkaHasOffsetsIsALostState() {
        when(redis.exists(KEY)).thenReturn(false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                new StateSentinel(redis, "redis://127.0.0.1:1", "g", () -> true)::checkAtStart);
        assertTrue(e.getMessage().startsWith("Redis at redis://127.0.0.1:1 (logriver.redis.url) has lost logriver's "
                + "state: " + KEY + " is missing, yet Kafka holds committed offsets of consumer group g"), e.getMessage());
        assertTrue(e.getMessage().contains("start over under a new consumer group"), e.getMessage());
        verify(redis, never()).setnx(anyString(), anyString());
    }

    @Test
    void aSentinelGoneBeforeACheckpointFailsIt() {
        when(redis.exists(KEY)).thenReturn(true, false);
        StateSentinel s = new StateSentinel(redis, "redis://127.0.0.1:1", "g", () -> true);
        s.checkAtStart();
        IllegalStateException e = assertThrows(IllegalStateException.class, s::checkAtCheckpoint);
        assertTrue(e.getMessage().contains(KEY + " is missing, yet it was there when this task started"), e.getMessage());
    }
}
